package com.recruitdesk.protocol.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a template's components (as Meta lists them) ask for when it is sent: a value for each
 * placeholder of a text header and of the body. Placeholders are positional ({{1}}, {{2}}, …: as
 * many values as the highest number) or named ({{first_name}}: one value per name, in the order the
 * names first appear), as Meta's {@code parameter_format} allows. Shared, so the desktop offers a
 * field for exactly the values the server will ask for.
 *
 * @param unsupported why the template cannot be sent from here (a media header, a button that needs
 *     a value), if it cannot
 */
public record TemplateShape(
        String header,
        List<String> headerPlaceholders,
        String body,
        List<String> bodyPlaceholders,
        boolean named,
        Optional<String> unsupported) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public static TemplateShape of(JsonNode components) {
        String header = null;
        String body = "";
        String unsupported = null;
        for (JsonNode c : components) {
            switch (c.path("type").asText("").toUpperCase(Locale.ROOT)) {
                case "HEADER" -> {
                    String format = c.path("format").asText("TEXT").toUpperCase(Locale.ROOT);
                    if ("TEXT".equals(format)) {
                        header = c.path("text").asText("");
                    } else {
                        unsupported = "its header is " + format.toLowerCase(Locale.ROOT)
                                + " media, and templates with media headers cannot be sent from here yet";
                    }
                }
                case "BODY" -> body = c.path("text").asText("");
                case "BUTTONS" -> {
                    for (JsonNode b : c.path("buttons")) {
                        String type = b.path("type").asText("").toUpperCase(Locale.ROOT);
                        boolean dynamicUrl = "URL".equals(type)
                                && PLACEHOLDER.matcher(b.path("url").asText("")).find();
                        if (dynamicUrl || "COPY_CODE".equals(type) || "OTP".equals(type)) {
                            unsupported = "its " + type.toLowerCase(Locale.ROOT)
                                    + " button needs a value, which cannot be sent from here yet";
                        }
                    }
                }
                default -> {
                    // FOOTER and the rest carry no variables
                }
            }
        }
        List<String> headerNames = names(header == null ? "" : header);
        List<String> bodyNames = names(body);
        boolean named = !isPositional(headerNames) || !isPositional(bodyNames);
        return new TemplateShape(
                header,
                named ? headerNames : positions(headerNames),
                body,
                named ? bodyNames : positions(bodyNames),
                named,
                Optional.ofNullable(unsupported));
    }

    /** The distinct placeholder names of {@code text}, in the order they first appear. */
    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static boolean isPositional(List<String> names) {
        return names.stream().allMatch(n -> n.chars().allMatch(Character::isDigit));
    }

    /** "1" … the highest number: Meta wants a value for every position up to it. */
    private static List<String> positions(List<String> names) {
        int max = names.stream().mapToInt(Integer::parseInt).max().orElse(0);
        List<String> all = new ArrayList<>(max);
        for (int i = 1; i <= max; i++) {
            all.add(String.valueOf(i));
        }
        return all;
    }

    /** {@code text} with each placeholder replaced by its value; one without a value (yet) stays as it is. */
    public static String render(String text, List<String> placeholders, List<String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = placeholders.indexOf(m.group(1));
            boolean given = i >= 0
                    && i < values.size()
                    && values.get(i) != null
                    && !values.get(i).isBlank();
            m.appendReplacement(out, Matcher.quoteReplacement(given ? values.get(i) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
