package com.recruitdesk.protocol.auth;

/** What a user may do; a user may hold several. */
public enum Role {
    /** Everything in the organization. */
    ADMIN,
    MANAGER,
    RECRUITER,
    /** Only the interviews they take part in. */
    INTERVIEWER,
    SALES,
    /** Only the cohorts of one institution. */
    INSTITUTION_ADMIN
}
