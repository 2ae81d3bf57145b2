package com.recruitdesk.app.format;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Times as the panes write them, in the user's zone: "14:05", "Yesterday", "Mon", "12 Nov", "12 Nov 2025". */
public final class Times {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH);

    private final Clock clock;
    private final ZoneId zone;

    public Times(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public Instant now() {
        return clock.instant();
    }

    /** For the inbox: the time today, else "Yesterday", the weekday within a week, else the date. */
    public String inList(Instant at) {
        if (at == null) {
            return "";
        }
        ZonedDateTime t = at.atZone(zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = t.toLocalDate();
        if (day.equals(today)) {
            return CLOCK.format(t);
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        if (day.isAfter(today.minusDays(7))) {
            return WEEKDAY.format(t);
        }
        return day.getYear() == today.getYear() ? DAY_MONTH.format(t) : DAY_MONTH_YEAR.format(t);
    }

    /** An exact moment, for logs: "1 Dec 2026 12:23:05". */
    public String stamp(Instant at) {
        return at == null ? "" : STAMP.format(at.atZone(zone));
    }

    /** The clock time of a bubble. */
    public String clock(Instant at) {
        return at == null ? "" : CLOCK.format(at.atZone(zone));
    }

    /** A thread's day separator: "Today", "Yesterday", else "Monday, 23 November 2026". */
    public String day(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (day.equals(today)) {
            return "Today";
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return LONG_DAY.format(day);
    }

    public LocalDate dayOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** The full time, for tooltips: "Monday, 23 November 2026 14:05". */
    public String full(Instant at) {
        return at == null ? "" : LONG_DAY.format(at.atZone(zone)) + " " + CLOCK.format(at.atZone(zone));
    }

    /**
     * How old a value is, beside a field whose freshness is stamped: "updated 3 months ago",
     * "updated yesterday", "updated just now"; "never updated" without a stamp. Calendar months and
     * years in the user's zone; a stamp in the future (another computer's clock) counts as now.
     */
    public String updatedAgo(Instant at) {
        if (at == null) {
            return "never updated";
        }
        Instant now = clock.instant();
        if (!at.isBefore(now)) {
            return "updated just now";
        }
        Duration d = Duration.between(at, now);
        LocalDate then = at.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(then, today);
        long months = ChronoUnit.MONTHS.between(then, today);
        String ago;
        if (d.toMinutes() < 1) {
            return "updated just now";
        } else if (d.toHours() < 1) {
            ago = count(d.toMinutes(), "minute");
        } else if (days == 0) {
            ago = count(d.toHours(), "hour");
        } else if (days == 1) {
            return "updated yesterday";
        } else if (months == 0) {
            ago = days < 14 ? count(days, "day") : count(days / 7, "week");
        } else if (months < 12) {
            ago = count(months, "month");
        } else {
            ago = count(months / 12, "year");
        }
        return "updated " + ago + " ago";
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** "3 h 12 min", "45 min", "less than a minute". */
    public static String span(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    /** Whole minutes between two instants, never negative. */
    public static Duration between(Instant from, Instant to) {
        Duration d = Duration.between(from, to).truncatedTo(ChronoUnit.MINUTES);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
