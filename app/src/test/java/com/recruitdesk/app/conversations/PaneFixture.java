package com.recruitdesk.app.conversations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.common.DirectTaskExecutor;
import com.recruitdesk.app.conversations.data.ConversationCommands;
import com.recruitdesk.app.conversations.data.Inbox;
import com.recruitdesk.app.conversations.data.PaneData;
import com.recruitdesk.app.conversations.data.People;
import com.recruitdesk.app.conversations.data.Threads;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.support.StoreSubmitter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The pane's view models over a real local store ({@link PaneData}'s rows), run synchronously, at a fixed time. */
final class PaneFixture implements AutoCloseable {
    static final UUID ME = PaneData.ME;
    static final UUID NUMBER = PaneData.TALENT;
    static final JsonNodeFactory JSON = PaneData.JSON;

    final Instant now = Instant.parse("2026-11-25T12:00:00Z");
    final LocalStore store;
    final PaneData data;
    final ConversationsViewModel vm;
    final ConversationCommands commands;
    final List<String> opened = new ArrayList<>();

    PaneFixture(Path dir) {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
        data = new PaneData(store);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        var tasks = new DirectTaskExecutor();
        Times times = new Times(clock, ZoneOffset.UTC);
        Blobs blobs = new Blobs(null, store, BlobFiles.besideStore(dir.resolve("store.db")));
        commands = new ConversationCommands(store, new StoreSubmitter(store, clock), blobs, ME, clock);
        Inbox inbox = new Inbox(store);
        vm = new ConversationsViewModel(
                store,
                new InboxViewModel(inbox, tasks, ME, times),
                new ThreadViewModel(new Threads(store), inbox, commands, blobs, tasks, times, ME, opened::add),
                new ComposerViewModel(commands, blobs, tasks),
                new CandidateViewModel(new People(store), commands, tasks),
                new CannedResponsesViewModel(commands, tasks),
                tasks);
    }

    ObjectNode row(String entity, UUID id, ObjectNode data) {
        return this.data.row(entity, id, data);
    }

    /** An approved template of {@link #NUMBER} without components: the test adds them. */
    ObjectNode template(String name, String language) {
        return data.templateRow(NUMBER, name, language);
    }

    /** An open conversation on {@link #NUMBER} with two unread lines; {@code lastInbound} null: never wrote. */
    UUID conversation(String name, Instant lastInbound) {
        UUID person = data.person(name, "+27825550101");
        return data.conversation(
                person, NUMBER, "open", null, lastInbound == null ? now.minusSeconds(30) : lastInbound, lastInbound);
    }

    ObjectNode message(UUID conversation, String direction, String type, String body, Instant at) {
        return data.message(conversation, direction, type, body, at);
    }

    void pull() {
        data.pull();
    }

    void pullEverythingAgain() {
        data.pullEverythingAgain();
    }

    @Override
    public void close() {
        store.close();
    }
}
