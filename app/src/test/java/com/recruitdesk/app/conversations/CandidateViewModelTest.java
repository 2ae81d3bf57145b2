package com.recruitdesk.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.common.DirectTaskExecutor;
import com.recruitdesk.app.conversations.data.People;
import com.recruitdesk.app.pane.Navigator;
import com.recruitdesk.protocol.sync.Entities;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidate panel's view model on a real store, as recruiting staff see it. */
class CandidateViewModelTest {
    @TempDir
    Path dir;

    PaneFixture f;
    CandidateViewModel vm;
    UUID person;

    @BeforeEach
    void open() {
        f = new PaneFixture(dir);
        person = f.data.person("Thandi Nkosi", "+27825550177");
        job("Casting assistant", "open");
        job("Wardrobe runner", "open");
        job("Old role", "closed");
        f.pull();
        vm = new CandidateViewModel(new People(f.store), f.commands, new DirectTaskExecutor(), true, Navigator.NONE);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private UUID job(String title, String status) {
        UUID id = UUID.randomUUID();
        f.row(
                Entities.JOB,
                id,
                PaneFixture.JSON.objectNode().put("title", title).put("status", status));
        return id;
    }

    @Test
    void aChangeThatLeavesTheJobsAloneDoesNotRefillTheirList() {
        vm.show(person);
        assertThat(vm.jobs())
                .extracting(People.JobChoice::title)
                .containsExactly("Casting assistant", "Wardrobe runner");
        List<String> changes = new ArrayList<>();
        vm.jobs().addListener((ListChangeListener<People.JobChoice>) c -> changes.add(c.toString()));

        f.data.tag(person, "bilingual"); // a change the feed brings for this person, not for the jobs
        f.pull();
        vm.refresh();
        assertThat(vm.profileProperty().get().tags()).extracting(t -> t.tag()).containsExactly("bilingual");
        assertThat(changes).as("an open Add-to-job menu is not rebuilt").isEmpty();

        job("Set builder", "open");
        f.pull();
        vm.refresh();
        assertThat(vm.jobs())
                .extracting(People.JobChoice::title)
                .containsExactly("Casting assistant", "Set builder", "Wardrobe runner");
        assertThat(changes).hasSize(1);
    }
}
