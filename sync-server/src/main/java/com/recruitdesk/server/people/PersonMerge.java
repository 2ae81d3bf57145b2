package com.recruitdesk.server.people;

import com.recruitdesk.server.conversations.ConversationRow;
import com.recruitdesk.server.conversations.Conversations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Makes one person of two records of the same WhatsApp user (decision 0015). The survivor takes the
 * WhatsApp ids, names and every conversation; where both had a conversation with the same number,
 * the messages join the survivor's and the counters add up. The absorbed record is not deleted: it
 * keeps whatever else it holds (applications, notes, documents), points at the survivor through
 * {@code merged_into_id}, and an activity log entry asks staff to review it.
 */
final class PersonMerge {
    private PersonMerge() {}

    /** Both rows are locked by the caller. */
    static void merge(
            Connection c, UUID organization, People.Person survivor, People.Person absorbed, WhatsAppIdentity who)
            throws SQLException {
        // The absorbed record lets go of its keys first: each is unique per organization.
        try (PreparedStatement ps = c.prepareStatement("""
                update candidates
                   set whatsapp_id = null, whatsapp_user_id = null, whatsapp_parent_user_id = null, merged_into_id = ?
                 where id = ?
                """)) {
            ps.setObject(1, survivor.id());
            ps.setObject(2, absorbed.id());
            ps.executeUpdate();
        }
        People.update(
                c,
                survivor,
                new WhatsAppIdentity(
                        first(who.userId(), survivor.userId(), absorbed.userId()),
                        first(who.parentUserId(), survivor.parentUserId(), absorbed.parentUserId()),
                        first(who.phone(), survivor.whatsappId(), absorbed.whatsappId()),
                        first(who.username(), survivor.username(), absorbed.username()),
                        first(who.profileName(), survivor.name(), absorbed.name())));
        int moved = 0;
        for (Conversation x : conversationsOf(c, absorbed.id())) {
            moveConversation(c, x, survivor.id());
            moved++;
        }
        try (PreparedStatement ps =
                c.prepareStatement("update candidates set merged_into_id = ? where merged_into_id = ?")) {
            ps.setObject(1, survivor.id());
            ps.setObject(2, absorbed.id());
            ps.executeUpdate();
        }
        IdentityLog.write(
                c,
                organization,
                survivor.id(),
                "whatsapp.identity_merged",
                "warn",
                "WhatsApp showed that two people here are one WhatsApp user; their WhatsApp identity and "
                        + moved
                        + " conversation(s) are now on this person. Review the other record for anything else to move.",
                "absorbedCandidateId",
                absorbed.id().toString(),
                "whatsappUserId",
                who.userId(),
                "whatsappId",
                who.phone());
    }

    private record Conversation(UUID id, UUID accountId, UUID organizationId, String status, UUID assignedUserId) {}

    private static List<Conversation> conversationsOf(Connection c, UUID candidate) throws SQLException {
        List<Conversation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, whatsapp_account_id, organization_id, status, assigned_user_id from conversations"
                        + " where candidate_id = ? order by id for update")) {
            ps.setObject(1, candidate);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Conversation(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class),
                            rs.getString(4),
                            rs.getObject(5, UUID.class)));
                }
            }
        }
        return out;
    }

    /**
     * Moves conversation {@code x} to {@code survivor}: into the survivor's conversation with that
     * number, made as a copy of {@code x} if there is none. Messages carry the conversation and the
     * person together (a composite key), so they move row by row rather than the conversation.
     */
    private static void moveConversation(Connection c, Conversation x, UUID survivor) throws SQLException {
        Conversations.insert(new ConversationRow()
                        .organizationId(x.organizationId())
                        .whatsappAccountId(x.accountId())
                        .candidateId(survivor)
                        .status(x.status())
                        .assignedUserId(x.assignedUserId()))
                .orSkip()
                .execute(c);
        UUID target;
        try (PreparedStatement ps = c.prepareStatement(
                "select id from conversations where whatsapp_account_id = ? and candidate_id = ? for update")) {
            ps.setObject(1, x.accountId());
            ps.setObject(2, survivor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                target = rs.getObject(1, UUID.class);
            }
        }
        execute(
                c,
                "update messages set conversation_id = ?, candidate_id = ? where conversation_id = ?",
                target,
                survivor,
                x.id());
        execute(c, """
                update conversations s
                   set unread_count = s.unread_count + x.unread_count,
                       last_message_preview = case when x.last_message_at is not null
                                                    and (s.last_message_at is null or x.last_message_at > s.last_message_at)
                                                   then x.last_message_preview else s.last_message_preview end,
                       last_message_at = greatest(s.last_message_at, x.last_message_at),
                       last_inbound_at = greatest(s.last_inbound_at, x.last_inbound_at),
                       assigned_user_id = coalesce(s.assigned_user_id, x.assigned_user_id),
                       status = case when s.status in ('closed', 'archived') and x.status not in ('closed', 'archived')
                                     then x.status else s.status end
                  from conversations x
                 where s.id = ? and x.id = ?
                """, target, x.id());
        execute(
                c,
                "update action_queue set related_conversation_id = ? where related_conversation_id = ?",
                target,
                x.id());
        execute(c, """
                update chat_sessions set conversation_id = ?
                 where conversation_id = ? and not exists (select 1 from chat_sessions where conversation_id = ?)
                """, target, x.id(), target);
        execute(c, "delete from conversations where id = ?", x.id());
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
