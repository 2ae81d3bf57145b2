package com.recruitdesk.app.conversations.data;

import java.util.UUID;

/** A reusable text, picked in the composer by typing '/' and its shortcut. */
public record CannedResponse(UUID id, String shortcut, String body) {}
