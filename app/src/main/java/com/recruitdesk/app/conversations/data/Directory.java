package com.recruitdesk.app.conversations.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.format.PersonName;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.sync.Entities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The small lists the pane names things by, read from the local store in one go: colleagues,
 * WhatsApp numbers, templates, canned responses and the tags in use.
 */
public record Directory(
        Map<UUID, Colleague> colleagues,
        Map<UUID, WhatsAppNumber> numbers,
        List<Template> templates,
        List<CannedResponse> cannedResponses,
        List<String> tags) {

    public static final Directory EMPTY = new Directory(Map.of(), Map.of(), List.of(), List.of(), List.of());

    public Directory {
        colleagues = Map.copyOf(colleagues);
        numbers = Map.copyOf(numbers);
        templates = List.copyOf(templates);
        cannedResponses = List.copyOf(cannedResponses);
        tags = List.copyOf(tags);
    }

    public static Directory load(LocalStore store) {
        Map<UUID, Colleague> colleagues = new LinkedHashMap<>();
        for (ObjectNode u : rows(store, Entities.USER)) {
            List<String> roles = new ArrayList<>();
            u.path("roles").forEach(r -> roles.add(r.asText()));
            UUID id = RowValues.uuid(u, "id");
            colleagues.put(
                    id,
                    new Colleague(
                            id,
                            RowValues.text(u, "fullName"),
                            RowValues.text(u, "email"),
                            roles,
                            !"inactive".equals(RowValues.text(u, "status"))));
        }
        Map<UUID, WhatsAppNumber> numbers = new LinkedHashMap<>();
        for (ObjectNode a : rows(store, Entities.WHATSAPP_ACCOUNT)) {
            UUID id = RowValues.uuid(a, "id");
            numbers.put(id, new WhatsAppNumber(id, RowValues.text(a, "displayName"), RowValues.text(a, "phone")));
        }
        List<Template> templates = rows(store, Entities.MESSAGE_TEMPLATE).stream()
                .map(Template::from)
                .sorted(Comparator.comparing(Template::name).thenComparing(Template::language))
                .toList();
        List<CannedResponse> canned = rows(store, Entities.CANNED_RESPONSE).stream()
                .map(r -> new CannedResponse(
                        RowValues.uuid(r, "id"), RowValues.text(r, "shortcut"), RowValues.text(r, "body")))
                .sorted(Comparator.comparing(CannedResponse::shortcut))
                .toList();
        List<String> tags = store.query(
                "select distinct json_extract(data, '$.tag') as tag from current where entity = ?"
                        + " order by tag collate nocase",
                List.of(Entities.CANDIDATE_TAG),
                rs -> rs.getString(1));
        return new Directory(colleagues, numbers, templates, canned, tags);
    }

    private static List<ObjectNode> rows(LocalStore store, String entity) {
        return store.query(
                "select data from current where entity = ?", List.of(entity), rs -> store.parse(rs.getString(1)));
    }

    public Optional<Colleague> colleague(UUID id) {
        return Optional.ofNullable(id == null ? null : colleagues.get(id));
    }

    public Optional<WhatsAppNumber> number(UUID id) {
        return Optional.ofNullable(id == null ? null : numbers.get(id));
    }

    /** Colleagues who may take a conversation, by name. */
    public List<Colleague> assignees() {
        return colleagues.values().stream()
                .filter(Colleague::takesConversations)
                .sorted(Comparator.comparing(Colleague::displayName))
                .toList();
    }

    /** The approved templates of one WhatsApp number. */
    public List<Template> approvedTemplates(UUID accountId) {
        return templates.stream()
                .filter(t ->
                        t.approved() && t.accountId() != null && t.accountId().equals(accountId))
                .toList();
    }

    static String nameOf(JsonNode person) {
        return PersonName.of(
                RowValues.text(person, "fullName"),
                RowValues.text(person, "firstName"),
                RowValues.text(person, "lastName"),
                RowValues.text(person, "whatsappName"),
                RowValues.text(person, "whatsappUsername"),
                RowValues.text(person, "whatsappId"),
                RowValues.text(person, "email"));
    }
}
