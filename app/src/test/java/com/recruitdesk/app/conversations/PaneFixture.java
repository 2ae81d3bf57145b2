package com.recruitdesk.app.conversations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.common.DirectTaskExecutor;
import com.recruitdesk.app.conversations.data.ConversationCommands;
import com.recruitdesk.app.conversations.data.Inbox;
import com.recruitdesk.app.conversations.data.People;
import com.recruitdesk.app.conversations.data.Threads;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Mutation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The pane's view models over a real local store, run synchronously (no toolkit), at a fixed time. */
final class PaneFixture implements AutoCloseable {
    static final UUID ME = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID NUMBER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final Instant now = Instant.parse("2026-11-25T12:00:00Z");
    final LocalStore store;
    final ConversationsViewModel vm;
    final List<String> opened = new ArrayList<>();
    private final List<Change> page = new ArrayList<>();

    PaneFixture(Path dir) {
        store = LocalStore.open(dir.resolve("store.db"));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        var tasks = new DirectTaskExecutor();
        Times times = new Times(clock, ZoneOffset.UTC);
        Blobs blobs = new Blobs(null, store, BlobFiles.besideStore(dir.resolve("store.db")));
        ConversationCommands commands = new ConversationCommands(
                store,
                (name, args, optimistic) -> {
                    Mutation m = new Mutation(
                            UUID.randomUUID(), name, Json.newMapper().valueToTree(args), now);
                    store.enqueue(m, optimistic);
                    return m.id();
                },
                blobs,
                ME,
                clock);
        Inbox inbox = new Inbox(store);
        vm = new ConversationsViewModel(
                store,
                new InboxViewModel(inbox, tasks, ME, times),
                new ThreadViewModel(new Threads(store), inbox, commands, blobs, tasks, times, ME, opened::add),
                new ComposerViewModel(commands, blobs, tasks),
                new CandidateViewModel(new People(store), commands, tasks),
                tasks);
        row("user", ME, JSON.objectNode().put("fullName", "Riley Recruiter"))
                .putArray("roles")
                .add("RECRUITER");
        row("whatsappAccount", NUMBER, JSON.objectNode().put("displayName", "Talent line"));
    }

    static String at(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC).toString();
    }

    ObjectNode row(String entity, UUID id, ObjectNode data) {
        data.put("id", id.toString()).put("version", 1);
        page.add(new Change(entity, id, Change.UPSERT, 1, data));
        return data;
    }

    UUID conversation(String name, Instant lastInbound) {
        UUID person = UUID.randomUUID();
        row("candidate", person, JSON.objectNode().put("fullName", name).put("whatsappId", "+27825550101"));
        UUID id = UUID.randomUUID();
        ObjectNode c = row(
                "conversation",
                id,
                JSON.objectNode()
                        .put("candidateId", person.toString())
                        .put("whatsappAccountId", NUMBER.toString())
                        .put("status", "open")
                        .put("unreadCount", 2)
                        .put("lastMessageAt", at(lastInbound == null ? now.minusSeconds(30) : lastInbound)));
        if (lastInbound != null) {
            c.put("lastInboundAt", at(lastInbound));
        }
        return id;
    }

    ObjectNode message(UUID conversation, String direction, String type, String body, Instant at) {
        ObjectNode m = row(
                "message",
                UUID.randomUUID(),
                JSON.objectNode()
                        .put("conversationId", conversation.toString())
                        .put("direction", direction)
                        .put("type", type)
                        .put("senderType", direction.equals("inbound") ? "candidate" : "user")
                        .put("body", body)
                        .put("sentAt", at(at)));
        if (direction.equals("outbound")) {
            m.put("status", "delivered").put("senderUserId", ME.toString());
        }
        return m;
    }

    void pull() {
        store.applyPage(List.copyOf(page), "c" + System.nanoTime());
        page.clear();
    }

    @Override
    public void close() {
        store.close();
    }
}
