package com.recruitdesk.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.common.DirectTaskExecutor;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.Change;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverviewViewModelTest {
    @TempDir
    Path dir;

    @Test
    void countsFollowTheStore() {
        try (LocalStore store = LocalStore.open(dir.resolve("s.db"), Features.STORE_RULES)) {
            OverviewViewModel vm = new OverviewViewModel(store, new DirectTaskExecutor());
            vm.refresh();
            assertThat(vm.rows()).isEmpty();

            store.applyPage(List.of(change("candidate"), change("candidate"), change("whatsappAccount")), "c1");

            assertThat(vm.rows())
                    .containsExactly(
                            new OverviewViewModel.EntityCountRow("candidate", "Candidate", 2),
                            new OverviewViewModel.EntityCountRow("whatsappAccount", "Whatsapp account", 1));
            assertThat(vm.totalProperty().get()).isEqualTo(3);
        }
    }

    private static Change change(String entity) {
        UUID id = UUID.randomUUID();
        return new Change(
                entity,
                id,
                Change.UPSERT,
                1,
                JsonNodeFactory.instance.objectNode().put("id", id.toString()));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            message,             Message
            applicationTimeline, Application timeline
            actionQueueItem,     Action queue item
            """)
    void entityNamesReadAsWords(String entity, String label) {
        assertThat(OverviewViewModel.label(entity)).isEqualTo(label);
    }
}
