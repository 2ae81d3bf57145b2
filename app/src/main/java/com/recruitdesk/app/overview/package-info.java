/** A stand-in pane that lists how many rows of each kind are synced, until the real panes exist. */
package com.recruitdesk.app.overview;
