package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Meta's Message Templates API: {@code GET /{waba-id}/message_templates}, every page. The next page
 * is asked for with the {@code after} cursor on our own API base rather than by following
 * {@code paging.next}, so the bearer token only ever goes to the configured Graph host.
 */
final class CloudApiTemplates {
    static final String FIELDS = "id,name,language,category,status,components,rejected_reason";
    static final int PAGE_SIZE = 100;
    /** A WABA holds at most a few thousand templates; more pages than this means a cursor loop. */
    private static final int MAX_PAGES = 100;

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String accessToken;
    private final ObjectMapper mapper;

    /** On the sender's client, base and token ({@link CloudApiClient#templates()}). */
    CloudApiTemplates(OkHttpClient http, HttpUrl base, String accessToken, ObjectMapper mapper) {
        this.http = http;
        this.base = base;
        this.accessToken = accessToken;
        this.mapper = mapper;
    }

    /** Every template of {@code wabaId} as Meta sends it; throws when any page fails, so nothing partial is applied. */
    List<JsonNode> list(String wabaId) throws IOException {
        List<JsonNode> templates = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpUrl.Builder url = base.newBuilder()
                    .addPathSegment(wabaId)
                    .addPathSegment("message_templates")
                    .addQueryParameter("fields", FIELDS)
                    .addQueryParameter("limit", String.valueOf(PAGE_SIZE));
            if (after != null) {
                url.addQueryParameter("after", after);
            }
            Request request = new Request.Builder()
                    .url(url.build())
                    .header("Authorization", "Bearer " + accessToken)
                    .build();
            try (Response response = http.newCall(request).execute()) {
                JsonNode body = read(response);
                if (!response.isSuccessful()) {
                    JsonNode error = body.path("error");
                    throw new IOException("Meta answered " + response.code() + " for the templates of WABA " + wabaId
                            + ": " + error.path("message").asText("no reason given")
                            + (error.has("code") ? " (" + error.path("code").asInt() + ")" : ""));
                }
                body.path("data").forEach(templates::add);
                JsonNode paging = body.path("paging");
                String next = paging.path("next").asText("");
                String cursor = paging.path("cursors").path("after").asText("");
                if (next.isBlank() || cursor.isBlank() || cursor.equals(after)) {
                    return templates;
                }
                after = cursor;
            }
        }
        throw new IOException("The templates of WABA " + wabaId + " did not end after " + MAX_PAGES + " pages.");
    }

    private JsonNode read(Response response) throws IOException {
        String text = response.body().string();
        if (text.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new IOException("Meta answered " + response.code() + " with a body that is not JSON", e);
        }
    }
}
