package com.recruitdesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.auth.LoginRequest;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.auth.UserInfo;
import com.recruitdesk.protocol.blob.BlobInfo;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonTest {
    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void instantsTravelAsIsoTextAndRoundTrip() throws Exception {
        UUID institution = UUID.randomUUID();
        var user = new UserInfo(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "a@b.test",
                "A B",
                List.of(RoleGrant.of(Role.RECRUITER), new RoleGrant(Role.INSTITUTION_ADMIN, institution)));
        var tokens = new TokenResponse(
                "access",
                Instant.parse("2026-01-02T03:04:05Z"),
                "refresh",
                Instant.parse("2026-02-01T00:00:00Z"),
                user);

        String json = mapper.writeValueAsString(tokens);

        assertThat(json).contains("\"accessTokenExpiresAt\":\"2026-01-02T03:04:05Z\"");
        assertThat(json).doesNotContain("\"institutionId\":null");
        assertThat(mapper.readValue(json, TokenResponse.class)).isEqualTo(tokens);
    }

    @Test
    void errorBodyHasTheDocumentedShape() throws Exception {
        assertThat(mapper.writeValueAsString(ApiError.of("invalid", "The field 'email' is required.")))
                .isEqualTo("{\"error\":{\"code\":\"invalid\",\"message\":\"The field 'email' is required.\"}}");
    }

    @Test
    void sendMessageArgumentsWithoutAFileStillReadAndTheFileTravelsAsMediaBlobId() throws Exception {
        UUID conversation = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        UUID blob = UUID.randomUUID();

        ConversationMutations.SendMessage text = mapper.readValue(
                "{\"conversationId\":\"%s\",\"messageId\":\"%s\",\"text\":\"Hi\"}".formatted(conversation, message),
                ConversationMutations.SendMessage.class);
        String withFile = mapper.writeValueAsString(
                new ConversationMutations.SendMessage(conversation, message, "A caption", null, blob));

        assertThat(text).isEqualTo(new ConversationMutations.SendMessage(conversation, message, "Hi", null));
        assertThat(text.mediaBlobId()).isNull();
        assertThat(withFile).contains("\"mediaBlobId\":\"" + blob + "\"").doesNotContain("replyToMessageId");
        assertThat(mapper.readValue(withFile, ConversationMutations.SendMessage.class)
                        .mediaBlobId())
                .isEqualTo(blob);
    }

    @Test
    void blobInfoHasTheDocumentedFields() throws Exception {
        UUID id = UUID.randomUUID();

        String json = mapper.writeValueAsString(new BlobInfo(id, "ab".repeat(32), 12, "image/jpeg", "a.jpg"));

        assertThat(mapper.readTree(json).fieldNames())
                .toIterable()
                .containsExactly("id", "sha256", "sizeBytes", "mimeType", "filename");
    }

    @Test
    void unknownFieldsFromANewerPeerAreIgnored() throws Exception {
        LoginRequest request =
                mapper.readValue("{\"email\":\"a@b.test\",\"password\":\"p\",\"otp\":\"1\"}", LoginRequest.class);

        assertThat(request.email()).isEqualTo("a@b.test");
    }

    @Test
    void trailingGarbageIsMalformed() {
        assertThatThrownBy(() -> mapper.readValue("{\"email\":\"a\"} x", LoginRequest.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(new LoginRequest("a@b.test", "hunter2").toString()).doesNotContain("hunter2");
    }
}
