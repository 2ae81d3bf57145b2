package com.recruitdesk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.sync.MutationTypes;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Mutators;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The protocol's mutation types and the server's mutators are the same set, each type served once. */
class MutatorRegistryTest {
    private static final List<Mutator<?>> REGISTERED =
            Features.byFeature().stream().flatMap(List::stream).toList();

    @Test
    void everyMutationTypeHasExactlyOneMutatorAnAccessRuleAndARejectionSentence() {
        Map<String, Long> mutatorsPerName =
                REGISTERED.stream().collect(Collectors.groupingBy(m -> m.type().name(), Collectors.counting()));

        assertThat(MutationTypes.ALL).isNotEmpty();
        for (MutationType<?> type : MutationTypes.ALL) {
            assertThat(mutatorsPerName.get(type.name()))
                    .as("mutators for " + type)
                    .isEqualTo(1L);
            Mutator<?> mutator = Features.mutators().find(type.name()).orElseThrow();
            assertThat(mutator.type()).as(type.name()).isSameAs(type);
            assertThat(mutator.access()).as("access rule of " + type).isNotNull();
            assertThat(mutator.access().describe()).as("access rule of " + type).isNotBlank();
            assertThat(type.whenRejected()).as("rejection sentence of " + type).isNotBlank();
        }
    }

    @Test
    void noMutatorServesANameOutsideTheProtocol() {
        assertThat(REGISTERED)
                .extracting(m -> m.type().name())
                .allSatisfy(
                        name -> assertThat(MutationTypes.byName(name)).as(name).isPresent());
        assertThat(Features.mutators().all()).hasSameSizeAs(MutationTypes.ALL);
    }

    @Test
    void theRegistryRefusesATypeTheProtocolDoesNotDeclare() {
        MutationType<ConversationMutations.MarkRead> stray = MutationType.of(
                "conversation.markSpam", ConversationMutations.MarkRead.class, Feature.CONVERSATIONS, "Not marked");

        assertThatThrownBy(() -> Mutators.of(List.of(List.of(mutator(stray, Access.staff())))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("conversation.markSpam");
    }

    @Test
    void theRegistryRefusesTwoMutatorsOfOneType() {
        Mutator<?> one = mutator(ConversationMutations.MARK_READ, Access.staff());
        Mutator<?> two = mutator(ConversationMutations.MARK_READ, Access.staff());

        assertThatThrownBy(() -> Mutators.of(List.of(List.of(one), List.of(two))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two mutators");
    }

    @Test
    void theRegistryRefusesAMutatorWithoutAnAccessRule() {
        assertThatThrownBy(() -> Mutators.of(List.of(List.of(mutator(ConversationMutations.MARK_READ, null)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("access");
    }

    @Test
    void rowRulesSayWhatTheyCheck() {
        Function<ConversationMutations.MarkRead, UUID> id = ConversationMutations.MarkRead::conversationId;
        assertThat(Access.<ConversationMutations.MarkRead>anyOf(
                                Access.staff(),
                                Access.ownerOf("conversations", "assigned_user_id", "The conversation", id))
                        .describe())
                .isEqualTo(
                        "the organization's recruiting staff or the owner (assigned_user_id) of the conversations row");
    }

    private static <A extends Record> Mutator<A> mutator(MutationType<A> type, Access<A> access) {
        return new Mutator<>() {
            @Override
            public MutationType<A> type() {
                return type;
            }

            @Override
            public Access<A> access() {
                return access;
            }

            @Override
            public void apply(MutationContext ctx, A args) {}
        };
    }
}
