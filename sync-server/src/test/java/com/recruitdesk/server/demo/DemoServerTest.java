package com.recruitdesk.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A server started with RD_DEMO=true loads the demo organization and serves it, institution admin included. */
@Tag("database")
class DemoServerTest {
    @Test
    void demoServerSignsInTheInstitutionAdminOfTheFirstInstitution() {
        try (TestServer server = TestServer.loadingDemo()) {
            Api.Reply reply = server.login(DemoData.INSTITUTION_ADMIN, DemoUsers.PASSWORD);

            assertThat(reply.status()).isEqualTo(200);
            var roles = reply.json().path("user").path("roles");
            assertThat(roles).hasSize(1);
            assertThat(roles.get(0).path("role").asText()).isEqualTo("INSTITUTION_ADMIN");
            assertThat(roles.get(0).path("institutionId").asText()).isNotBlank();
        }
    }
}
