/**
 * The Conversations pane: the shared WhatsApp inbox, a thread with its composer, and the candidate
 * panel. Views build and bind nodes; view models hold the state and commands; everything they read
 * comes from the local store through {@code conversations.data}.
 */
package com.recruitdesk.app.conversations;
