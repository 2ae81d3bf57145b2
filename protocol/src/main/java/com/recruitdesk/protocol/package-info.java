/** The wire contract between the desktop app and the sync server: records and JSON settings, no I/O. */
package com.recruitdesk.protocol;
