package com.recruitdesk.server.interviews;

import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Rejection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An interview's panel: the lead first, then the panelists, each an active colleague who may interview. */
record Panel(UUID lead, List<UUID> panelists) {
    /** The roles that sit on panels: interviewers, and the recruiters, managers and administrators who also do. */
    private static final String PANEL_ROLES = "('INTERVIEWER', 'RECRUITER', 'MANAGER', 'ADMIN')";

    List<UUID> everyone() {
        List<UUID> all = new ArrayList<>();
        all.add(lead);
        all.addAll(panelists);
        return all;
    }

    /** The panel the details name, checked against the caller's organization. */
    static Panel of(MutationContext ctx, InterviewMutations.Details d) throws SQLException {
        Set<UUID> panelists = new LinkedHashSet<>(d.panelistIds());
        if (panelists.contains(null)) {
            throw Rejection.invalid("A panelist's id is missing.");
        }
        panelists.remove(d.leadInterviewerId());
        Panel panel = new Panel(d.leadInterviewerId(), List.copyOf(panelists));
        Map<UUID, String> found = Sql.list(
                        ctx.connection(),
                        "select u.id, u.full_name from users u where u.id = any (?) and u.organization_id = ? and u.status = 'active'"
                                + " and exists (select 1 from user_roles r where r.user_id = u.id and r.role in "
                                + PANEL_ROLES + ")",
                        rs -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)),
                        ctx.connection().createArrayOf("uuid", panel.everyone().toArray()),
                        ctx.organizationId())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (UUID u : panel.everyone()) {
            if (!found.containsKey(u)) {
                throw Rejection.invalid((u.equals(panel.lead) ? "The lead interviewer" : "A panelist")
                        + " is not an active colleague who interviews in this organization.");
            }
        }
        return panel;
    }

    /** Seats the panel of a new interview. */
    void seat(MutationContext ctx, UUID interview) throws SQLException {
        for (UUID u : everyone()) {
            InterviewRow.seat(null, ctx.organizationId(), interview, u, u.equals(lead) ? "lead" : "panelist", null)
                    .execute(ctx.connection());
        }
    }
}
