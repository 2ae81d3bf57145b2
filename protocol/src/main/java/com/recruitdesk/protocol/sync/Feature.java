package com.recruitdesk.protocol.sync;

/**
 * The features of the product, each with its own contract file, server package and desktop pane.
 * A mutation belongs to one of them, and its rejection is shown by that feature's pane.
 */
public enum Feature {
    CONVERSATIONS,
    PIPELINES,
    INTERVIEWS,
    COHORTS,
    ADMIN,
    CRM,
    ASSESSMENTS
}
