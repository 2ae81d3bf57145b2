/** The Interviews feature's contract: scheduling, scorecards and their amendments, notifications, and the rules both sides apply. */
package com.recruitdesk.protocol.interviews;
