package com.recruitdesk.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.common.DirectTaskExecutor;
import com.recruitdesk.app.sync.SyncStatus;
import com.recruitdesk.app.sync.SyncStatus.State;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
    private final StatusBarViewModel vm = new StatusBarViewModel(new DirectTaskExecutor(), ZoneOffset.UTC);

    @Test
    void offlineWithOnePendingChange() {
        vm.accept(new SyncStatus(
                State.OFFLINE,
                1,
                "Cannot reach the server at http://x.",
                Instant.parse("2026-11-24T09:15:30Z"),
                false,
                0,
                0));

        assertThat(vm.stateTextProperty().get()).isEqualTo("Offline");
        assertThat(vm.pendingProperty().get()).isEqualTo("1 pending");
        assertThat(vm.lastErrorProperty().get()).contains("Cannot reach");
        assertThat(vm.lastSyncProperty().get()).isEqualTo("Last sync 09:15:30");
        assertThat(vm.firstSyncProperty().get()).isFalse();
    }

    @Test
    void firstSyncShowsRowsAndPercent() {
        vm.accept(new SyncStatus(State.SYNCING, 0, null, null, true, 150, 600));

        assertThat(vm.stateTextProperty().get()).isEqualTo("Syncing for the first time");
        assertThat(vm.progressTextProperty().get()).isEqualTo("150 of 600 rows (25%)");
        assertThat(vm.progressProperty().get()).isEqualTo(0.25);
        assertThat(vm.lastSyncProperty().get()).isEqualTo("Not synced yet");
    }

    @Test
    void aLargeFirstSyncCountsRowsAsTheyArrive() {
        vm.accept(new SyncStatus(State.SYNCING, 0, null, null, true, 0, 0));
        assertThat(vm.firstSyncProperty().get()).isTrue();
        assertThat(vm.progressTextProperty().get()).isEqualTo("0 rows");
        assertThat(vm.progressProperty().get()).as("size not known yet").isEqualTo(-1);

        vm.accept(new SyncStatus(State.SYNCING, 0, null, null, true, 15_000, 100_783));
        assertThat(vm.progressTextProperty().get()).isEqualTo("15,000 of 100,783 rows (15%)");

        vm.accept(new SyncStatus(State.ONLINE, 0, null, java.time.Instant.EPOCH, false, 100_783, 100_783));
        assertThat(vm.firstSyncProperty().get()).isFalse();
        assertThat(vm.progressTextProperty().get()).isEmpty();
    }

    @Test
    void onlineWithNothingPendingClearsTheError() {
        vm.accept(new SyncStatus(State.OFFLINE, 2, "down", null, false, 0, 0));
        vm.accept(new SyncStatus(State.ONLINE, 0, null, Instant.parse("2026-11-24T10:00:00Z"), false, 0, 0));

        assertThat(vm.stateTextProperty().get()).isEqualTo("Online");
        assertThat(vm.pendingProperty().get()).isEqualTo("Nothing pending");
        assertThat(vm.lastErrorProperty().get()).isEmpty();
    }
}
