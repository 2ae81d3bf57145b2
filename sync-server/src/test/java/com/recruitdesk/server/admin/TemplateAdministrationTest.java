package com.recruitdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Templates made by administrators: a Cloud API number's go to Meta for review
 * ({@code POST /{waba-id}/message_templates}, Meta played by a MockWebServer), a simulated number's
 * are approved at once; deleting one deletes it at Meta and keeps it on record as deleted.
 */
@Tag("database")
class TemplateAdministrationTest {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final MockWebServer GRAPH = new MockWebServer();
    private static final GraphBusiness META = new GraphBusiness();
    private static TestServer server;
    private static AdminFixture f;
    private static UUID cloudNumber;
    private static UUID simulatedNumber;

    @BeforeAll
    static void start() throws IOException {
        GRAPH.setDispatcher(META);
        GRAPH.start();
        server = TestServer.withoutDemo(GraphBusiness.env(GRAPH));
        f = new AdminFixture(server);
        cloudNumber = UUID.randomUUID();
        simulatedNumber = UUID.randomUUID();
        for (JsonNode r : List.of(
                f.asAdmin(
                        AdminMutations.SAVE_WHATSAPP_ACCOUNT,
                        new AdminMutations.SaveWhatsAppAccount(
                                cloudNumber,
                                "Talent",
                                "+15550783881",
                                "cloud_api",
                                GraphBusiness.NUMBER_ID,
                                GraphBusiness.WABA)),
                f.asAdmin(
                        AdminMutations.SAVE_WHATSAPP_ACCOUNT,
                        new AdminMutations.SaveWhatsAppAccount(
                                simulatedNumber, "Trials", "+27215550999", "simulator", null, null)))) {
            assertThat(r.path("status").asText()).isEqualTo("applied");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        GRAPH.close();
    }

    private static AdminMutations.CreateTemplate invitation(UUID id, UUID number, String name) {
        return new AdminMutations.CreateTemplate(
                id,
                number,
                name,
                "en_US",
                "utility",
                "Interview on {{1}}",
                List.of("Monday 10:00"),
                "Hi {{1}}, you are invited to an interview for {{2}}. Reply YES to confirm.",
                List.of("Thandi", "Warehouse supervisor"),
                "RecruitDesk",
                List.of("YES", "Reschedule"));
    }

    private static JsonNode create(AdminMutations.CreateTemplate t) {
        return AdminFixture.push(f.admin, AdminMutations.CREATE_TEMPLATE, t);
    }

    @Test
    void aCloudApiNumbersTemplateIsSubmittedToMetaInItsFormatAndKeptPendingWithMetasId() throws Exception {
        UUID id = UUID.randomUUID();
        int before = META.made("POST", "/message_templates").size();

        JsonNode result = create(invitation(id, cloudNumber, "interview_invitation"));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        List<RecordedRequest> posts = META.made("POST", "/message_templates");
        assertThat(posts).hasSize(before + 1);
        RecordedRequest post = posts.getLast();
        assertThat(post.getUrl().encodedPath()).isEqualTo("/v23.0/" + GraphBusiness.WABA + "/message_templates");
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer " + GraphBusiness.TOKEN);
        JsonNode sent = MAPPER.readTree(post.getBody().utf8());
        assertThat(sent.path("name").asText()).isEqualTo("interview_invitation");
        assertThat(sent.path("language").asText()).isEqualTo("en_US");
        assertThat(sent.path("category").asText()).isEqualTo("UTILITY");
        assertThat(sent.path("components")).isEqualTo(MAPPER.readTree("""
                [{"type": "HEADER", "format": "TEXT", "text": "Interview on {{1}}", "example": {"header_text": ["Monday 10:00"]}},
                 {"type": "BODY", "text": "Hi {{1}}, you are invited to an interview for {{2}}. Reply YES to confirm.",
                  "example": {"body_text": [["Thandi", "Warehouse supervisor"]]}},
                 {"type": "FOOTER", "text": "RecruitDesk"},
                 {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "YES"}, {"type": "QUICK_REPLY", "text": "Reschedule"}]}]
                """));
        JsonNode row = f.recruiter.pullAll().get("messageTemplate/" + id).path("data");
        assertThat(row.path("status").asText()).isEqualTo("pending");
        assertThat(row.path("providerTemplateId").asText()).matches("\\d+");
        assertThat(row.path("components")).isEqualTo(sent.path("components"));
        assertThat(row.path("createdByUserId").asText()).isEqualTo(f.admin.userId.toString());
        assertThat(f.count(
                        "select count(*) from activity_logs where action_type = 'messageTemplate.create' and entity_id = ?"
                                + " and description like 'Submitted the template interview_invitation%'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void whatMetaRefusesInATemplateIsSaidAndNothingIsKept() {
        META.refuseNextTemplate = """
                {"error": {"message": "Invalid parameter", "type": "OAuthException", "code": 100, "error_subcode": 2388024,
                 "is_transient": false, "error_user_title": "Content in this language already exists",
                 "error_user_msg": "There is already English (US) content for this template. You can create a new template and try again.",
                 "fbtrace_id": "AbCdEf1237"}}""";
        UUID id = UUID.randomUUID();

        JsonNode result = create(invitation(id, cloudNumber, "interview_invitation_two"));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText())
                .isEqualTo(
                        "Meta refused it: There is already English (US) content for this template. You can create a new"
                                + " template and try again. (code 100/2388024).");
        assertThat(f.count("select count(*) from message_templates where id = ?", id))
                .isZero();
    }

    @Test
    void aSimulatedNumberApprovesItsTemplateAtOnceAndItCanBeSent() {
        UUID id = UUID.randomUUID();
        int before = META.requests.size();

        JsonNode result = create(invitation(id, simulatedNumber, "trial_invitation"));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        assertThat(META.requests).hasSize(before);
        assertThat(f.count(
                        "select count(*) from message_templates where id = ? and status = 'approved' and provider_template_id is null",
                        id))
                .isEqualTo(1);
        UUID conversation = f.conversationOn(simulatedNumber, "+27820000123");
        UUID message = UUID.randomUUID();
        JsonNode send = f.recruiter.pushOne(SyncClient.mutation(
                ConversationMutations.SEND_TEMPLATE,
                new ConversationMutations.SendTemplate(
                        conversation,
                        message,
                        id,
                        List.of("Thandi", "Warehouse supervisor"),
                        List.of("Monday 10:00"))));
        assertThat(send.path("status").asText()).isEqualTo("applied");
        Eventually.await(
                Duration.ofSeconds(20),
                "the simulator to send the template",
                () -> f.count("select count(*) from messages where id = ? and status <> 'queued'", message) == 1);
    }

    @Test
    void deletingATemplateDeletesItAtMetaAndKeepsItOnRecordAsDeleted() {
        UUID id = UUID.randomUUID();
        UUID stays = UUID.randomUUID();
        create(invitation(id, cloudNumber, "to_be_deleted"));
        create(invitation(stays, cloudNumber, "not_listed_any_more"));

        JsonNode result =
                AdminFixture.push(f.admin, AdminMutations.DELETE_TEMPLATE, new AdminMutations.DeleteTemplate(id));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        RecordedRequest delete = META.made("DELETE", "/message_templates").getLast();
        assertThat(delete.getUrl().queryParameter("name")).isEqualTo("to_be_deleted");
        assertThat(delete.getUrl().queryParameter("hsm_id")).matches("\\d+");
        assertThat(f.count("select count(*) from message_templates where id = ? and status = 'deleted'", id))
                .isEqualTo(1);
        JsonNode again =
                AdminFixture.push(f.admin, AdminMutations.DELETE_TEMPLATE, new AdminMutations.DeleteTemplate(id));
        assertThat(again.path("message").asText()).isEqualTo("The template is deleted already.");
        JsonNode sameName = create(invitation(UUID.randomUUID(), cloudNumber, "to_be_deleted"));
        assertThat(sameName.path("message").asText()).contains("was deleted", "pick another");

        // Meta lists neither any more: the sync disables the other one, the deleted one stays deleted.
        String token = server.login(AdminFixture.ADMIN, TestServer.PASSWORD)
                .json()
                .path("accessToken")
                .asText();
        assertThat(server.api
                        .post(Paths.WHATSAPP_TEMPLATE_SYNC, Map.of(), token)
                        .status())
                .isEqualTo(202);
        Eventually.await(
                Duration.ofSeconds(20),
                "the sync to disable what Meta no longer lists",
                () -> f.count("select count(*) from message_templates where id = ? and status = 'disabled'", stays)
                        == 1);
        assertThat(f.count("select count(*) from message_templates where id = ? and status = 'deleted'", id))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a capital in the name  | Interview   | en_US | utility        | Hi {{1}}      | Thandi | lowercase letters, digits and '_'
            an unknown language    | interview   | EN    | utility        | Hi {{1}}      | Thandi | the language as Meta names it
            authentication         | interview   | en_US | authentication | Hi {{1}}      | Thandi | utility (about something the person asked for) or marketing
            no body                | interview   | en_US | utility        |               |        | needs a body
            a gap in the variables | interview   | en_US | utility        | Hi {{1}} {{3}} | A B   | {{1}} to {{2}} without gaps
            a named variable       | interview   | en_US | utility        | Hi {{name}}   | Thandi | '{{name}}' is not one
            no example             | interview   | en_US | utility        | Hi {{1}}      |        | give 1 for the body
            an example too many    | interview   | en_US | utility        | Hi there      | Thandi | needs no examples
            """)
    void aTemplateMetaWouldRefuseIsRefusedHereWithTheReason(
            String why, String name, String language, String category, String body, String examples, String reason) {
        UUID id = UUID.randomUUID();
        int before = META.requests.size();

        JsonNode result = create(new AdminMutations.CreateTemplate(
                id,
                cloudNumber,
                name,
                language,
                category,
                null,
                null,
                body,
                examples == null ? List.of() : List.of(examples.split(" ")),
                null,
                null));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        assertThat(META.requests).as("nothing went to Meta").hasSize(before);
        assertThat(f.count("select count(*) from message_templates where id = ?", id))
                .isZero();
    }

    @Test
    void aTemplateOfANumberThatIsNotTheOrganizationsIsNotFound() {
        JsonNode result = create(invitation(UUID.randomUUID(), UUID.randomUUID(), "nowhere"));

        assertThat(result.path("code").asText()).isEqualTo("not_found");
        assertThat(result.path("message").asText())
                .isEqualTo("The WhatsApp number does not exist or is not yours to change.");
    }
}
