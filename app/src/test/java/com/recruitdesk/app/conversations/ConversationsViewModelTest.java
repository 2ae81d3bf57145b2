package com.recruitdesk.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.conversations.data.CannedResponse;
import com.recruitdesk.app.conversations.data.ConversationStatus;
import com.recruitdesk.app.pane.Pane;
import com.recruitdesk.app.pane.RejectionRouter;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pane's view models on a real store, without a toolkit. */
class ConversationsViewModelTest {
    @TempDir
    Path dir;

    PaneFixture f;
    ConversationsViewModel vm;

    @BeforeEach
    void open() {
        f = new PaneFixture(dir);
        vm = f.vm;
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void openConversation(UUID id) {
        vm.start();
        assertThat(vm.inbox().select(id)).isTrue();
    }

    @Test
    void openingAConversationShowsItsLinesByDayAndMarksItRead() {
        UUID c = f.conversation("Sipho Dlamini", f.now.minus(Duration.ofHours(2)));
        f.message(c, "inbound", "text", "Hello from yesterday", f.now.minus(Duration.ofDays(1)));
        f.message(c, "outbound", "text", "Hi Sipho", f.now.minus(Duration.ofHours(3)));
        f.message(c, "inbound", "text", "Is it still open?", f.now.minus(Duration.ofHours(2)));
        f.pull();

        openConversation(c);

        assertThat(vm.thread().titleProperty().get()).isEqualTo("Sipho Dlamini");
        assertThat(vm.thread().items())
                .extracting(i -> i instanceof ThreadItem.Day d
                        ? "day " + d.label()
                        : ((ThreadItem.Line) i).message().body())
                .containsExactly("day Yesterday", "Hello from yesterday", "day Today", "Hi Sipho", "Is it still open?");
        assertThat(f.store.pending(10))
                .extracting(m -> m.name())
                .containsExactly(ConversationMutations.MARK_READ.name());
        assertThat(vm.inbox().selectedProperty().get().unread()).isZero();
    }

    @Test
    void aDraftOutlivesAnAccessResetThatRefillsItsConversationButNotAMoveToAnother() {
        UUID c = f.conversation("Sipho Dlamini", f.now.minus(Duration.ofHours(2)));
        UUID other = f.conversation("Lerato Molefe", f.now.minus(Duration.ofHours(3)));
        f.pull();
        openConversation(c);
        vm.composer().textProperty().set("We have a shift for you on");
        f.store.pending(10).forEach(m -> f.store.withdraw(m.id())); // the mark-read has reached the server

        // A role change: the server asks for a fresh copy, the store is wiped and filled again.
        f.store.reset("");
        assertThat(vm.thread().conversationProperty().get()).isNull();
        f.pullEverythingAgain();
        assertThat(vm.inbox().select(c)).isTrue();
        assertThat(vm.composer().textProperty().get()).isEqualTo("We have a shift for you on");

        assertThat(vm.inbox().select(other)).isTrue();
        assertThat(vm.composer().textProperty().get()).isEmpty();
    }

    @Test
    void aReactionIsShownOnTheMessageItAnswersAndAQuoteWithItsReply() {
        UUID c = f.conversation("Lerato Molefe", f.now.minus(Duration.ofMinutes(5)));
        ObjectNode ours = f.message(c, "outbound", "text", "See you at 9", f.now.minus(Duration.ofMinutes(20)));
        ours.put("providerMessageId", "wamid.OURS");
        ObjectNode reaction = f.message(c, "inbound", "reaction", "👍", f.now.minus(Duration.ofMinutes(10)));
        reaction.putObject("payload").put("emoji", "👍").put("message_id", "wamid.OURS");
        ObjectNode reply = f.message(c, "inbound", "text", "Can it be 10?", f.now.minus(Duration.ofMinutes(5)));
        reply.put("replyToMessageId", ours.path("id").asText());
        f.pull();

        openConversation(c);

        List<ThreadItem.Line> lines = vm.thread().items().stream()
                .filter(ThreadItem.Line.class::isInstance)
                .map(ThreadItem.Line.class::cast)
                .toList();
        assertThat(lines).extracting(l -> l.message().body()).containsExactly("See you at 9", "Can it be 10?");
        assertThat(lines.getFirst().reactions()).containsExactly("👍");
        assertThat(lines.get(1).quoted().body()).isEqualTo("See you at 9");
        assertThat(lines.getFirst().sender()).isEqualTo("You");
    }

    @Test
    void insideTheWindowTheComposerSendsTextAndTellsWhenTheWindowCloses() {
        UUID c = f.conversation("Naledi Mokoena", f.now.minus(Duration.ofHours(20)));
        f.pull();
        openConversation(c);

        assertThat(vm.thread().windowOpenProperty().get()).isTrue();
        assertThat(vm.thread().windowTextProperty().get()).contains("closes in 4 h");
        assertThat(vm.composer().showsTemplatesBinding().get()).isFalse();
        assertThat(vm.composer().canSendBinding().get()).isFalse();

        vm.composer().textProperty().set("We have a shift for you on Monday.");
        assertThat(vm.composer().canSendBinding().get()).isTrue();
        vm.composer().send();

        assertThat(vm.composer().textProperty().get()).isEmpty();
        assertThat(f.store.pending(10)).extracting(m -> m.name()).contains(ConversationMutations.SEND_MESSAGE.name());
        assertThat(vm.thread().items())
                .anySatisfy(i -> assertThat(i).isInstanceOfSatisfying(ThreadItem.Line.class, l -> {
                    assertThat(l.message().body()).isEqualTo("We have a shift for you on Monday.");
                    assertThat(l.message().status()).isEqualTo("queued");
                    assertThat(l.message().pending()).isTrue();
                }));
    }

    @Test
    void outsideTheWindowOnlyATemplateMayBeSentAndItNeedsEveryVariable() {
        UUID c = f.conversation("Pieter Botha", f.now.minus(Duration.ofHours(30)));
        ObjectNode t = f.template("application_follow_up", "en_US");
        t.putArray("components").addObject().put("type", "BODY").put("text", "Hi {{1}}, still keen on {{2}}?");
        f.pull();
        openConversation(c);

        assertThat(vm.thread().windowOpenProperty().get()).isFalse();
        assertThat(vm.composer().showsTemplatesBinding().get()).isTrue();
        assertThat(vm.composer().templates()).extracting(x -> x.name()).containsExactly("application_follow_up");
        assertThat(vm.composer().fields()).hasSize(2);
        vm.composer().textProperty().set("free text is not offered here");
        assertThat(vm.composer().canSendBinding().get()).isFalse();

        vm.composer().fields().get(0).value().set("Pieter");
        assertThat(vm.composer().canSendBinding().get())
                .as("one value still missing")
                .isFalse();
        vm.composer().fields().get(1).value().set("the forklift job");
        assertThat(vm.composer().templatePreviewProperty().get())
                .isEqualTo("Hi Pieter, still keen on the forklift job?");
        assertThat(vm.composer().canSendBinding().get()).isTrue();
        vm.composer().send();

        assertThat(f.store.pending(10)).extracting(m -> m.name()).contains(ConversationMutations.SEND_TEMPLATE.name());
        vm.composer().modeProperty().set(ComposerViewModel.Mode.NOTE);
        assertThat(vm.composer().showsTemplatesBinding().get())
                .as("notes are always possible")
                .isFalse();
    }

    @Test
    void aTemplateWithATextHeaderAsksForTheHeadersValueFirstAndSendsBoth() {
        UUID c = f.conversation("Tshepo Sithole", f.now.minus(Duration.ofHours(40)));
        ObjectNode t = f.template("shift_offer", "en");
        var components = t.putArray("components");
        components.addObject().put("type", "HEADER").put("format", "TEXT").put("text", "Shift on {{day}}");
        components
                .addObject()
                .put("type", "BODY")
                .put("text", "Hi {{first_name}}, can you work {{day}}?")
                .putObject("example")
                .putArray("body_text_named_params")
                .addObject()
                .put("param_name", "first_name")
                .put("example", "Jessica");
        f.pull();
        openConversation(c);

        assertThat(vm.composer().fields())
                .extracting(TemplateField::label)
                .containsExactly("Header {{day}}", "{{first_name}}", "{{day}}");
        assertThat(vm.composer().fields().get(1).hint()).isEqualTo("e.g. Jessica");
        vm.composer().fields().get(0).value().set("Saturday");
        vm.composer().fields().get(1).value().set("Tshepo");
        vm.composer().fields().get(2).value().set("on Saturday");
        assertThat(vm.composer().templatePreviewProperty().get())
                .isEqualTo("Shift on Saturday\n\nHi Tshepo, can you work on Saturday?");
        vm.composer().send();

        var sent = f.store.pending(10).stream()
                .filter(m -> m.name().equals(ConversationMutations.SEND_TEMPLATE.name()))
                .findFirst()
                .orElseThrow();
        assertThat(sent.args().path("headerVariables").toString()).isEqualTo("[\"Saturday\"]");
        assertThat(sent.args().path("variables").toString()).isEqualTo("[\"Tshepo\",\"on Saturday\"]");
    }

    @Test
    void aLeadingSlashOffersCannedResponsesAndPickingOneFillsTheText() {
        UUID c = f.conversation("Ayanda Khumalo", f.now.minus(Duration.ofHours(1)));
        f.row(
                "cannedResponse",
                UUID.randomUUID(),
                PaneFixture.JSON.objectNode().put("shortcut", "photo").put("body", "Please send a recent photo."));
        f.row(
                "cannedResponse",
                UUID.randomUUID(),
                PaneFixture.JSON.objectNode().put("shortcut", "form").put("body", "Please fill in the form."));
        f.pull();
        openConversation(c);

        vm.composer().textProperty().set("/ph");
        assertThat(vm.composer().cannedMatches())
                .extracting(CannedResponse::shortcut)
                .containsExactly("photo");
        vm.composer().useCanned(vm.composer().cannedMatches().getFirst());

        assertThat(vm.composer().textProperty().get()).isEqualTo("Please send a recent photo.");
        assertThat(vm.composer().cannedMatches()).isEmpty();
    }

    @Test
    void aFileWhatsAppWouldRefuseIsExplainedBeforeSending() throws Exception {
        UUID c = f.conversation("Kagiso Mahlangu", f.now.minus(Duration.ofHours(1)));
        f.pull();
        openConversation(c);
        Path voice = Files.write(dir.resolve("note.ogg"), new byte[] {1, 2, 3, 4});

        vm.composer().attach(voice);
        vm.composer().textProperty().set("a caption");

        assertThat(vm.composer().problemProperty().get()).contains("audio without a caption");
        assertThat(vm.composer().canSendBinding().get()).isFalse();
        vm.composer().textProperty().set("");
        assertThat(vm.composer().problemProperty().get()).isEmpty();
        assertThat(vm.composer().canSendBinding().get()).isTrue();
    }

    @Test
    void aTextLongerThanWhatsAppTakesIsStoppedWithItsLength() {
        UUID c = f.conversation("Refilwe Modise", f.now.minus(Duration.ofHours(1)));
        f.pull();
        openConversation(c);

        vm.composer().textProperty().set("x".repeat(4_097));
        assertThat(vm.composer().problemProperty().get())
                .isEqualTo("WhatsApp takes at most 4,096 characters; this is 4,097.");
        assertThat(vm.composer().canSendBinding().get()).isFalse();

        vm.composer().modeProperty().set(ComposerViewModel.Mode.NOTE);
        assertThat(vm.composer().problemProperty().get())
                .as("notes may be longer")
                .isEmpty();
        vm.composer().modeProperty().set(ComposerViewModel.Mode.REPLY);
        vm.composer().textProperty().set("x".repeat(4_096));
        assertThat(vm.composer().problemProperty().get()).isEmpty();
        assertThat(vm.composer().canSendBinding().get()).isTrue();
    }

    @Test
    void actionsChangeTheConversationAtOnceAndARejectionSaysWhatWasUndone() {
        UUID c = f.conversation("Bongani Zulu", f.now.minus(Duration.ofHours(1)));
        f.pull();
        openConversation(c);

        vm.thread().toggleClosed();
        assertThat(vm.thread().conversationProperty().get().status()).isEqualTo(ConversationStatus.CLOSED);
        vm.thread().assignToMe();
        assertThat(vm.thread().assigneeProperty().get()).isEqualTo("You");

        vm.rejected(new LocalStore.Rejection(
                UUID.randomUUID(),
                ConversationMutations.SET_STATUS.name(),
                "conflict",
                "Someone else changed status.",
                f.now));
        assertThat(vm.noticeProperty().get()).isEqualTo("The status change was undone: Someone else changed status.");
        vm.dismissNotice();
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void theInboxKeepsTheSelectedConversationAsItsOrderChanges() {
        UUID older = f.conversation("Older", f.now.minus(Duration.ofHours(3)));
        UUID newer = f.conversation("Newer", f.now.minus(Duration.ofHours(1)));
        f.pull();
        openConversation(older);
        vm.inbox().move(-1);
        assertThat(vm.inbox().selectedProperty().get().conversationId()).isEqualTo(newer);
        vm.inbox().move(1);
        assertThat(vm.inbox().selectedProperty().get().conversationId()).isEqualTo(older);

        vm.thread().markUnread(); // touches the store: the inbox reads again
        assertThat(vm.inbox().selectedProperty().get().conversationId()).isEqualTo(older);
        assertThat(vm.inbox().summaryProperty().get())
                .as("both were read when opened; one is unread again")
                .isEqualTo("2 conversations · 1 unread");
    }

    @Test
    void aRefusedPipelinesMoveIsNotShownInConversations() {
        List<String> elsewhere = new java.util.ArrayList<>();
        Pane pane = new Pane() {
            @Override
            public javafx.scene.Node view() {
                return null;
            }

            @Override
            public void rejected(LocalStore.Rejection rejection, MutationType<?> type) {
                vm.rejected(rejection);
            }
        };
        RejectionRouter router = new RejectionRouter(Map.of(Feature.CONVERSATIONS, pane), elsewhere::add);

        router.accept(new LocalStore.Rejection(
                UUID.randomUUID(),
                PipelineMutations.MOVE_APPLICATION.name(),
                "invalid",
                "A pipeline stage is one of new, screening.",
                f.now));
        assertThat(vm.noticeProperty().get()).isEmpty();
        assertThat(elsewhere).containsExactly("The move was undone: A pipeline stage is one of new, screening.");

        router.accept(new LocalStore.Rejection(
                UUID.randomUUID(), ConversationMutations.ASSIGN.name(), "forbidden", "Not yours.", f.now));
        assertThat(vm.noticeProperty().get()).isEqualTo("The assignment was undone: Not yours.");
    }
}
