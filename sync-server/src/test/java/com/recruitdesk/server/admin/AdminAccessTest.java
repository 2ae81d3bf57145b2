package com.recruitdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Administration is for administrators: a recruiter, a manager (who reads administration but changes
 * nothing), an interviewer and a salesperson are refused every one of its mutations before anything
 * is read or written.
 */
@Tag("database")
class AdminAccessTest {
    private static TestServer server;
    private static List<SyncClient> others;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        others = Stream.of(TestServer.RECRUITER, "manager@demo.test", "interviewer@demo.test", "sales@demo.test")
                .map(email -> new SyncClient(server.api, email, TestServer.PASSWORD))
                .toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> mutations() {
        return AdminMutations.ALL.stream().map(t -> Arguments.of(t.name(), t));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void everyoneButAnAdministratorIsRefused(String name, MutationType<?> type) {
        for (SyncClient who : others) {
            JsonNode result = who.pushOne(SyncClient.mutation(type, SyncClient.args()));

            assertThat(result.path("code").asText()).as(name).isEqualTo("forbidden");
            assertThat(result.path("message").asText()).as(name).startsWith("Your role may not do this");
        }
    }
}
