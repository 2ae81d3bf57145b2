package com.recruitdesk.app.conversations.data;

import com.recruitdesk.app.store.EntityIndex;
import com.recruitdesk.app.store.StoreRules;
import com.recruitdesk.app.store.TextIndex;
import com.recruitdesk.protocol.sync.Entities;

/**
 * How the local store files the rows this pane reads: a message under its conversation by the time
 * it was sent, a conversation under its person by its last message, tags and applications under
 * their person, a template under its number; and what search finds (a message's text, caption and
 * file name; a person's names, WhatsApp username, email and the digits of their number).
 */
public final class ConversationIndexes {
    /** The text of every message, optimistic ones included. */
    public static final TextIndex MESSAGES =
            TextIndex.of("message_fts", "body", row -> TextIndex.fields(row, "body", "mediaCaption", "mediaFilename"));

    /** People by name, username, email and number ("+27825550101" is found by typing "2782555"). */
    public static final TextIndex PEOPLE = TextIndex.of("person_fts", "name", row -> {
        String names =
                TextIndex.fields(row, "fullName", "firstName", "lastName", "whatsappName", "whatsappUsername", "email");
        String digits = row.path("whatsappId").asText("").replaceAll("\\D", "");
        return (names + " " + digits).strip();
    });

    public static final StoreRules RULES = StoreRules.of(
            EntityIndex.of(Entities.MESSAGE)
                    .under("conversationId")
                    .sortedBy("sentAt", "createdAt")
                    .searchedIn(MESSAGES),
            EntityIndex.of(Entities.CONVERSATION).under("candidateId").sortedBy("lastMessageAt", "createdAt"),
            EntityIndex.of(Entities.CANDIDATE).searchedIn(PEOPLE),
            EntityIndex.of(Entities.CANDIDATE_TAG).under("candidateId").sortedBy("createdAt"),
            EntityIndex.of(Entities.MESSAGE_TEMPLATE).under("whatsappAccountId").sortedBy("updatedAt"),
            // The candidate panel lists a person's applications and their notes (Pipelines declares the same).
            EntityIndex.of(Entities.APPLICATION).under("candidateId"),
            EntityIndex.of(Entities.APPLICATION_NOTE).under("applicationId").sortedBy("createdAt"));

    private ConversationIndexes() {}
}
