package com.recruitdesk.app.conversations;

import com.recruitdesk.app.conversations.data.MessageItem;
import com.recruitdesk.app.conversations.data.ThreadPage;
import com.recruitdesk.app.format.Times;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Turns a page of a thread's messages into the lines its list shows. */
final class ThreadLines {
    private ThreadLines() {}

    /**
     * The lines of {@code page} oldest first: "older" on top while there are older ones, a day
     * separator where the day changes, each message with the message it quotes (from the page or
     * {@code quoted}) and the reactions to it; the reactions themselves are folded into their target.
     */
    static List<ThreadItem> of(
            ThreadPage page, Map<UUID, MessageItem> quoted, Times times, Function<MessageItem, String> sender) {
        List<MessageItem> messages = page.messages();
        Map<UUID, MessageItem> byId = new HashMap<>(quoted);
        Map<String, UUID> byProviderId = new HashMap<>();
        for (MessageItem m : messages) {
            byId.put(m.id(), m);
            if (m.providerMessageId() != null) {
                byProviderId.put(m.providerMessageId(), m.id());
            }
        }
        // A reaction is shown on the message it reacts to; the newest reaction of the person wins.
        Map<UUID, String> reactions = new LinkedHashMap<>();
        Set<UUID> folded = new HashSet<>();
        for (MessageItem m : messages) {
            if (!m.reaction()) {
                continue;
            }
            UUID target = m.replyToId();
            if (target == null) {
                target = byProviderId.get(m.payload()
                        .path("message_id")
                        .asText(m.payload().path("messageId").asText(null)));
            }
            if (target != null && byId.containsKey(target)) {
                String emoji =
                        m.body() != null ? m.body() : m.payload().path("emoji").asText("");
                reactions.put(target, emoji);
                folded.add(m.id());
            }
        }
        List<ThreadItem> lines = new ArrayList<>();
        if (page.hasOlder()) {
            lines.add(new ThreadItem.Older());
        }
        LocalDate day = null;
        for (MessageItem m : messages) {
            if (folded.contains(m.id())) {
                continue;
            }
            LocalDate d = m.sentAt() == null ? day : times.dayOf(m.sentAt());
            if (d != null && !d.equals(day)) {
                lines.add(new ThreadItem.Day(times.day(d)));
                day = d;
            }
            String emoji = reactions.get(m.id());
            lines.add(new ThreadItem.Line(
                    m,
                    sender.apply(m),
                    m.replyToId() == null || m.reaction() ? null : byId.get(m.replyToId()),
                    emoji == null || emoji.isBlank() ? List.of() : List.of(emoji)));
        }
        return lines;
    }
}
