package com.recruitdesk.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.auth.LoginRequest;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.sync.PushRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A signed-in user's view of the sync API, keeping a cursor like a desktop does. */
public final class SyncClient {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private final Api api;
    public final String accessToken;
    public final UUID userId;
    public String cursor;

    public SyncClient(Api api, String email, String password) {
        this.api = api;
        Api.Reply login = api.post(Paths.LOGIN, new LoginRequest(email, password));
        if (login.status() != 200) {
            throw new AssertionError("sign-in failed: " + login.body());
        }
        this.accessToken = login.json().path("accessToken").asText();
        this.userId = UUID.fromString(login.json().path("user").path("id").asText());
    }

    /** One page after the kept cursor; the cursor moves on. */
    public JsonNode pullPage(int limit) {
        String query = "?limit=" + limit
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        Api.Reply reply = api.get(Paths.SYNC_PULL + query, accessToken);
        if (reply.status() != 200) {
            throw new AssertionError("pull failed: " + reply.body());
        }
        cursor = reply.json().path("cursor").asText();
        return reply.json();
    }

    /** Pulls every page until {@code hasMore} is false; the newest change per row wins, as in a local store. */
    public Map<String, JsonNode> pullAll() {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        JsonNode page;
        do {
            page = pullPage(500);
            for (JsonNode change : page.path("changes")) {
                rows.put(
                        change.path("entity").asText() + "/" + change.path("id").asText(), change);
            }
        } while (page.path("hasMore").asBoolean());
        return rows;
    }

    /**
     * Pulls, keeping the newest change per row, until {@code done} holds for what was pulled (within
     * 20 s). The feed hands out a commit only once no older transaction is still open (a background
     * task's may be), so right after a push one pull may not hold it yet; a desktop gets it on the next
     * poke.
     */
    public Map<String, JsonNode> pullUntil(String what, java.util.function.Predicate<Map<String, JsonNode>> done) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        Eventually.await(java.time.Duration.ofSeconds(20), what, () -> {
            rows.putAll(pullAll());
            return done.test(rows);
        });
        return rows;
    }

    public static Mutation mutation(MutationType<?> type, ObjectNode args) {
        return mutation(type.name(), args);
    }

    /** A mutation of {@code type} with its typed arguments, as the desktop sends it. */
    public static <A extends Record> Mutation mutation(MutationType<A> type, A args) {
        return mutation(type.name(), MAPPER.valueToTree(args));
    }

    public static Mutation mutation(String name, ObjectNode args) {
        return new Mutation(UUID.randomUUID(), name, args, Instant.now());
    }

    public static ObjectNode args() {
        return MAPPER.createObjectNode();
    }

    public Api.Reply push(Mutation... mutations) {
        return push(List.of(mutations));
    }

    public Api.Reply push(List<Mutation> mutations) {
        return api.post(Paths.SYNC_PUSH, new PushRequest(new ArrayList<>(mutations)), accessToken);
    }

    /** The single result of a one-mutation push. */
    public JsonNode pushOne(Mutation mutation) {
        Api.Reply reply = push(mutation);
        if (reply.status() != 200) {
            throw new AssertionError("push failed: " + reply.body());
        }
        return reply.json().path("results").get(0);
    }
}
