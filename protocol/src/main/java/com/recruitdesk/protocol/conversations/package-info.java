/** The Conversations feature's contract: its mutations, argument records and the rules both sides apply. */
package com.recruitdesk.protocol.conversations;
