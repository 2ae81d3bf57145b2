package com.recruitdesk.protocol.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When the office answers (the {@link Settings#BUSINESS_HOURS} setting): a time zone and, per day
 * of the week, the time it opens and closes; a day without hours is closed. Stored as
 * {@code {"timeZone": "Africa/Johannesburg", "days": {"MONDAY": {"from": "08:00", "to": "17:00"}}}}.
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, Opening> days) {
    /** One day's hours, {@code from} before {@code to}. */
    public record Opening(LocalTime from, LocalTime to) {}

    public BusinessHours {
        days = days.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(days));
    }

    /** Monday to Friday, 08:00 to 17:00, in UTC: what an office gets until an administrator says otherwise. */
    public static BusinessHours standard() {
        Map<DayOfWeek, Opening> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                days.put(d, new Opening(LocalTime.of(8, 0), LocalTime.of(17, 0)));
            }
        }
        return new BusinessHours(ZoneId.of("UTC"), days);
    }

    /** The hours in {@code json}, or the sentence saying what is wrong with it. */
    public static Parsed parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            return Parsed.problem("Business hours are a time zone and the hours of each day.");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(json.path("timeZone").asText(""));
        } catch (DateTimeException e) {
            return Parsed.problem("'" + json.path("timeZone").asText("") + "' is not a time zone; use a name such as"
                    + " Africa/Johannesburg or Europe/London.");
        }
        JsonNode daysJson = json.path("days");
        if (!daysJson.isObject()) {
            return Parsed.problem("Say the hours of each open day (days without hours are closed).");
        }
        Map<DayOfWeek, Opening> days = new EnumMap<>(DayOfWeek.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = daysJson.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> day = it.next();
            DayOfWeek dow;
            try {
                dow = DayOfWeek.valueOf(day.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Parsed.problem("'" + day.getKey() + "' is not a day of the week.");
            }
            LocalTime from;
            LocalTime to;
            try {
                from = LocalTime.parse(day.getValue().path("from").asText(""));
                to = LocalTime.parse(day.getValue().path("to").asText(""));
            } catch (DateTimeParseException e) {
                return Parsed.problem(label(dow) + ": give the opening and closing times as 08:00 and 17:00.");
            }
            if (!from.isBefore(to)) {
                return Parsed.problem(label(dow) + ": the office must open before it closes.");
            }
            days.put(dow, new Opening(from, to));
        }
        return new Parsed(Optional.of(new BusinessHours(zone, days)), Optional.empty());
    }

    /** The result of {@link #parse}: the hours, or what is wrong. */
    public record Parsed(Optional<BusinessHours> hours, Optional<String> problem) {
        static Parsed problem(String sentence) {
            return new Parsed(Optional.empty(), Optional.of(sentence));
        }
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("timeZone", zone.getId());
        ObjectNode daysJson = json.putObject("days");
        for (DayOfWeek d : DayOfWeek.values()) {
            Opening o = days.get(d);
            if (o != null) {
                ObjectNode day = daysJson.putObject(d.name());
                day.put("from", o.from().toString());
                day.put("to", o.to().toString());
            }
        }
        return json;
    }

    /** True when {@code at} falls within the hours of its day, in the office's zone. */
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        Opening o = days.get(local.getDayOfWeek());
        LocalTime t = local.toLocalTime();
        return o != null && !t.isBefore(o.from()) && t.isBefore(o.to());
    }

    /** The next time the office opens after {@code at} (within a week), if it ever opens. */
    public Optional<ZonedDateTime> nextOpening(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        for (int i = 0; i <= 7; i++) {
            ZonedDateTime day = local.plusDays(i);
            Opening o = days.get(day.getDayOfWeek());
            if (o != null) {
                ZonedDateTime opens = day.toLocalDate().atTime(o.from()).atZone(zone);
                if (opens.isAfter(local)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }

    /** "Monday". */
    public static String label(DayOfWeek d) {
        String name = d.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
