package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowKeysTest {
    private static long parsed(String iso) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, OffsetDateTime.parse(iso));
    }

    @Test
    void theServersOwnFormIsReadAsTheGeneralParserReadsIt() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // 1900 to 2100, with 0 to 9 fraction digits, as Instant.toString writes them and shorter.
            Instant at = Instant.ofEpochSecond(
                    -2_208_988_800L + (long) (random.nextDouble() * 6_311_433_600L), random.nextInt(1_000_000_000));
            String text = at.toString();
            if (random.nextBoolean() && text.contains(".")) {
                int dot = text.indexOf('.');
                text = text.substring(0, Math.min(text.length() - 1, dot + 1 + random.nextInt(9) + 1)) + "Z";
            }
            assertThat(RowKeys.micros(text)).as(text).isEqualTo(parsed(text));
        }
    }

    @Test
    void otherOffsetsAndOddFormsStillGoThroughTheParser() {
        assertThat(RowKeys.micros("2026-11-25T14:00:00+02:00")).isEqualTo(parsed("2026-11-25T12:00:00Z"));
        assertThat(RowKeys.micros("2026-11-25T12:00Z")).isEqualTo(parsed("2026-11-25T12:00:00Z"));
        assertThat(RowKeys.micros("2024-02-29T23:59:59.999999999Z"))
                .isEqualTo(parsed("2024-02-29T23:59:59.999999999Z"));
    }

    @Test
    void oddAndUnreadableTimesAreReadExactlyAsTheGeneralParserReadsThem() {
        for (String text : new String[] {
            "2026-02-30T12:00:00Z", // no 30 February
            "2026-13-01T12:00:00Z",
            "2026-11-25T24:00:00Z",
            "2026-11-25T23:59:60Z",
            "2026-11-25T12:00:00.Z",
            "2026-11-25T12:00:00.1234567890Z",
            "2026-1a-25T12:00:00Z",
            "20x6-11-25T12:00:00Z",
            "2026-11-25T1x:00:00Z",
            "+2026-11-25T12:00:00Z",
            "2026-11-25 12:00:00Z",
            "yesterday"
        }) {
            Long expected;
            try {
                expected = parsed(text);
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            assertThat(RowKeys.micros(text)).as(text).isEqualTo(expected);
        }
        assertThat(RowKeys.micros("2026-02-30T12:00:00Z")).isNull();
        assertThat(RowKeys.micros(null)).isNull();
        assertThat(RowKeys.micros(" ")).isNull();
    }
}
