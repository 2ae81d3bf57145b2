package com.recruitdesk.protocol.blob;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The file types people send on WhatsApp, one table both ways: the desktop names the MIME type of a
 * file it attaches (the platform's guess is often missing), the server names a file it serves or
 * uploads by its type.
 */
public final class FileTypes {
    /** Used when nothing better is known. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private record Type(String mimeType, String extension, List<String> alsoNamed) {}

    private static final List<Type> TYPES = List.of(
            new Type("image/jpeg", "jpg", List.of("jpeg")),
            new Type("image/png", "png", List.of()),
            new Type("image/webp", "webp", List.of()),
            new Type("image/gif", "gif", List.of()),
            new Type("application/pdf", "pdf", List.of()),
            new Type("application/msword", "doc", List.of()),
            new Type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", List.of()),
            new Type("application/vnd.ms-excel", "xls", List.of()),
            new Type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", List.of()),
            new Type("application/vnd.ms-powerpoint", "ppt", List.of()),
            new Type("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", List.of()),
            new Type("text/plain", "txt", List.of()),
            new Type("text/csv", "csv", List.of()),
            new Type("video/mp4", "mp4", List.of()),
            new Type("video/3gpp", "3gp", List.of()),
            new Type("audio/mpeg", "mp3", List.of()),
            new Type("audio/mp4", "m4a", List.of()),
            new Type("audio/aac", "aac", List.of()),
            new Type("audio/amr", "amr", List.of()),
            new Type("audio/ogg", "ogg", List.of("opus")),
            new Type("audio/wav", "wav", List.of()));

    private static final Map<String, String> BY_EXTENSION = TYPES.stream()
            .flatMap(t -> Stream.concat(Stream.of(t.extension()), t.alsoNamed().stream())
                    .map(ext -> Map.entry(ext, t.mimeType())))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    private static final Map<String, String> EXTENSION_BY_TYPE =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(Type::mimeType, Type::extension));

    private FileTypes() {}

    /** The MIME type a file name suggests, {@link #OCTET_STREAM} when its extension is not known. */
    public static String ofName(String filename) {
        int dot = filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, OCTET_STREAM);
    }

    /** A file extension with its dot for a MIME type (parameters ignored), or "" when none is known. */
    public static String extension(String mimeType) {
        String ext = EXTENSION_BY_TYPE.get(base(mimeType));
        return ext == null ? "" : "." + ext;
    }

    /** {@code "Audio/OGG; codecs=opus"} → {@code "audio/ogg"}; null → "". */
    public static String base(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
