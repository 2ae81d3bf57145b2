package com.recruitdesk.protocol.pipelines;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a role in a person's work history (seed 002 section F), as both ends apply them: a
 * company of 1 to {@value #MAX_TEXT} characters, a title of at most as many, dates as yyyy-mm-dd, an
 * end not before the start, and a current role without an end (the table's own checks, said in words).
 */
public final class WorkHistory {
    public static final int MAX_TEXT = 200;

    private WorkHistory() {}

    /** What is wrong with the role, one sentence a problem; empty when it may be saved. */
    public static List<String> problems(PipelineMutations.SaveWorkHistory role) {
        List<String> problems = new ArrayList<>();
        if (role.companyName() == null || role.companyName().isBlank()) {
            problems.add("A role needs the company's name.");
        } else if (role.companyName().strip().length() > MAX_TEXT) {
            problems.add("The company's name is longer than " + MAX_TEXT + " characters.");
        }
        if (role.jobTitle() != null && role.jobTitle().strip().length() > MAX_TEXT) {
            problems.add("The job title is longer than " + MAX_TEXT + " characters.");
        }
        LocalDate start = date(role.startDate(), "start", problems);
        LocalDate end = date(role.endDate(), "end", problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add("The role cannot end before it started.");
        }
        if (role.isCurrent() && end != null) {
            problems.add("A current role has no end date.");
        }
        return problems;
    }

    private static LocalDate date(String text, String which, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add("The " + which + " date must be a date (yyyy-mm-dd).");
            return null;
        }
    }
}
