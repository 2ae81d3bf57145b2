package com.recruitdesk.protocol.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization's settings that the product reads, each a row of {@code system_settings} under
 * its key with a typed, validated value; a setting never saved has its default. Both ends check a
 * value with {@link #problem} (the server also checks that the numbers of {@link #BOT_GREETINGS}
 * are the organization's).
 */
public final class Settings {
    /**
     * When an interviewer sees the other interviewers' scorecards for the same candidate and job:
     * {@code never}, {@code after_own} (once their own is submitted) or {@code always}.
     */
    public static final String SCORECARD_VISIBILITY = "INTERVIEW_FEEDBACK_VISIBILITY";

    public static final List<String> SCORECARD_VISIBILITIES = List.of("never", "after_own", "always");
    public static final String DEFAULT_SCORECARD_VISIBILITY = "after_own";

    /** When the office answers ({@link BusinessHours}); outside them the greeting says when it opens. */
    public static final String BUSINESS_HOURS = "BUSINESS_HOURS";

    /**
     * Per WhatsApp number, the text the bot sends to a person who writes to it for the first time:
     * {@code {"<whatsapp account id>": "Hi! ..."}}; a number without one sends none.
     */
    public static final String BOT_GREETINGS = "BOT_GREETINGS";

    public static final int MAX_GREETING = 1_024;

    /**
     * How many days the change feed keeps an entry that a newer one of the same row has superseded
     * (the newest entry of every row is kept for as long as the row lives).
     */
    public static final String FEED_RETENTION_DAYS = "FEED_RETENTION_DAYS";

    public static final int MIN_RETENTION_DAYS = 7;
    public static final int MAX_RETENTION_DAYS = 3_650;
    public static final int DEFAULT_RETENTION_DAYS = 90;

    /**
     * Where people outside the office reach this server's pages ({@link PageAddress}): the links the
     * server sends students and the job pages' own address are made with it. Empty (the default):
     * the address the desktop or the visitor used.
     */
    public static final String PUBLIC_ADDRESS = "PUBLIC_PAGE_ADDRESS";

    /** Every setting, in the order the desktop shows them. */
    public static final List<String> KEYS =
            List.of(SCORECARD_VISIBILITY, BUSINESS_HOURS, BOT_GREETINGS, FEED_RETENTION_DAYS, PUBLIC_ADDRESS);

    private static final Map<String, String> TITLES = Map.of(
            SCORECARD_VISIBILITY, "Scorecard visibility",
            BUSINESS_HOURS, "Business hours",
            BOT_GREETINGS, "Bot greeting per number",
            FEED_RETENTION_DAYS, "Change feed retention",
            PUBLIC_ADDRESS, "Public page address");

    private Settings() {}

    public static boolean known(String key) {
        return key != null && KEYS.contains(key);
    }

    public static String title(String key) {
        return TITLES.getOrDefault(key, key);
    }

    /** The value of a setting never saved. */
    public static JsonNode defaultValue(String key) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (key) {
            case SCORECARD_VISIBILITY -> json.textNode(DEFAULT_SCORECARD_VISIBILITY);
            case BUSINESS_HOURS -> BusinessHours.standard().toJson();
            case BOT_GREETINGS -> json.objectNode();
            case FEED_RETENTION_DAYS -> json.numberNode(DEFAULT_RETENTION_DAYS);
            case PUBLIC_ADDRESS -> json.textNode("");
            default -> throw new IllegalArgumentException("no setting " + key);
        };
    }

    /** What is wrong with {@code value} for the setting {@code key}, or nothing. */
    public static Optional<String> problem(String key, JsonNode value) {
        if (!known(key)) {
            return Optional.of("'" + key + "' is not a setting; the settings are " + String.join(", ", KEYS) + ".");
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.of(title(key) + " needs a value.");
        }
        return switch (key) {
            case SCORECARD_VISIBILITY ->
                value.isTextual() && SCORECARD_VISIBILITIES.contains(value.asText())
                        ? Optional.empty()
                        : Optional.of(
                                "Scorecard visibility is one of " + String.join(", ", SCORECARD_VISIBILITIES) + ".");
            case BUSINESS_HOURS -> BusinessHours.parse(value).problem();
            case BOT_GREETINGS -> greetingsProblem(value);
            case FEED_RETENTION_DAYS ->
                value.canConvertToInt()
                                && value.isIntegralNumber()
                                && value.asInt() >= MIN_RETENTION_DAYS
                                && value.asInt() <= MAX_RETENTION_DAYS
                        ? Optional.empty()
                        : Optional.of("Keep superseded changes for " + MIN_RETENTION_DAYS + " to " + MAX_RETENTION_DAYS
                                + " days.");
            case PUBLIC_ADDRESS ->
                value.isTextual()
                                && (value.asText().isBlank()
                                        || PageAddress.normalized(value.asText())
                                                .isPresent())
                        ? Optional.empty()
                        : Optional.of(PageAddress.WRONG + " Leave it empty to use the address each desktop uses.");
            default -> Optional.empty();
        };
    }

    private static Optional<String> greetingsProblem(JsonNode value) {
        if (!value.isObject()) {
            return Optional.of("Greetings are a text per WhatsApp number.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                UUID.fromString(e.getKey());
            } catch (IllegalArgumentException bad) {
                return Optional.of("'" + e.getKey() + "' does not name a WhatsApp number.");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                return Optional.of("A greeting is a text; leave a number out to send none.");
            }
            if (e.getValue().asText().length() > MAX_GREETING) {
                return Optional.of("A greeting has at most " + MAX_GREETING + " characters.");
            }
        }
        return Optional.empty();
    }

    /** The value in a sentence for the activity log: "after_own", "90 days". */
    public static String describe(String key, JsonNode value) {
        return switch (key) {
            case FEED_RETENTION_DAYS -> value.asInt() + " days";
            case BOT_GREETINGS -> value.size() + (value.size() == 1 ? " number greets" : " numbers greet");
            case SCORECARD_VISIBILITY -> value.asText();
            case PUBLIC_ADDRESS -> value.asText().isBlank() ? "the address each desktop uses" : value.asText();
            default -> value.toString();
        };
    }
}
