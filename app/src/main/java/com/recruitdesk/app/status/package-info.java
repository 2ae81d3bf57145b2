/** The status bar: sync state, pending outbox count, last error and time of the last sync. */
package com.recruitdesk.app.status;
