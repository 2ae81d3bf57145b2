package com.recruitdesk.protocol.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {
    private static final ObjectMapper MAPPER = Json.newMapper();

    private static BusinessHours johannesburg() throws Exception {
        return BusinessHours.parse(MAPPER.readTree("""
                        {"timeZone": "Africa/Johannesburg",
                         "days": {"MONDAY": {"from": "08:00", "to": "17:00"}, "FRIDAY": {"from": "08:00", "to": "13:00"}}}""")).hours().orElseThrow();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(textBlock = """
            2026-11-30T05:59:00Z, closed
            2026-11-30T06:00:00Z, open
            2026-11-30T14:59:59Z, open
            2026-11-30T15:00:00Z, closed
            2026-12-01T09:00:00Z, closed
            2026-12-04T10:59:00Z, open
            2026-12-04T11:00:00Z, closed
            """)
    void theOfficeIsOpenWithinTheHoursOfItsDayInItsZone(String at, String state) throws Exception {
        assertThat(johannesburg().isOpen(Instant.parse(at))).isEqualTo(state.equals("open"));
    }

    @Test
    void theNextOpeningIsTheNextOpenDaysOpeningTime() throws Exception {
        // Friday 14:00 there: closed until Monday 08:00.
        assertThat(johannesburg()
                        .nextOpening(Instant.parse("2026-12-04T12:00:00Z"))
                        .orElseThrow()
                        .toString())
                .isEqualTo("2026-12-07T08:00+02:00[Africa/Johannesburg]");
        // Monday 07:00 there: today at 08:00.
        assertThat(johannesburg()
                        .nextOpening(Instant.parse("2026-11-30T05:00:00Z"))
                        .orElseThrow()
                        .toLocalTime()
                        .toString())
                .isEqualTo("08:00");
    }

    @Test
    void theHoursGoBackToTheSameJson() throws Exception {
        BusinessHours hours = johannesburg();

        assertThat(BusinessHours.parse(hours.toJson()).hours()).contains(hours);
        assertThat(BusinessHours.parse(BusinessHours.standard().toJson()).problem())
                .isEmpty();
    }

    @Test
    void anOfficeThatNeverOpensHasNoNextOpening() {
        assertThat(new BusinessHours(java.time.ZoneOffset.UTC, java.util.Map.of()).nextOpening(Instant.now()))
                .isEmpty();
    }
}
