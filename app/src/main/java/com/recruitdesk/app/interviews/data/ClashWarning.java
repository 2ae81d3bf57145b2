package com.recruitdesk.app.interviews.data;

import com.recruitdesk.protocol.interviews.InterviewMutations.Details;
import com.recruitdesk.protocol.interviews.InterviewRules;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the scheduler says before an interview is saved when its panel is busy then: "Clash: Ivy
 * Interviewer has a technical interview with Thandi Mokoena on Thu 3 Dec, 10:00–10:45." Empty when
 * the time is free (or the form cannot be read yet).
 */
public final class ClashWarning {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private ClashWarning() {}

    /**
     * @param except the interview being moved (it does not clash with itself); null for a new one
     * @param names colleagues' names by id
     */
    public static String of(Schedule schedule, Details d, UUID except, Map<UUID, String> names) {
        if (d == null || d.leadInterviewerId() == null) {
            return "";
        }
        Instant start;
        int minutes;
        ZoneId zone;
        try {
            start = InterviewRules.resolve(d.startsAt(), d.timezone());
            minutes = InterviewRules.duration(d.durationMinutes());
            zone = InterviewRules.zone(d.timezone()); // the times read as the form's, the zone it is filled in
        } catch (InterviewRules.Problem e) {
            return "";
        }
        List<UUID> people = new ArrayList<>(d.panelistIds());
        people.add(d.leadInterviewerId());
        List<InterviewItem> overlapping = schedule.clashes(start, minutes, people, except);
        if (overlapping.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (InterviewItem o : overlapping) {
            String who = o.panel().stream()
                    .map(InterviewItem.Seat::userId)
                    .filter(people::contains)
                    .map(u -> names.getOrDefault(u, "A panelist"))
                    .collect(Collectors.joining(" and "));
            lines.add(who + (who.contains(" and ") ? " have " : " has ") + "a " + o.type() + " interview with "
                    + o.candidateName() + " on " + DAY.format(o.scheduledAt().atZone(zone)) + ", "
                    + CLOCK.format(o.scheduledAt().atZone(zone)) + "–"
                    + CLOCK.format(o.endsAt().atZone(zone)) + ".");
        }
        return "Clash: " + String.join(" ", lines);
    }
}
