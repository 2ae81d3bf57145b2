package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@link MetaBusiness} over the Graph API, with the sender's client, base and token:
 * {@code GET /{phone-number-id}} for a number's facts, {@code GET /{waba-id}/phone_numbers} for the
 * numbers of its business, {@code POST} and {@code DELETE /{waba-id}/message_templates} for templates.
 * Pages of numbers are asked for with the {@code after} cursor on our own base, so the token never
 * leaves the configured Graph host.
 */
final class CloudApiBusiness implements MetaBusiness {
    static final String NUMBER_FIELDS = "display_phone_number,verified_name,quality_rating,messaging_limit_tier";
    private static final MediaType JSON = MediaType.get("application/json");
    /** A business has at most a few dozen numbers; more pages than this means a cursor loop. */
    private static final int MAX_PAGES = 20;

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String accessToken;
    private final ObjectMapper mapper;

    CloudApiBusiness(OkHttpClient http, HttpUrl base, String accessToken, ObjectMapper mapper) {
        this.http = http;
        this.base = base;
        this.accessToken = accessToken;
        this.mapper = mapper;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public NumberFacts checkNumber(String phoneNumberId, String wabaId) throws MetaRefusal {
        String number = "phone number with the ID " + phoneNumberId;
        JsonNode facts = get(
                base.newBuilder()
                        .addPathSegment(phoneNumberId)
                        .addQueryParameter("fields", NUMBER_FIELDS)
                        .build(),
                number);
        if (!belongsTo(phoneNumberId, wabaId)) {
            throw new MetaRefusal("The phone number ID " + phoneNumberId + " belongs to another business than the"
                    + " WhatsApp Business Account " + wabaId + ": check both IDs in WhatsApp Manager.");
        }
        return new NumberFacts(
                text(facts, "display_phone_number"),
                text(facts, "verified_name"),
                text(facts, "quality_rating"),
                text(facts, "messaging_limit_tier"));
    }

    private boolean belongsTo(String phoneNumberId, String wabaId) throws MetaRefusal {
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpUrl.Builder url = base.newBuilder()
                    .addPathSegment(wabaId)
                    .addPathSegment("phone_numbers")
                    .addQueryParameter("fields", "id")
                    .addQueryParameter("limit", "100");
            if (after != null) {
                url.addQueryParameter("after", after);
            }
            JsonNode numbers = get(url.build(), "WhatsApp Business Account with the ID " + wabaId);
            for (JsonNode n : numbers.path("data")) {
                if (phoneNumberId.equals(n.path("id").asText())) {
                    return true;
                }
            }
            String next = numbers.path("paging").path("next").asText("");
            String cursor = numbers.path("paging").path("cursors").path("after").asText("");
            if (next.isBlank() || cursor.isBlank() || cursor.equals(after)) {
                return false;
            }
            after = cursor;
        }
        return false;
    }

    @Override
    public SubmittedTemplate submitTemplate(
            String wabaId, String name, String language, String category, JsonNode components) throws MetaRefusal {
        ObjectNode body = mapper.createObjectNode();
        body.put("name", name);
        body.put("language", language);
        body.put("category", category.toUpperCase(Locale.ROOT));
        body.set("components", components);
        Request request = authorized(base.newBuilder()
                        .addPathSegment(wabaId)
                        .addPathSegment("message_templates")
                        .build())
                .post(RequestBody.create(body.toString(), JSON))
                .build();
        JsonNode answer = call(request, "WhatsApp Business Account with the ID " + wabaId);
        String id = text(answer, "id");
        if (id == null) {
            throw new MetaRefusal("Meta accepted the template but gave no id for it; look for it in WhatsApp Manager.");
        }
        return new SubmittedTemplate(id, text(answer, "status"), text(answer, "category"));
    }

    @Override
    public void deleteTemplate(String wabaId, String name, String providerTemplateId) throws MetaRefusal {
        HttpUrl.Builder url = base.newBuilder()
                .addPathSegment(wabaId)
                .addPathSegment("message_templates")
                .addQueryParameter("name", name);
        if (providerTemplateId != null) {
            url.addQueryParameter("hsm_id", providerTemplateId);
        }
        JsonNode answer = call(authorized(url.build()).delete().build(), "template " + name);
        if (!answer.path("success").asBoolean(false)) {
            throw new MetaRefusal("Meta did not confirm deleting the template " + name + "; try again.");
        }
    }

    private JsonNode get(HttpUrl url, String what) throws MetaRefusal {
        return call(authorized(url).get().build(), what);
    }

    private Request.Builder authorized(HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken);
    }

    private JsonNode call(Request request, String what) throws MetaRefusal {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            JsonNode body = text.isBlank() ? mapper.createObjectNode() : readOrEmpty(text);
            if (!response.isSuccessful()) {
                throw new MetaRefusal(GraphRefusals.sentence(response.code(), body, what));
            }
            return body;
        } catch (IOException e) {
            throw new MetaRefusal("Meta's Graph API could not be reached (" + e.getMessage() + "); try again.");
        }
    }

    private JsonNode readOrEmpty(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
