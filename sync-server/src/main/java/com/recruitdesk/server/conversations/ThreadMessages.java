package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.UUID;

/** What writing a line into a conversation's thread takes, for replies and private notes alike. */
final class ThreadMessages {
    private ThreadMessages() {}

    /** A line the user wrote: its client-made id (new), its text, and the conversation, locked. */
    record Draft(UUID id, String text, ObjectNode conversation) {}

    static Draft draft(
            MutationContext ctx, UUID conversationId, UUID id, String idField, String text, String what, int max)
            throws SQLException {
        if (id == null) {
            throw Rejection.invalid("A new " + what + " needs the id the client made for it (" + idField + ").");
        }
        String checked = Rows.text(text, what, max);
        ObjectNode conversation = Rows.require(ctx, "conversations", conversationId, "The conversation");
        if (Rows.exists(ctx, "select 1 from messages where id = ?", id)) {
            throw Rejection.invalid("A message with this id exists already.");
        }
        return new Draft(id, checked, conversation);
    }

    /** Inserts the line as {@code direction}/{@code type} from the signed-in user; {@code status} null for notes. */
    static void insert(MutationContext ctx, Draft draft, String direction, String type, String status, UUID replyTo)
            throws SQLException {
        Rows.update(
                ctx,
                """
                insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,
                                      sender_type, sender_user_id, body, reply_to_message_id, status, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, 'user', ?, ?, ?, ?, ?)
                """,
                draft.id(),
                ctx.principal().organizationId(),
                UUID.fromString(draft.conversation().path("id").asText()),
                UUID.fromString(draft.conversation().path("whatsapp_account_id").asText()),
                UUID.fromString(draft.conversation().path("candidate_id").asText()),
                direction,
                type,
                ctx.principal().userId(),
                draft.text(),
                replyTo,
                status,
                ctx.now());
    }
}
