package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Entities;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A page written with the streaming generator says exactly what the tree of before said: rows seen
 * whole are copied with their names in camelCase and their values untouched; rows seen in part, or
 * not at all, go through {@link Projection} as before (decision 0044).
 */
class PageJsonTest {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final UUID ORG = UUID.randomUUID();
    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final Visibility RECRUITER = new Visibility(ORG, UUID.randomUUID(), true, List.of(), false, false);
    private static final Visibility ADMIN = new Visibility(ORG, UUID.randomUUID(), true, List.of(), false, true);
    private static final Visibility INTERVIEWER =
            new Visibility(ORG, UUID.randomUUID(), false, List.of(), false, false);
    private static final Visibility SALES = new Visibility(ORG, UUID.randomUUID(), false, List.of(), true, false);

    private static ChangeFeed.Row row(String entity, String json) {
        return new ChangeFeed.Row(
                new Cursor(0, 0, "42", 7),
                entity,
                UUID.randomUUID(),
                Change.UPSERT,
                3,
                json.getBytes(StandardCharsets.UTF_8),
                false);
    }

    private static JsonNode page(Visibility who, ChangeFeed.Row row) throws Exception {
        PageJson page = new PageJson(MAPPER, who);
        page.change(row);
        return MAPPER.readTree(page.finish("next", true, 12L));
    }

    @Test
    void aRowSeenWholeIsCopiedWithCamelCaseNamesAndItsValuesAsTheyWere() throws Exception {
        String json = "{\"id\": \"a\", \"body_text\": \"Sawubona — ñ \\\"quoted\\\"\", \"unread_count\": 12,"
                + " \"score\": 1.5, \"big\": 12345678901234567890, \"closed_at\": null, \"is_vip\": true,"
                + " \"tags\": [\"x\", {\"inner_name\": 1}], \"meta_data\": {\"snake_inside\": [1, 2]}}";
        ChangeFeed.Row row = row(Entities.MESSAGE, json);

        JsonNode page = page(RECRUITER, row);

        JsonNode change = page.path("changes").get(0);
        assertThat(change.path("entity").asText()).isEqualTo(Entities.MESSAGE);
        assertThat(change.path("id").asText()).isEqualTo(row.id().toString());
        assertThat(change.path("op").asText()).isEqualTo(Change.UPSERT);
        assertThat(change.path("version").asLong()).isEqualTo(3);
        assertThat(change.path("seq").asLong()).isEqualTo(7);
        JsonNode viaTree = RowJson.camelCase(MAPPER, RowJson.parse(MAPPER, json));
        assertThat(change.path("data")).isEqualTo(viaTree);
        assertThat(change.path("data").has("closedAt")).as("a null field stays").isTrue();
        assertThat(change.path("data").path("metaData").has("snake_inside"))
                .as("only top-level names change")
                .isTrue();
        assertThat(page.path("cursor").asText()).isEqualTo("next");
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        assertThat(page.path("total").asLong()).isEqualTo(12);
        assertThat(page.path("reset").asBoolean()).isFalse();
    }

    @Test
    void rowsCopiedInOnePassAndTokenByTokenMakeOnePage() throws Exception {
        List<String> rows = List.of(
                "{\"id\": \"a\", \"unread_count\": 1}",
                "{\"id\": \"b\", \"naïve_name\": \"x\"}", // a name beyond ASCII: copied token by token
                "{\"id\": \"c\", \"last_message_at\": null}");
        PageJson page = new PageJson(MAPPER, RECRUITER);
        rows.forEach(json -> page.change(row(Entities.MESSAGE, json)));

        JsonNode changes = MAPPER.readTree(page.finish("next", false, null)).path("changes");

        assertThat(changes).hasSize(3);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(changes.get(i).path("data"))
                    .isEqualTo(RowJson.camelCase(MAPPER, RowJson.parse(MAPPER, rows.get(i))));
            assertThat(changes.get(i).path("seq").asLong()).isEqualTo(7);
        }
        assertThat(changes.get(1).path("data").has("naïveName")).isTrue();
    }

    @Test
    void anInterviewerGetsOnlyTheSummaryOfACandidate() throws Exception {
        JsonNode data = page(
                        INTERVIEWER,
                        row(Entities.CANDIDATE, "{\"id\": \"c\", \"full_name\": \"Thandi\", \"phone\": \"+27 82\"}"))
                .path("changes")
                .get(0)
                .path("data");

        assertThat(data.path("fullName").asText()).isEqualTo("Thandi");
        assertThat(data.has("phone")).isFalse();
    }

    @Test
    void salesGetsAJobWithoutAClientAsADelete() throws Exception {
        JsonNode change = page(SALES, row(Entities.JOB, "{\"id\": \"j\", \"title\": \"Picker\", \"client_id\": null}"))
                .path("changes")
                .get(0);

        assertThat(change.path("op").asText()).isEqualTo(Change.DELETE);
        assertThat(change.has("data")).isFalse();
    }

    @Test
    void aStudentsDemographicsReachAnAdministratorButNotTheRestOfTheStaff() throws Exception {
        String json = "{\"id\": \"e\", \"institution_id\": \"" + INSTITUTION + "\", \"student_data\": {\"age\": 19}}";

        assertThat(page(RECRUITER, row(Entities.COHORT_ENROLLMENT, json))
                        .path("changes")
                        .get(0)
                        .path("data")
                        .has("studentData"))
                .isFalse();
        assertThat(page(ADMIN, row(Entities.COHORT_ENROLLMENT, json))
                        .path("changes")
                        .get(0)
                        .path("data")
                        .path("studentData")
                        .path("age")
                        .asInt())
                .isEqualTo(19);
    }
}
