package com.recruitdesk.server.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Meta's Graph API for a test of templates: {@code GET /{waba}/message_templates} lists the templates
 * the test holds, {@link #PAGE} to a page with Meta's {@code paging} (cursors and {@code next}); every
 * {@code POST …/messages} is accepted. Failures and slowness can be scripted for the next listings.
 */
final class GraphTemplates extends Dispatcher {
    static final int PAGE = 2;

    final List<String> templates = new CopyOnWriteArrayList<>();
    final List<RecordedRequest> listings = new CopyOnWriteArrayList<>();
    final List<RecordedRequest> sends = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile long firstPageDelayMillis;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if ("POST".equals(request.getMethod()) && path.endsWith("/messages")) {
            sends.add(request);
            return OutboundSenderTest.accepted("wamid.tpl." + sends.size());
        }
        if (!path.equals("/v23.0/" + MetaPayloads.WABA_ID + "/message_templates")) {
            return new MockResponse.Builder().code(404).body("{}").build();
        }
        listings.add(request);
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder()
                    .code(500)
                    .addHeader("Content-Type", "application/json")
                    .body("""
                            {"error":{"message":"An unexpected error has occurred. Please retry your request later.","type":"OAuthException","is_transient":true,"code":2,"fbtrace_id":"A1b2C3d4E5f6"}}
                            """)
                    .build();
        }
        String after = request.getUrl().queryParameter("after");
        int from = after == null ? 0 : Integer.parseInt(after.substring("cursor".length()));
        List<String> snapshot = new ArrayList<>(templates);
        int to = Math.min(snapshot.size(), from + PAGE);
        StringBuilder paging = new StringBuilder(
                "{\"cursors\": {\"before\": \"cursor" + from + "\", \"after\": \"cursor" + to + "\"}");
        if (to < snapshot.size()) {
            paging.append(", \"next\": \"https://graph.facebook.com/v23.0/")
                    .append(MetaPayloads.WABA_ID)
                    .append("/message_templates?fields=")
                    .append(CloudApiTemplates.FIELDS)
                    .append("&limit=100&after=cursor")
                    .append(to)
                    .append('"');
        }
        paging.append('}');
        MockResponse.Builder response = new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"data\": [" + String.join(",", snapshot.subList(from, to)) + "], \"paging\": " + paging + "}");
        if (after == null && firstPageDelayMillis > 0) {
            response.headersDelay(firstPageDelayMillis, TimeUnit.MILLISECONDS);
        }
        return response.build();
    }

    /** A template as Meta lists it with {@code fields=id,name,language,category,status,components,rejected_reason}. */
    static String template(String id, String name, String status, String category, String components, String reason) {
        return """
                {
                  "name": "%s",
                  "components": %s,
                  "language": "en_US",
                  "status": "%s",
                  "category": "%s",
                  "id": "%s",
                  "rejected_reason": "%s"
                }""".formatted(name, components, status, category, id, reason);
    }

    static final String FOLLOW_UP = """
            [
              {
                "type": "BODY",
                "text": "Hi {{1}}, thanks for your application for {{2}}. Reply YES to confirm you are still interested.",
                "example": {"body_text": [["Thandi", "Warehouse supervisor"]]}
              },
              {"type": "FOOTER", "text": "RecruitDesk"},
              {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "YES"}, {"type": "QUICK_REPLY", "text": "Not now"}]}
            ]""";

    static final String INVITATION = """
            [
              {
                "type": "HEADER",
                "format": "TEXT",
                "text": "Interview on {{1}}",
                "example": {"header_text": ["Monday 10:00"]}
              },
              {
                "type": "BODY",
                "text": "Hi {{1}}, you are invited to an interview for {{2}}. Reply YES to confirm.",
                "example": {"body_text": [["Thandi", "Warehouse supervisor"]]}
              }
            ]""";

    static final String NAMED = """
            [
              {
                "type": "HEADER",
                "format": "TEXT",
                "text": "Your shift on {{shift_day}}",
                "example": {"header_text_named_params": [{"param_name": "shift_day", "example": "Friday"}]}
              },
              {
                "type": "BODY",
                "text": "Hello {{first_name}}, your {{shift_name}} shift starts at {{start_time}}. See you, {{first_name}}!",
                "example": {"body_text_named_params": [
                  {"param_name": "first_name", "example": "Sipho"},
                  {"param_name": "shift_name", "example": "morning"},
                  {"param_name": "start_time", "example": "06:00"}
                ]}
              }
            ]""";

    static final String IMAGE_HEADER = """
            [
              {"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["https://scontent.whatsapp.net/v/t61.29466-34/1234"]}},
              {"type": "BODY", "text": "Our new depot is open."}
            ]""";
}
