/**
 * The Administration pane's reads of the local store (users, institutions, numbers, templates,
 * settings), its commands (the administration mutations with their optimistic rows), and its reads
 * of the server (the activity log, the numbers' health), free of JavaFX.
 */
package com.recruitdesk.app.admin.data;
