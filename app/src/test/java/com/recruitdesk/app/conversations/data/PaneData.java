package com.recruitdesk.app.conversations.data;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.sync.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows shaped as the server sends them (camelCase, its time format), applied to a real local store
 * as pulled pages: people, conversations, messages, tags, colleagues, numbers, templates.
 */
public final class PaneData {
    public static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    public static final UUID ME = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    public static final UUID COLLEAGUE = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    public static final UUID TALENT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    public static final UUID JOBS = UUID.fromString("00000000-0000-0000-0000-0000000000c2");

    private final LocalStore store;
    private final List<Change> page = new ArrayList<>();
    private final List<Change> pulled = new ArrayList<>();
    private int cursor;

    public PaneData(LocalStore store) {
        this.store = store;
        row("user", ME, JSON.objectNode().put("fullName", "Riley Recruiter").put("email", "r@x.test"))
                .putArray("roles")
                .add("RECRUITER");
        row("user", COLLEAGUE, JSON.objectNode().put("fullName", "Sam Sourcer").put("email", "s@x.test"))
                .putArray("roles")
                .add("RECRUITER");
        row(
                "whatsappAccount",
                TALENT,
                JSON.objectNode().put("displayName", "Talent line").put("phone", "+27215550100"));
        row(
                "whatsappAccount",
                JOBS,
                JSON.objectNode().put("displayName", "Jobs line").put("phone", "+27105550200"));
    }

    static String at(Instant t) {
        return RowValues.format(t);
    }

    public ObjectNode row(String entity, UUID id, ObjectNode data) {
        data.put("id", id.toString()).put("version", 1);
        page.add(new Change(entity, id, Change.UPSERT, 1, data));
        return data;
    }

    public UUID person(String fullName, String whatsappId) {
        UUID id = UUID.randomUUID();
        row(
                "candidate",
                id,
                JSON.objectNode()
                        .put("fullName", fullName)
                        .put("whatsappId", whatsappId)
                        .put("source", "whatsapp"));
        return id;
    }

    public UUID conversation(
            UUID person, UUID number, String status, UUID assignee, Instant lastMessage, Instant lastInbound) {
        UUID id = UUID.randomUUID();
        ObjectNode c = row(
                "conversation",
                id,
                JSON.objectNode()
                        .put("candidateId", person.toString())
                        .put("whatsappAccountId", number.toString())
                        .put("status", status)
                        .put("unreadCount", 2)
                        .put("lastMessagePreview", "…")
                        .put("lastMessageAt", at(lastMessage))
                        .put("createdAt", at(lastMessage.minusSeconds(3600))));
        if (assignee != null) {
            c.put("assignedUserId", assignee.toString());
        }
        if (lastInbound != null) {
            c.put("lastInboundAt", at(lastInbound));
        }
        return id;
    }

    public ObjectNode message(UUID conversation, String direction, String type, String body, Instant sentAt) {
        UUID id = UUID.randomUUID();
        ObjectNode m = row(
                "message",
                id,
                JSON.objectNode()
                        .put("conversationId", conversation.toString())
                        .put("direction", direction)
                        .put("type", type)
                        .put("senderType", direction.equals("inbound") ? "candidate" : "user")
                        .put("body", body)
                        .put("sentAt", at(sentAt)));
        if (direction.equals("outbound")) {
            m.put("status", "read").put("senderUserId", ME.toString());
        }
        return m;
    }

    public void tag(UUID person, String tag) {
        row(
                "candidateTag",
                UUID.randomUUID(),
                JSON.objectNode()
                        .put("candidateId", person.toString())
                        .put("tag", tag)
                        .put("createdAt", at(Instant.now())));
    }

    public UUID template(UUID number, String name, String body) {
        ObjectNode t = templateRow(number, name, "en_US");
        t.putArray("components").addObject().put("type", "BODY").put("text", body);
        return UUID.fromString(t.path("id").asText());
    }

    /** An approved template without components yet: the caller adds them to the returned row. */
    public ObjectNode templateRow(UUID number, String name, String language) {
        UUID id = UUID.randomUUID();
        return row(
                "messageTemplate",
                id,
                JSON.objectNode()
                        .put("whatsappAccountId", number.toString())
                        .put("name", name)
                        .put("language", language)
                        .put("category", "utility")
                        .put("status", "approved"));
    }

    /** Applies what was added as one pulled page. */
    public void pull() {
        store.applyPage(List.copyOf(page), "c" + (++cursor));
        pulled.addAll(page);
        page.clear();
    }

    /** Applies every row pulled so far again as one page: the re-snapshot after an access reset. */
    public void pullEverythingAgain() {
        store.applyPage(List.copyOf(pulled), "c" + (++cursor));
    }
}
