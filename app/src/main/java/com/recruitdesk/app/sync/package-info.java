/** The sync engine: pushes the outbox, pulls changes, listens for pokes, backs off while offline. */
package com.recruitdesk.app.sync;
