package com.recruitdesk.server.admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Meta's Graph API as an administrator's server meets it, in its wire format: {@code GET
 * /{phone-number-id}} answers the number's fields, {@code GET /{waba-id}/phone_numbers} the business's
 * numbers (a page of one, with Meta's cursors), {@code POST /{waba-id}/message_templates} takes a
 * template for review, {@code DELETE} removes one, {@code GET} lists none. A wrong bearer token, an unknown id and Meta
 * limiting requests answer as Meta does. Every request is kept for the test to look at. Public for
 * the desktop's tests and screenshots, which add Cloud API numbers through the real window.
 */
public final class GraphBusiness extends Dispatcher {
    public static final String TOKEN = "EAAJB3x7ZC0ZBwBAadmin-test-token";
    public static final String WABA = "102290129340398";
    public static final String OTHER_WABA = "102290129340777";
    public static final String NUMBER_ID = "106540352242922";
    public static final String SECOND_NUMBER_ID = "106540352242923";
    public static final String THEIR_NUMBER_ID = "106540352249999";

    public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** The numbers Meta knows: id → the JSON of its fields. */
    final Map<String, String> numbers = new ConcurrentHashMap<>(Map.of(
            NUMBER_ID, number(NUMBER_ID, "+1 555-078-3881", "RecruitDesk Talent", "GREEN", "TIER_1K"),
            SECOND_NUMBER_ID, number(SECOND_NUMBER_ID, "+1 555-078-3882", "RecruitDesk Jobs", "YELLOW", "TIER_250"),
            THEIR_NUMBER_ID, number(THEIR_NUMBER_ID, "+1 555-078-9999", "Someone Else", "GREEN", "TIER_10K")));
    /** Which business each number belongs to. */
    final Map<String, List<String>> businesses =
            Map.of(WABA, List.of(SECOND_NUMBER_ID, NUMBER_ID), OTHER_WABA, List.of(THEIR_NUMBER_ID));
    /** How many next requests Meta answers with its rate limit. */
    final AtomicInteger throttleNext = new AtomicInteger();
    /** When set, the next template submission is refused with this error body (HTTP 400). */
    volatile String refuseNextTemplate;

    private final AtomicInteger templateIds = new AtomicInteger(594425479);

    public static String number(String id, String display, String verifiedName, String quality, String tier) {
        return """
                {"verified_name": "%s", "display_phone_number": "%s", "quality_rating": "%s",
                 "messaging_limit_tier": "%s", "id": "%s"}""".formatted(verifiedName, display, quality, tier, id);
    }

    /** The settings of a server that talks to Meta at {@code graph}. */
    public static Map<String, String> env(MockWebServer graph) {
        return Map.of(
                "RD_WHATSAPP_APP_SECRET", "6f1c2b0e9a8d4c7f3b5a1e2d9c8b7a60",
                "RD_WHATSAPP_VERIFY_TOKEN", "recruitdesk-verify-4711",
                "RD_WHATSAPP_ACCESS_TOKEN", GraphBusiness.TOKEN,
                "RD_WHATSAPP_API_BASE", graph.url("/v23.0").toString(),
                "RD_WHATSAPP_TEMPLATE_SYNC_MINUTES", "0");
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        if (!("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return json(401, """
                    {"error": {"message": "Invalid OAuth access token - Cannot parse access token",
                     "type": "OAuthException", "code": 190, "fbtrace_id": "AbCdEf1234"}}""");
        }
        if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return json(400, """
                    {"error": {"message": "(#80008) There have been too many calls to this WhatsApp Business account.",
                     "type": "OAuthException", "code": 80008, "error_subcode": 2593002, "is_transient": true,
                     "fbtrace_id": "AbCdEf1235"}}""");
        }
        String[] path =
                request.getUrl().encodedPath().substring("/v23.0/".length()).split("/");
        String method = request.getMethod();
        if (path.length == 1 && "GET".equals(method)) {
            String number = numbers.get(path[0]);
            return number == null ? unknown(path[0]) : json(200, number);
        }
        if (path.length == 2 && path[1].equals("phone_numbers") && "GET".equals(method)) {
            return phoneNumbers(path[0], request.getUrl().queryParameter("after"));
        }
        if (path.length == 2 && path[1].equals("message_templates") && businesses.containsKey(path[0])) {
            if ("POST".equals(method)) {
                String refusal = refuseNextTemplate;
                refuseNextTemplate = null;
                return refusal != null
                        ? json(400, refusal)
                        : json(
                                200,
                                "{\"id\": \"" + templateIds.incrementAndGet()
                                        + "\", \"status\": \"PENDING\", \"category\": \"UTILITY\"}");
            }
            if ("DELETE".equals(method)) {
                return json(200, "{\"success\": true}");
            }
            if ("GET".equals(method)) {
                return json(200, "{\"data\": [], \"paging\": {\"cursors\": {\"before\": \"\", \"after\": \"\"}}}");
            }
        }
        return unknown(path[0]);
    }

    /** The business's numbers, one per page, as Meta pages them. */
    private MockResponse phoneNumbers(String waba, String after) {
        List<String> ids = businesses.get(waba);
        if (ids == null) {
            return unknown(waba);
        }
        int at = after == null ? 0 : Integer.parseInt(after.substring("cursor".length()));
        String next = at + 1 < ids.size()
                ? ", \"next\": \"https://graph.facebook.com/v23.0/" + waba + "/phone_numbers?after=cursor" + (at + 1)
                        + "\""
                : "";
        return json(
                200,
                "{\"data\": [{\"id\": \"" + ids.get(at) + "\"}], \"paging\": {\"cursors\": {\"before\":" + " \"cursor"
                        + at + "\", \"after\": \"cursor" + (at + 1) + "\"}" + next + "}}");
    }

    private static MockResponse unknown(String id) {
        return json(400, """
                {"error": {"message": "Unsupported get request. Object with ID '%s' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                 "type": "GraphMethodException", "code": 100, "error_subcode": 33, "fbtrace_id": "AbCdEf1236"}}""".formatted(id));
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** The requests made to {@code method} {@code pathEnd}. */
    public List<RecordedRequest> made(String method, String pathEnd) {
        return requests.stream()
                .filter(r ->
                        r.getMethod().equals(method) && r.getUrl().encodedPath().endsWith(pathEnd))
                .toList();
    }
}
