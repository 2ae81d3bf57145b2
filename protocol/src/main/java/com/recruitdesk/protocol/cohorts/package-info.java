/**
 * The Cohorts feature's contract (seed 004): cohorts, sponsors, enrollments and the document
 * decisions of the review station, with the rules both ends apply ({@link
 * com.recruitdesk.protocol.cohorts.CohortRules}).
 */
package com.recruitdesk.protocol.cohorts;
