package com.recruitdesk.app.interviews;

import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.protocol.interviews.InterviewRules;

/** How the pane words an interview's type, mode, status and place. */
final class Labels {
    private Labels() {}

    static String status(String status) {
        return switch (status) {
            case "in_progress" -> "In progress";
            case "no_show" -> "No-show";
            default -> InterviewRules.label(status);
        };
    }

    static String mode(String mode) {
        return switch (mode) {
            case "in_person" -> "In person";
            case "ai" -> "AI interview";
            case "phone" -> "Phone";
            default -> "Video";
        };
    }

    /** "Technical · Video · Warehouse supervisor". */
    static String what(InterviewItem i) {
        return InterviewRules.label(i.type()) + " · " + mode(i.mode())
                + (i.jobTitle() == null ? "" : " · " + i.jobTitle());
    }
}
