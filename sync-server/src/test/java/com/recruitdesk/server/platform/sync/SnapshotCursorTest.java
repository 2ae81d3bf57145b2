package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A snapshot's cursor ({@code v2s:}, decision 0034) comes back from the client: a forged, truncated
 * or someone else's is refused or answered within the caller's own rights, and one whose position
 * compaction has passed starts the snapshot over.
 */
@Tag("database")
class SnapshotCursorTest {
    private static TestServer server;
    private static SyncFixture world;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        SyncClient writer = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        for (int i = 0; i < 3; i++) {
            writer.pushOne(SyncClient.mutation(
                    ConversationMutations.SEND_MESSAGE,
                    new ConversationMutations.SendMessage(world.conversation(), UUID.randomUUID(), "Hi " + i, null)));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api.Reply pull(SyncClient who, String cursor) {
        return server.api.get(
                Paths.SYNC_PULL + "?limit=2&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                who.accessToken);
    }

    /** A snapshot cursor the server handed out: the first page's, with more to come. */
    private static String snapshotCursor(SyncClient who) {
        Api.Reply first = pull(who, "");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("hasMore").asBoolean()).isTrue();
        String cursor = first.json().path("cursor").asText();
        assertThat(text(cursor)).startsWith("v2s:");
        return cursor;
    }

    private static String text(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor's text with its part {@code index} (0 is "v2s") replaced. */
    private static String forge(String cursor, int index, String part) {
        String[] parts = text(cursor).split(":");
        parts[index] = part;
        return encode(String.join(":", parts));
    }

    private static void assertRefused(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid");
        assertThat(reply.body()).contains("pull without a cursor to start over");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1:x", // not a number where the feed epoch is
                "2:", // no access epoch
                "3:18446744073709551616", // a transaction id past the largest there is
                "3:-1",
                "4:one",
                "5:conversation/not-a-uuid",
                "5:conver sation/00000000-0000-0000-0000-000000000000",
                "5:" // no row at all
            })
    void aForgedSnapshotCursorIsRefused(String change) {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        String cursor = snapshotCursor(recruiter);
        int colon = change.indexOf(':');
        int index = Integer.parseInt(change.substring(0, colon)); // the part: 0 is "v2s", 5 the row
        String forged = forge(cursor, index, change.substring(colon + 1));

        assertRefused(pull(recruiter, forged));
    }

    @Test
    void aTruncatedSnapshotCursorIsRefusedWhereverItIsCut() {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        String cursor = snapshotCursor(recruiter);
        for (int cut = 1; cut < cursor.length(); cut += 3) {
            String truncated = cursor.substring(0, cursor.length() - cut);
            Api.Reply reply = pull(recruiter, truncated);
            assertThat(reply.status()).as("cut by %d: %s", cut, truncated).isEqualTo(400);
        }
    }

    @Test
    void aPositionBeyondTheFeedInASnapshotCursorStartsOver() {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        String forged = forge(snapshotCursor(recruiter), 3, "9223372036854775807");

        Api.Reply reply = pull(recruiter, forged);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("reset").asBoolean()).isTrue();
        assertThat(reply.json().path("changes")).isEmpty();
    }

    @Test
    void anotherUsersSnapshotCursorServesOnlyWhatTheCallerMaySee() {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        SyncClient interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
        String cursor = snapshotCursor(recruiter);
        Set<String> seen = new HashSet<>();

        // Followed to its end: a reset (the cursor's access epoch is not the interviewer's) or the
        // interviewer's own rows from that place on; never the recruiter's conversations.
        JsonNode page;
        int pages = 0;
        do {
            Api.Reply reply = pull(interviewer, cursor);
            assertThat(reply.status()).isEqualTo(200);
            page = reply.json();
            page.path("changes").forEach(c -> seen.add(c.path("entity").asText()));
            cursor = page.path("cursor").asText();
            assertThat(++pages).as("pages").isLessThan(500);
        } while (page.path("hasMore").asBoolean() || page.path("reset").asBoolean());

        assertThat(seen).doesNotContain("conversation", "message");
        assertThat(seen).as("the interviewer's own rows came").contains("interviewSession");
    }

    @Test
    void aSnapshotCursorBehindTheRetainedFeedStartsTheSnapshotOver() {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        String cursor = snapshotCursor(recruiter);
        recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(world.conversation(), UUID.randomUUID(), "Later", null)));
        // Compaction moves the horizon past the snapshot's position (set here, as FeedCompaction would).
        SyncFixture.execute(
                server.database,
                "update sync_feed_horizon set txid = (select max(txid) from sync_changes),"
                        + " id = (select max(id) from sync_changes)");
        try {
            Api.Reply reply = pull(recruiter, cursor);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("reset").asBoolean()).isTrue();
            assertThat(reply.json().path("changes")).isEmpty();
            assertThat(text(reply.json().path("cursor").asText())).startsWith("v2:");
        } finally {
            SyncFixture.execute(server.database, "update sync_feed_horizon set txid = '0'::xid8, id = 0");
        }
    }
}
