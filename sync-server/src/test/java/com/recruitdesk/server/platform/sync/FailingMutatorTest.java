package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.Features;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A mutator with a bug fails its own mutation only: the rest of the batch applies and the client goes on. */
@Tag("database")
class FailingMutatorTest {
    /** conversation.markRead with a bug: it throws whatever it is given. */
    static final class Broken implements Mutator<ConversationMutations.MarkRead> {
        @Override
        public MutationType<ConversationMutations.MarkRead> type() {
            return ConversationMutations.MARK_READ;
        }

        @Override
        public Access<ConversationMutations.MarkRead> access() {
            return Access.staff();
        }

        @Override
        public void apply(MutationContext ctx, ConversationMutations.MarkRead args) {
            throw new IllegalStateException("a bug in the mutator");
        }
    }

    TestServer server;
    SyncFixture world;
    SyncClient recruiter;

    @BeforeEach
    void start() {
        List<List<Mutator<?>>> features = new ArrayList<>();
        for (List<Mutator<?>> feature : Features.byFeature()) {
            features.add(feature.stream()
                    .map(m -> m.type().equals(ConversationMutations.MARK_READ) ? new Broken() : m)
                    .toList());
        }
        server = TestServer.withoutDemo(Mutators.of(features));
        world = SyncFixture.create(server.database);
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Mutation reply(UUID id) {
        return SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(world.conversation(), id, "On Monday at nine", null));
    }

    @Test
    void anUnexpectedFailureIsThatMutationsRejectionAndTheRestOfTheBatchApplies() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        Mutation broken = SyncClient.mutation(
                ConversationMutations.MARK_READ, new ConversationMutations.MarkRead(world.conversation(), true));

        Api.Reply reply = recruiter.push(reply(before), broken, reply(after));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode results = reply.json().path("results");
        assertThat(results.get(0).path("status").asText()).isEqualTo("applied");
        assertThat(results.get(1).path("status").asText()).isEqualTo("rejected");
        assertThat(results.get(1).path("code").asText()).isEqualTo("internal");
        assertThat(results.get(1).path("message").asText()).contains(broken.id().toString());
        assertThat(results.get(2).path("status").asText()).isEqualTo("applied");
        assertThat(recruiter.pullAll()).containsKeys("message/" + before, "message/" + after);
        // The answer is recorded: a retry gets the same, and the client need not send it again and again.
        assertThat(recruiter.pushOne(broken).path("code").asText()).isEqualTo("internal");
    }
}
