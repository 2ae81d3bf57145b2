/** The Pipelines pane's reads and writes, free of JavaFX; today how the store files its rows. */
package com.recruitdesk.app.pipelines.data;
