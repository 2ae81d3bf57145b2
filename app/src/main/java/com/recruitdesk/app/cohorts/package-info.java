/** The Cohorts pane (enrolments and the documents students upload), for institution admins and administrators. */
package com.recruitdesk.app.cohorts;
