package com.recruitdesk.server.platform.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void waitsDoubleFromTheFirstUpToTheCeiling() {
        Duration first = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(5);

        assertThat(Backoff.doubling(first, 1, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.doubling(first, 2, max)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.doubling(first, 4, max)).isEqualTo(Duration.ofSeconds(240));
        assertThat(Backoff.doubling(first, 5, max)).isEqualTo(max);
        assertThat(Backoff.doubling(first, 1_000, max)).isEqualTo(max); // no overflow after many failures
        assertThat(Backoff.doubling(first, 0, max)).isEqualTo(first);
    }
}
