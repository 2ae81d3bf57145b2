package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** One change of an application's status fields; {@code changedByUserId} null means the bot or the system. */
@Entity
@Table(name = "application_timeline")
class ApplicationTimelineEntity extends SyncedRow {
    UUID organizationId;
    UUID applicationId;
    /** stage, automation_status, follow_up_status or assessment_status. */
    String field = "stage";

    String previousStatus;
    String newStatus;
    UUID changedByUserId;
    String remarks;
}
