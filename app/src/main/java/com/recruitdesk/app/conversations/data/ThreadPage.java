package com.recruitdesk.app.conversations.data;

import java.util.List;

/** Messages of a thread, oldest first, and whether older ones exist before the first. */
public record ThreadPage(List<MessageItem> messages, boolean hasOlder) {
    public ThreadPage {
        messages = List.copyOf(messages);
    }
}
