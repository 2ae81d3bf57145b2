/**
 * The Administration pane, for administrators (managers read it): users and their roles, WhatsApp
 * numbers with their health, templates, the organization's settings and the activity log; views and
 * view models side by side, the reads and commands in {@code admin.data}.
 */
package com.recruitdesk.app.admin;
