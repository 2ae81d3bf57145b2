/**
 * The Administration feature's contract: the mutations that manage users, WhatsApp numbers,
 * templates and the organization's settings, the rules both ends apply to them, and the records of
 * the administrator's read endpoints (the activity log, the numbers' health).
 */
package com.recruitdesk.protocol.admin;
