package com.recruitdesk.server.pipelines;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.server.platform.sync.Access;
import java.util.EnumSet;

/**
 * Who may change pipelines: the organization's administrators, managers and recruiters. Sales read
 * their clients' jobs but never change a pipeline, and interviewers work in their interviews only.
 */
final class RecruitingStaff {
    private RecruitingStaff() {}

    static <A extends Record> Access<A> only() {
        return new Access.Roles<>(
                EnumSet.of(Role.ADMIN, Role.MANAGER, Role.RECRUITER),
                "the organization's recruiters, managers and administrators");
    }
}
