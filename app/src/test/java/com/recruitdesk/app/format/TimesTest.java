package com.recruitdesk.app.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How old a stamped value is said beside its field. */
class TimesTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z"); // 17:30 in Kolkata
    private final Times times = new Times(Clock.fixed(NOW, ZONE), ZONE);

    private String ago(Duration d) {
        return times.updatedAgo(NOW.minus(d));
    }

    @Test
    void noStampIsNeverUpdated() {
        assertThat(times.updatedAgo(null)).isEqualTo("never updated");
    }

    @Test
    void recentChangesInMinutesAndHours() {
        assertThat(ago(Duration.ofSeconds(20))).isEqualTo("updated just now");
        assertThat(times.updatedAgo(NOW.plusSeconds(90)))
                .as("another clock ahead")
                .isEqualTo("updated just now");
        assertThat(ago(Duration.ofMinutes(1))).isEqualTo("updated 1 minute ago");
        assertThat(ago(Duration.ofMinutes(45))).isEqualTo("updated 45 minutes ago");
        assertThat(ago(Duration.ofHours(5))).isEqualTo("updated 5 hours ago");
    }

    @Test
    void olderChangesByCalendarDayWeekMonthAndYearInTheUsersZone() {
        // 18 hours ago is 23:30 the day before in Kolkata: yesterday, not "18 hours".
        assertThat(ago(Duration.ofHours(18))).isEqualTo("updated yesterday");
        assertThat(ago(Duration.ofDays(3))).isEqualTo("updated 3 days ago");
        assertThat(ago(Duration.ofDays(20))).isEqualTo("updated 2 weeks ago");
        assertThat(times.updatedAgo(Instant.parse("2026-08-25T06:00:00Z"))).isEqualTo("updated 3 months ago");
        assertThat(times.updatedAgo(Instant.parse("2025-11-30T06:00:00Z"))).isEqualTo("updated 1 year ago");
        assertThat(times.updatedAgo(Instant.parse("2023-06-01T06:00:00Z"))).isEqualTo("updated 3 years ago");
    }
}
