package com.recruitdesk.app.admin.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.LocalStore.Optimistic;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.NumberRules;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.protocol.admin.TemplateDraft;
import com.recruitdesk.protocol.admin.UserRules;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The pane's changes as administration mutations, each with the optimistic row that shows it at once
 * (the server decides; a rejection takes the row back and the pane says why). Every method writes to
 * the outbox on disk: call them off the FX thread. Temporary passwords travel in the mutation only;
 * no row holds them.
 */
public final class AdminCommands {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final LocalStore store;
    private final Submitter submitter;
    private final Clock clock;

    public AdminCommands(LocalStore store, Submitter submitter, Clock clock) {
        this.store = store;
        this.submitter = submitter;
        this.clock = clock;
    }

    /** Invites a user with {@code temporaryPassword}; returns the new user's id. */
    public UUID invite(String email, String fullName, List<AdminMutations.Grant> roles, String temporaryPassword) {
        UUID id = UUID.randomUUID();
        String at = RowValues.format(clock.instant());
        ObjectNode row = JSON.objectNode()
                .put("id", id.toString())
                .put("email", UserRules.normaliseEmail(email))
                .put("fullName", fullName.strip())
                .put("status", "active")
                .put("passwordChangeRequired", true)
                .put("createdAt", at)
                .put("updatedAt", at);
        grants(row, roles);
        submitter.submit(
                AdminMutations.INVITE_USER,
                new AdminMutations.InviteUser(id, email, fullName, roles, temporaryPassword),
                List.of(new Optimistic(Entities.USER, id, row)));
        return id;
    }

    public void setRoles(UUID userId, List<AdminMutations.Grant> roles) {
        ObjectNode row = current(Entities.USER, userId);
        grants(row, roles);
        submitter.submit(
                AdminMutations.SET_ROLES,
                new AdminMutations.SetRoles(userId, roles),
                List.of(new Optimistic(Entities.USER, userId, row)));
    }

    public void setActive(UUID userId, boolean active) {
        ObjectNode row = current(Entities.USER, userId).put("status", active ? "active" : "inactive");
        submitter.submit(
                AdminMutations.SET_ACTIVE,
                new AdminMutations.SetActive(userId, active),
                List.of(new Optimistic(Entities.USER, userId, row)));
    }

    public void resetPassword(UUID userId, String temporaryPassword) {
        ObjectNode row = current(Entities.USER, userId).put("passwordChangeRequired", true);
        submitter.submit(
                AdminMutations.RESET_PASSWORD,
                new AdminMutations.ResetPassword(userId, temporaryPassword),
                List.of(new Optimistic(Entities.USER, userId, row)));
    }

    /** Adds ({@code id} null: a new one; its id is returned) or edits a number. */
    public UUID saveNumber(AdminMutations.SaveWhatsAppAccount number) {
        UUID id = number.id() == null ? UUID.randomUUID() : number.id();
        ObjectNode row = store.row(Entities.WHATSAPP_ACCOUNT, id)
                .map(ObjectNode::deepCopy)
                .orElseGet(() -> JSON.objectNode()
                        .put("id", id.toString())
                        .put("connectionStatus", "connected")
                        .put("createdAt", RowValues.format(clock.instant())));
        boolean cloud = NumberRules.CLOUD_API.equals(number.provider());
        row.put("displayName", number.displayName().strip())
                .put("phone", NumberRules.normalisePhone(number.phone()))
                .put("provider", number.provider())
                .put("phoneNumberId", cloud ? number.phoneNumberId().strip() : null)
                .put("wabaId", cloud ? number.wabaId().strip() : null);
        AdminMutations.SaveWhatsAppAccount args = new AdminMutations.SaveWhatsAppAccount(
                id, number.displayName(), number.phone(), number.provider(), number.phoneNumberId(), number.wabaId());
        submitter.submit(
                AdminMutations.SAVE_WHATSAPP_ACCOUNT,
                args,
                List.of(new Optimistic(Entities.WHATSAPP_ACCOUNT, id, row)));
        return id;
    }

