package com.recruitdesk.app.conversations.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.store.LocalStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {
    @TempDir
    Path dir;

    LocalStore store;
    PaneData data;
    Inbox inbox;
    final Instant now = Instant.parse("2026-11-25T12:00:00Z");
    UUID thandi;
    UUID sipho;
    UUID lerato;
    UUID thandiTalk;
    UUID siphoTalk;
    UUID leratoTalk;

    @BeforeEach
    void fill() {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
        data = new PaneData(store);
        inbox = new Inbox(store);
        thandi = data.person("Thandiwe Nkosi", "+27825550101");
        sipho = data.person("Sipho Dlamini", "+27725550103");
        lerato = data.person("Lerato Molefe", "+27835550102");
        thandiTalk =
                data.conversation(thandi, PaneData.TALENT, "new", null, now.minusSeconds(60), now.minusSeconds(60));
        siphoTalk = data.conversation(
                sipho, PaneData.JOBS, "open", PaneData.ME, now.minusSeconds(600), now.minus(Duration.ofHours(30)));
        leratoTalk = data.conversation(
                lerato, PaneData.TALENT, "closed", PaneData.COLLEAGUE, now.minusSeconds(6000), now.minusSeconds(7000));
        data.message(
                siphoTalk, "inbound", "text", "Can I bring my forklift licence on Monday?", now.minusSeconds(9000));
        data.message(leratoTalk, "inbound", "text", "Thanks, see you Monday", now.minusSeconds(7000));
        data.tag(sipho, "night-shift");
        data.tag(lerato, "vip");
        data.pull();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private InboxFilter filter(
            Set<ConversationStatus> statuses, InboxFilter.Assignment who, UUID number, String tag, String search) {
        return new InboxFilter(statuses, who, number, tag, search);
    }

    @Test
    void theDefaultViewShowsActiveConversationsNewestFirstWithTheirPeople() {
        var rows = inbox.list(InboxFilter.active(), PaneData.ME);

        assertThat(rows).extracting(InboxRow::conversationId).containsExactly(thandiTalk, siphoTalk);
        assertThat(rows.getFirst().name()).isEqualTo("Thandiwe Nkosi");
        assertThat(rows.getFirst().whatsappId()).isEqualTo("+27825550101");
        assertThat(rows.get(1).status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(rows.get(1).lastInboundAt()).isEqualTo(now.minus(Duration.ofHours(30)));
    }

    @Test
    void aPersonsConversationIsFoundWhateverTheFilterTheNewestIfSeveralAndNoneForSomeoneNeverWrittenTo() {
        assertThat(inbox.ofCandidate(lerato)).map(InboxRow::conversationId).contains(leratoTalk); // closed
        UUID again = data.conversation(lerato, PaneData.JOBS, "open", null, now, now);
        data.pull();
        assertThat(inbox.ofCandidate(lerato)).map(InboxRow::conversationId).contains(again);
        UUID quiet = data.person("Quiet Newcomer", "+27825550177");
        data.pull();
        assertThat(inbox.ofCandidate(quiet)).isEmpty();
    }

    @Test
    void filtersByStatusAssignmentNumberAndTag() {
        Set<ConversationStatus> all = Set.of(ConversationStatus.values());
        assertThat(inbox.list(
                        filter(Set.of(ConversationStatus.CLOSED), InboxFilter.Assignment.ANYONE, null, null, ""),
                        PaneData.ME))
                .extracting(InboxRow::conversationId)
                .containsExactly(leratoTalk);
        assertThat(inbox.list(filter(all, InboxFilter.Assignment.MINE, null, null, ""), PaneData.ME))
                .extracting(InboxRow::conversationId)
                .containsExactly(siphoTalk);
        assertThat(inbox.list(filter(all, InboxFilter.Assignment.UNASSIGNED, null, null, ""), PaneData.ME))
                .extracting(InboxRow::conversationId)
                .containsExactly(thandiTalk);
        assertThat(inbox.list(filter(all, InboxFilter.Assignment.ANYONE, PaneData.TALENT, null, ""), PaneData.ME))
                .extracting(InboxRow::conversationId)
                .containsExactly(thandiTalk, leratoTalk);
        assertThat(inbox.list(filter(all, InboxFilter.Assignment.ANYONE, null, "vip", ""), PaneData.ME))
                .extracting(InboxRow::conversationId)
                .containsExactly(leratoTalk);
    }

    @Test
    void searchFindsWordsOfOldMessagesWithTheMatchMarkedAndPeopleByNameOrNumber() {
        Set<ConversationStatus> all = Set.of(ConversationStatus.values());

        var byWord = inbox.list(filter(all, InboxFilter.Assignment.ANYONE, null, null, "forklift"), PaneData.ME);
        assertThat(byWord).singleElement().satisfies(r -> {
            assertThat(r.conversationId()).isEqualTo(siphoTalk);
            assertThat(r.snippet()).contains("[forklift]");
        });
        assertThat(inbox.list(filter(all, InboxFilter.Assignment.ANYONE, null, null, "monday"), PaneData.ME))
                .extracting(InboxRow::conversationId)
                .containsExactlyInAnyOrder(siphoTalk, leratoTalk);
        assertThat(inbox.list(filter(all, InboxFilter.Assignment.ANYONE, null, null, "lera"), PaneData.ME))
                .extracting(InboxRow::conversationId)
                .containsExactly(leratoTalk);
        assertThat(inbox.list(filter(all, InboxFilter.Assignment.ANYONE, null, null, "2772555"), PaneData.ME))
                .extracting(InboxRow::conversationId)
                .containsExactly(siphoTalk);
        assertThat(inbox.list(filter(all, InboxFilter.Assignment.ANYONE, null, null, "nothing-like-this"), PaneData.ME))
                .isEmpty();
    }

    @Test
    void aPersonKnownOnlyByTheirWhatsAppUsernameIsNamedAndFoundByIt() {
        UUID hidden = UUID.randomUUID();
        data.row(
                "candidate",
                hidden,
                PaneData.JSON
                        .objectNode()
                        .put("whatsappUserId", "ZA.13491208655302741918")
                        .put("whatsappUsername", "naledi.m"));
        UUID talk = data.conversation(hidden, PaneData.TALENT, "new", null, now, now);
        data.pull();

        InboxRow row = inbox.row(talk).orElseThrow();
        assertThat(row.name()).isEqualTo("@naledi.m");
        assertThat(row.whatsappId()).isEqualTo("@naledi.m");
        assertThat(inbox.list(
                        new InboxFilter(Set.of(), InboxFilter.Assignment.ANYONE, null, null, "naledi"), PaneData.ME))
                .extracting(InboxRow::conversationId)
                .containsExactly(talk);
        assertThat(new People(store).profile(hidden).orElseThrow().whatsappUsername())
                .isEqualTo("@naledi.m");
    }

    @Test
    void oneConversationReadsWhateverTheFilter() {
        assertThat(inbox.row(leratoTalk))
                .hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("Lerato Molefe"));
        assertThat(inbox.row(UUID.randomUUID())).isEmpty();
    }
}
