package com.recruitdesk.protocol.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template as an administrator writes it ({@link AdminMutations.CreateTemplate}): Meta's rules
 * for it, checked on both ends before it is submitted, and the {@code components} array Meta's
 * {@code POST /{waba-id}/message_templates} takes (the same the template sync stores, so the
 * desktop's optimistic row looks like the server's). Placeholders are positional, {{1}} to {{n}} in
 * order, each with an example, as Meta requires for review.
 */
public final class TemplateDraft {
    public static final List<String> CATEGORIES = List.of("utility", "marketing");
    public static final int MAX_NAME = 512;
    public static final int MAX_HEADER = 60;
    public static final int MAX_BODY = 1_024;
    public static final int MAX_FOOTER = 60;
    public static final int MAX_QUICK_REPLIES = 10;
    public static final int MAX_BUTTON = 25;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*)\\s*}}");

    private TemplateDraft() {}

    /** What Meta would refuse in {@code t} (or what this product cannot send), or nothing. */
    public static Optional<String> problem(AdminMutations.CreateTemplate t) {
        if (t.name() == null || t.name().isEmpty() || t.name().length() > MAX_NAME) {
            return Optional.of("Give the template a name of up to " + MAX_NAME + " characters.");
        }
        if (!NAME.matcher(t.name()).matches()) {
            return Optional.of("A template name is lowercase letters, digits and '_', such as interview_invitation.");
        }
        if (t.language() == null || !LANGUAGE.matcher(t.language()).matches()) {
            return Optional.of("Give the language as Meta names it, such as en_US, en or pt_BR.");
        }
        if (t.category() == null || !CATEGORIES.contains(t.category())) {
            return Optional.of("The category is utility (about something the person asked for) or marketing.");
        }
        if (t.body() == null || t.body().isBlank()) {
            return Optional.of("The template needs a body.");
        }
        if (t.body().length() > MAX_BODY) {
            return Optional.of("The body has at most " + MAX_BODY + " characters.");
        }
        Optional<String> body = placeholders("body", t.body(), t.bodyExamples(), Integer.MAX_VALUE);
        if (body.isPresent()) {
            return body;
        }
        if (t.header() != null && !t.header().isBlank()) {
            if (t.header().length() > MAX_HEADER) {
                return Optional.of("The header has at most " + MAX_HEADER + " characters.");
            }
            Optional<String> header = placeholders("header", t.header(), t.headerExamples(), 1);
            if (header.isPresent()) {
                return header;
            }
        }
        if (t.footer() != null && !t.footer().isBlank()) {
            if (t.footer().length() > MAX_FOOTER) {
                return Optional.of("The footer has at most " + MAX_FOOTER + " characters.");
            }
            if (PLACEHOLDER.matcher(t.footer()).find()) {
                return Optional.of("A footer cannot have variables.");
            }
        }
        if (t.quickReplies().size() > MAX_QUICK_REPLIES) {
            return Optional.of("A template has at most " + MAX_QUICK_REPLIES + " quick replies.");
        }
        for (String reply : t.quickReplies()) {
            if (reply == null || reply.isBlank() || reply.length() > MAX_BUTTON) {
                return Optional.of("A quick reply is 1 to " + MAX_BUTTON + " characters.");
            }
        }
        return Optional.empty();
    }

    /** How many variables {{1}}…{{n}} {@code text} has (0 for none); assumes a text {@link #problem} accepted. */
    public static int variables(String text) {
        if (text == null) {
            return 0;
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            try {
                numbers.add(Integer.parseInt(m.group(1).strip()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return numbers.isEmpty() ? 0 : numbers.last();
    }

    private static Optional<String> placeholders(String part, String text, List<String> examples, int max) {
        TreeSet<Integer> numbers = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String inside = m.group(1).strip();
            if (!inside.matches("[1-9][0-9]?")) {
                return Optional.of(
                        "Write the " + part + "'s variables as {{1}}, {{2}}, … ('{{" + inside + "}}' is not one).");
            }
            numbers.add(Integer.parseInt(inside));
        }
        int count = numbers.size();
        if (count > max) {
            return Optional.of("The " + part + " may have at most " + max + " variable.");
        }
        if (count > 0 && numbers.last() != count) {
            return Optional.of("Number the " + part + "'s variables {{1}} to {{" + count + "}} without gaps.");
        }
        if (examples.size() != count) {
            return Optional.of(
                    count == 0
                            ? "The " + part + " has no variables, so it needs no examples."
                            : "Meta reviews a template with an example for each variable: give " + count + " for the "
                                    + part + ".");
        }
        for (String example : examples) {
            if (example == null || example.isBlank()) {
                return Optional.of("An example of a variable cannot be empty.");
            }
        }
        return Optional.empty();
    }

    /** Meta's {@code components} for a template {@link #problem} accepted. */
    public static ArrayNode components(AdminMutations.CreateTemplate t) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ArrayNode components = json.arrayNode();
        if (t.header() != null && !t.header().isBlank()) {
            ObjectNode header = components.addObject();
            header.put("type", "HEADER");
            header.put("format", "TEXT");
            header.put("text", t.header());
            if (!t.headerExamples().isEmpty()) {
                ArrayNode examples = header.putObject("example").putArray("header_text");
                t.headerExamples().forEach(examples::add);
            }
        }
        ObjectNode body = components.addObject();
        body.put("type", "BODY");
        body.put("text", t.body());
        if (!t.bodyExamples().isEmpty()) {
            ArrayNode examples = body.putObject("example").putArray("body_text").addArray();
            t.bodyExamples().forEach(examples::add);
        }
        if (t.footer() != null && !t.footer().isBlank()) {
            ObjectNode footer = components.addObject();
            footer.put("type", "FOOTER");
            footer.put("text", t.footer());
        }
        if (!t.quickReplies().isEmpty()) {
            ObjectNode buttons = components.addObject();
            buttons.put("type", "BUTTONS");
            ArrayNode list = buttons.putArray("buttons");
            for (String reply : t.quickReplies()) {
                ObjectNode b = list.addObject();
                b.put("type", "QUICK_REPLY");
                b.put("text", reply);
            }
        }
        return components;
    }
}
