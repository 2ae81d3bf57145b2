/** The Interviews pane's reads and writes, free of JavaFX; today how the store files its rows. */
package com.recruitdesk.app.interviews.data;
