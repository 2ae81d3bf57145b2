package com.recruitdesk.server.interviews;

import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/** Marks one of the caller's own notifications read (another's is not found); reading twice changes nothing. */
final class MarkNotificationRead implements Mutator<InterviewMutations.MarkNotificationRead> {
    @Override
    public MutationType<InterviewMutations.MarkNotificationRead> type() {
        return InterviewMutations.MARK_NOTIFICATION_READ;
    }

    @Override
    public Access<InterviewMutations.MarkNotificationRead> access() {
        return Access.ownerOf(
                "notifications",
                "user_id",
                "The notification",
                InterviewMutations.MarkNotificationRead::notificationId);
    }

    @Override
    public void apply(MutationContext ctx, InterviewMutations.MarkNotificationRead args) throws SQLException {
        Rows.update(
                ctx,
                "update notifications set is_read = true, read_at = ? where id = ? and not is_read",
                ctx.now(),
                args.notificationId());
    }
}
