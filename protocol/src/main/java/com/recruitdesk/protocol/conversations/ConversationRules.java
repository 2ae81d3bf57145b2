package com.recruitdesk.protocol.conversations;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Conversations rules both sides apply: the desktop checks them before it queues a change, so
 * it can say what is wrong at once, and the server checks them again because it decides.
 */
public final class ConversationRules {
    /** WhatsApp's limit for a text message body. */
    public static final int MAX_MESSAGE_TEXT = 4_096;
    /** WhatsApp's limit for a media caption. */
    public static final int MAX_CAPTION = 1_024;
    /** WhatsApp's limit for one template parameter. */
    public static final int MAX_TEMPLATE_VARIABLE = 1_024;

    public static final int MAX_NOTE = 10_000;
    public static final int MAX_TAG = 64;
    public static final int MAX_CANNED_BODY = 4_096;
    public static final int MAX_SHORTCUT = 32;
    /** How much of the last message the inbox line keeps. */
    public static final int PREVIEW_LENGTH = 200;

    /** The statuses of a conversation (seed 000), in the order the inbox offers them. */
    public static final List<String> STATUSES =
            List.of("new", "open", "pending_form", "pending_photo", "needs_attention", "closed", "archived");

    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private ConversationRules() {}

    /** A shortcut as it is stored: what was typed, trimmed, without a leading {@code /}, lowercase. */
    public static String normaliseShortcut(String typed) {
        return typed == null ? "" : typed.strip().replaceFirst("^/", "").toLowerCase(Locale.ROOT);
    }

    /** True for a normalised shortcut of 1 to 32 lowercase letters, digits, '-' or '_', starting with a letter or digit. */
    public static boolean isValidShortcut(String normalised) {
        return normalised != null && SHORTCUT.matcher(normalised).matches();
    }

    public static final String SHORTCUT_RULE =
            "A shortcut is 1 to 32 lowercase letters, digits, '-' or '_', such as 'welcome'.";

    /**
     * The status a conversation takes when we send into it: a reply opens a new conversation; an
     * approved template (which may start a conversation again) also reopens a closed or archived one.
     */
    public static String statusAfterSend(String status, boolean template) {
        if ("new".equals(status) || (template && ("closed".equals(status) || "archived".equals(status)))) {
            return "open";
        }
        return status;
    }

    /** The inbox line of a media message: "Photo: caption", "Document: cv.pdf". */
    public static String mediaPreview(String type, String filename, String caption) {
        String label = switch (type == null ? "" : type) {
            case "image" -> "Photo";
            case "video" -> "Video";
            case "audio" -> "Audio";
            case "sticker" -> "Sticker";
            default -> filename == null ? "Document" : "Document: " + filename;
        };
        return caption == null || caption.isBlank() ? label : label + ": " + caption;
    }

    /** The inbox line for any text: at most {@link #PREVIEW_LENGTH} characters. */
    public static String preview(String text) {
        return text == null || text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH);
    }
}
