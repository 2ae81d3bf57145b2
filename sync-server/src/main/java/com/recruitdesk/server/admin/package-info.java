/**
 * Administration: the mutations that manage users (invite, roles, deactivation, password resets),
 * WhatsApp numbers (checked with Meta before they are saved), templates (submitted to Meta) and the
 * organization's settings; the administrator's reads of the activity log and of the numbers' health;
 * and the task that compacts the change feed by the retention setting.
 */
package com.recruitdesk.server.admin;
