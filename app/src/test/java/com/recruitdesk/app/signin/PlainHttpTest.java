package com.recruitdesk.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.common.DirectTaskExecutor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A password and the data never cross a network unencrypted unless the user says so on the form. */
class PlainHttpTest {
    private final AtomicReference<String> usedServer = new AtomicReference<>();

    private SignInViewModel vm(String server) {
        SignInViewModel vm = new SignInViewModel((s, e, p) -> usedServer.set(s), new DirectTaskExecutor(), () -> {});
        vm.serverProperty().set(server);
        vm.emailProperty().set("recruiter@demo.test");
        vm.passwordProperty().set("secret");
        return vm;
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            http://recruitdesk.agency.lan:8080, http://recruitdesk.agency.lan:8080
            http://10.0.0.5:8080,               http://10.0.0.5:8080
            """)
    void plainHttpToAnotherComputerWaitsForTheUsersYes(String typed, String address) {
        SignInViewModel vm = vm(typed);

        vm.signIn();

        assertThat(usedServer.get()).as("nothing sent yet").isNull();
        assertThat(vm.plainHttpHostProperty().get())
                .isEqualTo(address.replaceFirst("^http://", "").replaceFirst(":\\d+$", ""));
        assertThat(vm.errorProperty().get()).contains("not encrypted");

        vm.plainHttpConfirmedProperty().set(true);
        vm.signIn();

        assertThat(usedServer.get()).isEqualTo(address);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            localhost:8080,            http://localhost:8080
            http://127.0.0.1:8080,     http://127.0.0.1:8080
            http://[::1]:8080,         http://[::1]:8080
            https://recruitdesk.agency.lan, https://recruitdesk.agency.lan
            recruitdesk.agency.lan,    https://recruitdesk.agency.lan
            """)
    void loopbackAndHttpsGoStraightThrough(String typed, String address) {
        SignInViewModel vm = vm(typed);

        vm.signIn();

        assertThat(usedServer.get()).isEqualTo(address);
        assertThat(vm.plainHttpHostProperty().get()).isEmpty();
    }
}
