package com.recruitdesk.app.admin.data;

import java.util.UUID;

/** An institution whose cohorts an institution admin manages. */
public record Institution(UUID id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
