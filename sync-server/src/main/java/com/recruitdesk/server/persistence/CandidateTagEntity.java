package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** One tag on a person (001's Contact.tags); unique per (candidate, tag). */
@Entity
@Table(name = "candidate_tags")
class CandidateTagEntity extends SyncedRow {
    UUID organizationId;
    UUID candidateId;
    String tag;
}
