/** The local copy of the data in SQLite: replicated rows, the outbox, the cursor and message search. */
package com.recruitdesk.app.store;
