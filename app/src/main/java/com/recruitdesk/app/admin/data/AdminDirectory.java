package com.recruitdesk.app.admin.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.protocol.admin.UserRules;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.whatsapp.TemplateShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the Administration pane lists, read from the local store in one go: users, institutions,
 * WhatsApp numbers, templates and the organization's settings (a setting never saved has its
 * default). Optimistic rows are included, so a change shows at once.
 */
public record AdminDirectory(
        List<UserRow> users,
        List<Institution> institutions,
        List<NumberRow> numbers,
        List<TemplateRow> templates,
        Map<String, JsonNode> settings) {

    public static final AdminDirectory EMPTY = new AdminDirectory(List.of(), List.of(), List.of(), List.of(), Map.of());

    public AdminDirectory {
        users = List.copyOf(users);
        institutions = List.copyOf(institutions);
        numbers = List.copyOf(numbers);
        templates = List.copyOf(templates);
        settings = Map.copyOf(settings);
    }

    public static AdminDirectory load(LocalStore store) {
        Set<UUID> pending = Rows.pending(store);
        List<UserRow> users = Rows.of(store, Entities.USER).stream()
                .map(u -> user(pending, u))
                .sorted(Comparator.comparing((UserRow u) -> u.name().toLowerCase(Locale.ROOT)))
                .toList();
        List<Institution> institutions = Rows.of(store, Entities.INSTITUTION).stream()
                .map(i -> new Institution(RowValues.uuid(i, "id"), RowValues.text(i, "name")))
                .sorted(Comparator.comparing(Institution::name))
                .toList();
        List<NumberRow> numbers = Rows.of(store, Entities.WHATSAPP_ACCOUNT).stream()
                .map(n -> number(pending, n))
                .sorted(Comparator.comparing(NumberRow::displayName))
                .toList();
        List<TemplateRow> templates = Rows.of(store, Entities.MESSAGE_TEMPLATE).stream()
                .map(t -> template(pending, t))
                .sorted(Comparator.comparing(TemplateRow::name).thenComparing(TemplateRow::language))
                .toList();
        Map<String, JsonNode> settings = new HashMap<>();
        for (String key : Settings.KEYS) {
            settings.put(key, Settings.defaultValue(key));
        }
        for (ObjectNode s : Rows.of(store, Entities.SYSTEM_SETTING)) {
            String key = RowValues.text(s, "key");
            if (Settings.known(key) && Settings.problem(key, s.path("value")).isEmpty()) {
                settings.put(key, s.path("value"));
            }
        }
        return new AdminDirectory(users, institutions, numbers, templates, settings);
    }

    private static UserRow user(Set<UUID> pending, ObjectNode u) {
        List<Role> roles = new ArrayList<>();
        u.path("roles").forEach(r -> UserRules.role(r.asText()).ifPresent(roles::add));
        UUID id = RowValues.uuid(u, "id");
        String name = RowValues.text(u, "fullName");
        return new UserRow(
                id,
                name == null || name.isBlank() ? RowValues.text(u, "email") : name,
                RowValues.text(u, "email"),
                roles,
                RowValues.uuid(u, "institutionId"),
                !"inactive".equals(RowValues.text(u, "status")),
                u.path("passwordChangeRequired").asBoolean(false),
                RowValues.instant(u, "lastLoginAt"),
                pending.contains(id));
    }

    private static NumberRow number(Set<UUID> pending, ObjectNode n) {
        UUID id = RowValues.uuid(n, "id");
        return new NumberRow(
                id,
                RowValues.text(n, "displayName"),
                RowValues.text(n, "phone"),
                RowValues.text(n, "provider"),
                RowValues.text(n, "phoneNumberId"),
                RowValues.text(n, "wabaId"),
                RowValues.text(n, "connectionStatus"),
                RowValues.text(n, "verifiedName"),
                RowValues.text(n, "qualityRating"),
                RowValues.text(n, "messagingLimitTier"),
                RowValues.instant(n, "metaCheckedAt"),
                pending.contains(id));
    }

    private static TemplateRow template(Set<UUID> pending, ObjectNode t) {
        UUID id = RowValues.uuid(t, "id");
        return new TemplateRow(
                id,
                RowValues.uuid(t, "whatsappAccountId"),
                RowValues.text(t, "name"),
                RowValues.text(t, "language"),
                RowValues.text(t, "category"),
                RowValues.text(t, "status"),
                RowValues.text(t, "rejectionReason"),
                TemplateShape.of(t.path("components")),
                pending.contains(id));
    }

    public Optional<UserRow> user(UUID id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    public Optional<NumberRow> number(UUID id) {
        return numbers.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public List<TemplateRow> templatesOf(UUID number) {
        return templates.stream().filter(t -> t.numberId().equals(number)).toList();
    }

    public String institutionName(UUID id) {
        return institutions.stream()
                .filter(i -> i.id().equals(id))
                .map(Institution::name)
                .findFirst()
                .orElse("an institution");
    }
}
