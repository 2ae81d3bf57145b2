package com.recruitdesk.protocol.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.List;
import java.util.UUID;

/**
 * The Administration feature's mutations and their argument records. Ids of new rows (a user, a
 * number, a template) are made by the client, so its optimistic row and the server's are one row.
 * Roles travel as names ({@link UserRules#ROLES}) so that a misspelt one is refused with a sentence.
 */
public final class AdminMutations {
    private AdminMutations() {}

    /** A role to hold; {@code institutionId} names the institution of an INSTITUTION_ADMIN, and only of one. */
    public record Grant(String role, UUID institutionId) {
        public static Grant of(String role) {
            return new Grant(role, null);
        }
    }

    /**
     * Creates the user {@code userId} with a temporary password the inviting administrator hands over;
     * the user chooses their own at the first sign-in ({@link UserRules}).
     */
    public record InviteUser(UUID userId, String email, String fullName, List<Grant> roles, String temporaryPassword) {}

    /** Replaces every role of the user. */
    public record SetRoles(UUID userId, List<Grant> roles) {}

    /** Deactivates (signs out everywhere and refuses sign-in) or reactivates a user. */
    public record SetActive(UUID userId, boolean active) {}

    /** Sets a temporary password the user must change at the next sign-in; their sessions end. */
    public record ResetPassword(UUID userId, String temporaryPassword) {}

    /**
     * Adds the number {@code id} or edits it. {@code provider} is {@code cloud_api} (checked with Meta
     * before it is saved: {@code phoneNumberId} and {@code wabaId} are required) or {@code simulator}.
     */
    public record SaveWhatsAppAccount(
            UUID id, String displayName, String phone, String provider, String phoneNumberId, String wabaId) {}

    /** {@code connected} or {@code disconnected} (no sends while disconnected). */
    public record SetWhatsAppAccountStatus(UUID id, String status) {}

    /**
     * A template of the number {@code whatsappAccountId}, submitted to Meta for a Cloud API number
     * (a simulated number approves it at once). {@link TemplateDraft} turns it into Meta's components.
     */
    public record CreateTemplate(
            UUID templateId,
            UUID whatsappAccountId,
            String name,
            String language,
            String category,
            String header,
            List<String> headerExamples,
            String body,
            List<String> bodyExamples,
            String footer,
            List<String> quickReplies) {
        public CreateTemplate {
            headerExamples = headerExamples == null ? List.of() : List.copyOf(headerExamples);
            bodyExamples = bodyExamples == null ? List.of() : List.copyOf(bodyExamples);
            quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        }
    }

    /** Deletes the template at Meta (for a Cloud API number); it stays on record as {@code deleted}. */
    public record DeleteTemplate(UUID templateId) {}

    /** Sets one of the organization's settings ({@link Settings}) to {@code value}. */
    public record SaveSetting(String key, JsonNode value) {}

    public static final MutationType<InviteUser> INVITE_USER =
            MutationType.of("user.invite", InviteUser.class, Feature.ADMIN, "The user was not created");
    public static final MutationType<SetRoles> SET_ROLES =
            MutationType.of("user.setRoles", SetRoles.class, Feature.ADMIN, "The roles were not changed");
    public static final MutationType<SetActive> SET_ACTIVE =
            MutationType.of("user.setActive", SetActive.class, Feature.ADMIN, "The user was not (de)activated");
    public static final MutationType<ResetPassword> RESET_PASSWORD =
            MutationType.of("user.resetPassword", ResetPassword.class, Feature.ADMIN, "The password was not reset");
    public static final MutationType<SaveWhatsAppAccount> SAVE_WHATSAPP_ACCOUNT = MutationType.of(
            "whatsappAccount.save", SaveWhatsAppAccount.class, Feature.ADMIN, "The WhatsApp number was not saved");
    public static final MutationType<SetWhatsAppAccountStatus> SET_WHATSAPP_ACCOUNT_STATUS = MutationType.of(
            "whatsappAccount.setStatus",
            SetWhatsAppAccountStatus.class,
            Feature.ADMIN,
            "The number's connection was not changed");
    public static final MutationType<CreateTemplate> CREATE_TEMPLATE = MutationType.of(
            "messageTemplate.create", CreateTemplate.class, Feature.ADMIN, "The template was not submitted");
    public static final MutationType<DeleteTemplate> DELETE_TEMPLATE = MutationType.of(
            "messageTemplate.delete", DeleteTemplate.class, Feature.ADMIN, "The template was not deleted");
    public static final MutationType<SaveSetting> SAVE_SETTING =
            MutationType.of("systemSetting.save", SaveSetting.class, Feature.ADMIN, "The setting was not saved");

    public static final List<MutationType<?>> ALL = List.of(
            INVITE_USER,
            SET_ROLES,
            SET_ACTIVE,
            RESET_PASSWORD,
            SAVE_WHATSAPP_ACCOUNT,
            SET_WHATSAPP_ACCOUNT_STATUS,
            CREATE_TEMPLATE,
            DELETE_TEMPLATE,
            SAVE_SETTING);
}
