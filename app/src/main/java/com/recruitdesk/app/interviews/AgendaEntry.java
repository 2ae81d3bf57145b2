package com.recruitdesk.app.interviews;

import com.recruitdesk.app.interviews.data.InterviewItem;

/** A line of the agenda: a heading ("To score", "Today", "Thu 3 Dec") or an interview under it. */
public sealed interface AgendaEntry {
    record Heading(String text) implements AgendaEntry {}

    /**
     * @param when "10:00–10:45", in the user's zone
     * @param toScore the interview is over and this user's scorecard is not in
     * @param draft this computer holds a draft of it
     */
    record Entry(InterviewItem interview, String when, boolean toScore, boolean draft) implements AgendaEntry {}
}
