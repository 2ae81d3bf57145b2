package com.recruitdesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.sync.MutationTypes;
import org.junit.jupiter.api.Test;

class MutationTypesTest {
    @Test
    void everyMutationNameIsDeclaredOnce() {
        assertThat(MutationTypes.ALL).extracting(MutationType::name).doesNotHaveDuplicates();
    }

    @Test
    void aNameFindsItsTypeAndAnUnknownNameNothing() {
        assertThat(MutationTypes.byName("conversation.sendMessage")).contains(ConversationMutations.SEND_MESSAGE);
        assertThat(MutationTypes.byName("conversation.sendmessage")).isEmpty();
        assertThat(MutationTypes.byName(null)).isEmpty();
    }

    @Test
    void aTypeWithoutARejectionSentenceOrWithAMalformedNameCannotBeDeclared() {
        assertThatThrownBy(() -> MutationType.of("job.save", Record.class, Feature.PIPELINES, " "))
                .hasMessageContaining("sentence");
        assertThatThrownBy(() -> MutationType.of("saveJob", Record.class, Feature.PIPELINES, "The job was not saved"))
                .hasMessageContaining("entity.verb");
    }
}