    public void setNumberStatus(UUID numberId, boolean connected) {
        String status = connected ? "connected" : "disconnected";
        ObjectNode row = current(Entities.WHATSAPP_ACCOUNT, numberId).put("connectionStatus", status);
        submitter.submit(
                AdminMutations.SET_WHATSAPP_ACCOUNT_STATUS,
                new AdminMutations.SetWhatsAppAccountStatus(numberId, status),
                List.of(new Optimistic(Entities.WHATSAPP_ACCOUNT, numberId, row)));
    }

    /**
     * Creates a template ({@code draft}'s id is replaced by a new one, returned); it shows as pending
     * for a Cloud API number (Meta reviews it) and approved for a simulated one, as the server decides.
     */
    public UUID createTemplate(AdminMutations.CreateTemplate draft, boolean cloud) {
        UUID id = UUID.randomUUID();
        AdminMutations.CreateTemplate t = new AdminMutations.CreateTemplate(
                id,
                draft.whatsappAccountId(),
                draft.name(),
                draft.language(),
                draft.category(),
                draft.header(),
                draft.headerExamples(),
                draft.body(),
                draft.bodyExamples(),
                draft.footer(),
                draft.quickReplies());
        ObjectNode row = JSON.objectNode()
                .put("id", id.toString())
                .put("whatsappAccountId", t.whatsappAccountId().toString())
                .put("name", t.name())
                .put("language", t.language())
                .put("category", t.category())
                .put("status", cloud ? "pending" : "approved")
                .put("updatedAt", RowValues.format(clock.instant()));
        row.set("components", TemplateDraft.components(t));
        submitter.submit(
                AdminMutations.CREATE_TEMPLATE, t, List.of(new Optimistic(Entities.MESSAGE_TEMPLATE, id, row)));
        return id;
    }

    public void deleteTemplate(UUID templateId) {
        ObjectNode row = current(Entities.MESSAGE_TEMPLATE, templateId).put("status", "deleted");
        row.remove("rejectionReason");
        submitter.submit(
                AdminMutations.DELETE_TEMPLATE,
                new AdminMutations.DeleteTemplate(templateId),
                List.of(new Optimistic(Entities.MESSAGE_TEMPLATE, templateId, row)));
    }

    public void saveSetting(String key, JsonNode value) {
        ObjectNode row = Rows.of(store, Entities.SYSTEM_SETTING).stream()
                .filter(s -> key.equals(RowValues.text(s, "key")))
                .findFirst()
                .map(ObjectNode::deepCopy)
                .orElseGet(() -> JSON.objectNode()
                        .put("id", UUID.randomUUID().toString())
                        .put("key", key)
                        .put("description", Settings.title(key)));
        row.set("value", value);
        submitter.submit(
                AdminMutations.SAVE_SETTING,
                new AdminMutations.SaveSetting(key, value),
                List.of(new Optimistic(Entities.SYSTEM_SETTING, UUID.fromString(RowValues.text(row, "id")), row)));
    }

    /** A copy of the row as the user sees it now, to change into the optimistic one. */
    private ObjectNode current(String entity, UUID id) {
        return store.row(entity, id)
                .map(ObjectNode::deepCopy)
                .orElseThrow(() -> new IllegalArgumentException("this computer holds no " + entity + " " + id));
    }

    private static void grants(ObjectNode row, List<AdminMutations.Grant> roles) {
        ArrayNode names = row.putArray("roles");
        UserRules.roles(roles).forEach(r -> names.add(r.name()));
        String institution = roles.stream()
                .filter(g -> g.institutionId() != null)
                .map(g -> g.institutionId().toString())
                .findFirst()
                .orElse(null);
        row.put("institutionId", institution);
    }
}
