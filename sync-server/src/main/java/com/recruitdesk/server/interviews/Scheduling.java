package com.recruitdesk.server.interviews;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.interviews.InterviewRules;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.Rejection;
import java.util.EnumSet;
import java.util.Set;

/** Who schedules interviews, and the rules' problems as rejections. */
final class Scheduling {
    /** Recruiters and managers (and administrators) schedule; sales and interviewers do not. */
    static final Set<Role> ROLES = Set.copyOf(EnumSet.of(Role.ADMIN, Role.MANAGER, Role.RECRUITER));

    private Scheduling() {}

    static <A extends Record> Access<A> staff() {
        return new Access.Roles<>(ROLES, "the organization's recruiters, managers and administrators");
    }

    /** Runs a check of {@link InterviewRules}; its problem is an {@code invalid} rejection with the same sentence. */
    static <T> T check(java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InterviewRules.Problem p) {
            throw Rejection.invalid(p.getMessage());
        }
    }

    static void check(Runnable rule) {
        check(() -> {
            rule.run();
            return null;
        });
    }
}
