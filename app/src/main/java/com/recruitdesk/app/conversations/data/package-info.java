/**
 * The Conversations pane's reads and writes, free of JavaFX: inbox rows, thread pages, people,
 * colleagues and templates from the local store; the pane's mutations with their optimistic rows;
 * how the store files and searches the rows it reads ({@link com.recruitdesk.app.conversations.data.ConversationIndexes}).
 */
package com.recruitdesk.app.conversations.data;
