package com.recruitdesk.app.conversations.data;

/** The inbox line of a message, as the server writes {@code lastMessagePreview}. */
final class Previews {
    private Previews() {}

    static String media(String type, String filename, String caption) {
        String label = switch (type == null ? "" : type) {
            case "image" -> "Photo";
            case "video" -> "Video";
            case "audio" -> "Audio";
            case "sticker" -> "Sticker";
            default -> filename == null ? "Document" : "Document: " + filename;
        };
        return caption == null || caption.isBlank() ? label : label + ": " + caption;
    }
}
