package com.recruitdesk.app.pipelines.data;

import java.util.UUID;

/** A job in the pane's list: what it is, where it stands, and how many applications are active. */
public record JobItem(
        UUID id, String title, String status, String location, UUID recruiterId, int active, long version) {}
