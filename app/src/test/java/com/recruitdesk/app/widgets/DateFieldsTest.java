package com.recruitdesk.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every date field shows and reads a date the same way, whatever the machine's locale. */
class DateFieldsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void aDateIsShownDayBeforeMonthInWords() {
        assertThat(DateFields.CONVERTER.toString(DAY)).isEqualTo("3 Dec 2026");
        assertThat(DateFields.CONVERTER.toString(null)).isEmpty();
    }

    @Test
    void typedDatesAreReadAsShownWithTheWeekdayOrAsIso() {
        assertThat(DateFields.CONVERTER.fromString("3 Dec 2026")).isEqualTo(DAY);
        assertThat(DateFields.CONVERTER.fromString(" Thu 3 Dec 2026 ")).isEqualTo(DAY);
        assertThat(DateFields.CONVERTER.fromString("2026-12-03")).isEqualTo(DAY);
    }

    @Test
    void anAmbiguousOrEmptyDateIsNotGuessed() {
        assertThat(DateFields.CONVERTER.fromString("12/3/2026")).isNull();
        assertThat(DateFields.CONVERTER.fromString("")).isNull();
        assertThat(DateFields.CONVERTER.fromString("31 Feb 2026")).isNull();
    }
}
