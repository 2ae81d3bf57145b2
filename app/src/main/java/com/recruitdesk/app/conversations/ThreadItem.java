package com.recruitdesk.app.conversations;

import com.recruitdesk.app.conversations.data.MessageItem;
import java.util.List;

/** What a thread's list shows, line by line. */
public sealed interface ThreadItem {
    /** A stable key, so the list keeps its place when items are added above. */
    String key();

    /** "Load older messages" at the top while older ones exist. */
    record Older() implements ThreadItem {
        @Override
        public String key() {
            return "older";
        }
    }

    /** A date between the messages of two days. */
    record Day(String label) implements ThreadItem {
        @Override
        public String key() {
            return "day:" + label;
        }
    }

    /**
     * A message, note or system line, with who wrote it, the message it quotes (if any, else null)
     * and the reactions to it (emoji).
     */
    record Line(MessageItem message, String sender, MessageItem quoted, List<String> reactions) implements ThreadItem {
        public Line {
            reactions = List.copyOf(reactions);
        }

        @Override
        public String key() {
            return message.id().toString();
        }
    }
}
