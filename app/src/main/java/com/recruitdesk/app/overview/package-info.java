/** The "Synced data" pane, for everyone: how many rows of each kind this computer holds. */
package com.recruitdesk.app.overview;
