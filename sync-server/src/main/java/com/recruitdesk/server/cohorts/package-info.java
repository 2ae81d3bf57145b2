/**
 * Cohorts (seed 004): the mutators of cohorts, sponsors, enrollments and document decisions, the
 * one writer of each of their tables, the student's upload page ({@code /enroll/{token}}) and the
 * verification trail's exports. Decisions 0029 (the upload page) and 0030 (decisions bound to the
 * bytes, the chained trail).
 */
package com.recruitdesk.server.cohorts;
