package com.recruitdesk.app.conversations.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.app.blobs.Attachment;
import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command goes to the outbox as its named mutation, and its optimistic rows show at once. */
class ConversationCommandsTest {
    @TempDir
    Path dir;

    final Instant now = Instant.parse("2026-11-25T12:00:00Z");
    final ObjectMapper mapper = Json.newMapper();
    LocalStore store;
    PaneData data;
    ConversationCommands commands;
    Blobs blobs;
    UUID person;
    UUID conversation;

    @BeforeEach
    void fill() {
        store = LocalStore.open(dir.resolve("store.db"));
        data = new PaneData(store);
        person = data.person("Thandiwe Nkosi", "+27825550101");
        conversation =
                data.conversation(person, PaneData.TALENT, "new", null, now.minusSeconds(60), now.minusSeconds(60));
        data.tag(person, "vip");
        data.pull();
        blobs = new Blobs(null, store, BlobFiles.besideStore(dir.resolve("store.db")));
        commands = new ConversationCommands(
                store,
                new Submitter() {
                    @Override
                    public <A extends Record> UUID submit(
                            MutationType<A> type, A args, List<LocalStore.Optimistic> optimistic) {
                        Mutation m = new Mutation(UUID.randomUUID(), type.name(), mapper.valueToTree(args), now);
                        store.enqueue(m, optimistic);
                        return m.id();
                    }
                },
                blobs,
                PaneData.ME,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Mutation only() {
        List<Mutation> pending = store.pending(10);
        assertThat(pending).hasSize(1);
        return pending.getFirst();
    }

    @Test
    void aReplyShowsAtOnceAsQueuedAndMovesTheConversationUp() {
        UUID id = commands.send(conversation, "  Yes, it is still open!  ", null, null);

        Mutation m = only();
        assertThat(m.name()).isEqualTo(ConversationMutations.SEND_MESSAGE.name());
        assertThat(m.args().path("messageId").asText()).isEqualTo(id.toString());
        assertThat(m.args().path("text").asText()).isEqualTo("Yes, it is still open!");
        var message = store.row("message", id).orElseThrow();
        assertThat(message.path("status").asText()).isEqualTo("queued");
        assertThat(message.path("senderUserId").asText()).isEqualTo(PaneData.ME.toString());
        var row = new Inbox(store).row(conversation).orElseThrow();
        assertThat(row.preview()).isEqualTo("Yes, it is still open!");
        assertThat(row.lastMessageAt()).isEqualTo(now);
        assertThat(row.status()).as("a new conversation opens when answered").isEqualTo(ConversationStatus.OPEN);
        assertThat(row.pending()).isTrue();
    }

    @Test
    void aFileIsQueuedForUploadAndTheMessageTakesItsType() throws Exception {
        Path photo = Files.write(dir.resolve("licence.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Attachment a = blobs.attach(photo);

        UUID id = commands.send(conversation, "My licence", null, a);

        assertThat(store.pendingUploads()).extracting(LocalStore.Upload::blobId).containsExactly(a.blobId());
        var message = store.row("message", id).orElseThrow();
        assertThat(message.path("type").asText()).isEqualTo("image");
        assertThat(message.path("mediaCaption").asText()).isEqualTo("My licence");
        assertThat(only().args().path("mediaBlobId").asText())
                .isEqualTo(a.blobId().toString());
        assertThat(blobs.isHere(a.blobId()))
                .as("shown from this computer before the upload")
                .isTrue();
    }

    @Test
    void aTemplateIsRenderedWithItsVariables() {
        UUID templateId = data.template(PaneData.TALENT, "follow_up", "Hi {{1}}, still keen on {{2}}?");
        data.pull();
        Template template =
                Directory.load(store).approvedTemplates(PaneData.TALENT).getFirst();
        assertThat(template.id()).isEqualTo(templateId);

        UUID id = commands.sendTemplate(conversation, template, List.of("Thandi", "the night shift"));

        assertThat(store.row("message", id).orElseThrow().path("body").asText())
                .isEqualTo("Hi Thandi, still keen on the night shift?");
        assertThat(only().args().path("variables").toString()).isEqualTo("[\"Thandi\",\"the night shift\"]");
    }

    @Test
    void statusAssignmentAndReadStateChangeTheConversationWithTheVersionTheyWereMadeOn() {
        commands.setStatus(conversation, ConversationStatus.NEEDS_ATTENTION);
        commands.assignToMe(conversation);
        commands.markRead(conversation, false); // unread already: nothing to send
        commands.markRead(conversation, true);

        List<Mutation> pending = store.pending(10);
        assertThat(pending)
                .extracting(Mutation::name)
                .containsExactly(
                        ConversationMutations.SET_STATUS.name(),
                        ConversationMutations.ASSIGN.name(),
                        ConversationMutations.MARK_READ.name());
        assertThat(pending.getFirst().args().path("baseVersion").asLong()).isEqualTo(1);
        var row = new Inbox(store).row(conversation).orElseThrow();
        assertThat(row.status()).isEqualTo(ConversationStatus.NEEDS_ATTENTION);
        assertThat(row.assigneeId()).isEqualTo(PaneData.ME);
        assertThat(row.unread()).isZero();
    }

    @Test
    void tagsAreAddedAndRemovedAtOnce() {
        People people = new People(store);
        commands.addTag(person, " night-shift ");
        CandidateProfile.Tag vip = people.profile(person).orElseThrow().tags().stream()
                .filter(t -> t.tag().equals("vip"))
                .findFirst()
                .orElseThrow();
        commands.removeTag(person, vip);

        assertThat(people.profile(person).orElseThrow().tags())
                .extracting(CandidateProfile.Tag::tag)
                .containsExactly("night-shift");
        assertThat(store.pending(10))
                .extracting(m -> m.args().path("add").asBoolean())
                .containsExactly(true, false);
    }

    @Test
    void aNoteIsPrivateAndInTheThread() {
        UUID id = commands.addNote(conversation, "Call before Friday.");

        var note = store.row("message", id).orElseThrow();
        assertThat(note.path("direction").asText()).isEqualTo("internal");
        assertThat(note.path("type").asText()).isEqualTo("note");
        assertThat(note.has("status")).isFalse();
        assertThat(only().name()).isEqualTo(ConversationMutations.ADD_NOTE.name());
    }
}
