package com.recruitdesk.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.api.ApiFailure;
import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.app.common.DirectTaskExecutor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInViewModelTest {
    private final AtomicInteger signedIn = new AtomicInteger();
    private final AtomicReference<String> usedServer = new AtomicReference<>();

    private SignInViewModel vm(SignIn signIn) {
        SignInViewModel vm = new SignInViewModel(signIn, new DirectTaskExecutor(), signedIn::incrementAndGet);
        vm.serverProperty().set("localhost:8080");
        vm.emailProperty().set("recruiter@demo.test");
        vm.passwordProperty().set("secret");
        return vm;
    }

    @Test
    void successForgetsThePasswordAndMovesOn() {
        SignInViewModel vm = vm((server, email, password) -> usedServer.set(server));
        vm.signIn();

        assertThat(signedIn).hasValue(1);
        assertThat(usedServer).hasValue("http://localhost:8080");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aWrongPasswordSaysSo() {
        SignInViewModel vm = vm((s, e, p) -> {
            throw new ApiFailure(401, "unauthorized", "Wrong email or password.", null);
        });
        vm.signIn();

        assertThat(vm.errorProperty().get()).isEqualTo("The email or password is wrong.");
        assertThat(signedIn).hasValue(0);
        assertThat(vm.passwordProperty().get()).as("kept to correct it").isEqualTo("secret");
    }

    @Test
    void aDesktopTooOldForTheServerShowsTheServersSentenceAsItIs() {
        String sentence = "This RecruitDesk desktop is older than the server; install version 0.2.0 or newer.";
        SignInViewModel vm = vm((s, e, p) -> {
            throw new ApiFailure(426, "client_too_old", sentence, null);
        });
        vm.signIn();

        assertThat(vm.errorProperty().get()).isEqualTo(sentence);
        assertThat(signedIn).hasValue(0);
    }

    @Test
    void aTemporaryPasswordAsksForTheUsersOwnWhichMustBeGoodAndTypedTwiceThenSignsIn() {
        AtomicReference<String> chosen = new AtomicReference<>();
        SignInViewModel vm = vm((s, e, p) -> {
                    throw new ApiFailure(403, "password_change_required", "Choose your own.", null);
                })
                .choosingPasswordWith((server, email, temporary, mine) ->
                        chosen.set(server + " " + email + " " + temporary + " " + mine));
        vm.signIn();
        assertThat(vm.choosingProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(signedIn).hasValue(0);

        vm.newPasswordProperty().set("short");
        vm.confirmPasswordProperty().set("short");
        vm.choosePassword();
        assertThat(vm.errorProperty().get()).contains("10");
        vm.newPasswordProperty().set("my-own-password");
        vm.confirmPasswordProperty().set("my-own-passw0rd");
        vm.choosePassword();
        assertThat(vm.errorProperty().get()).isEqualTo("The two passwords are not the same.");
        vm.newPasswordProperty().set("secret-secret");
        vm.passwordProperty().set("secret-secret");
        vm.confirmPasswordProperty().set("secret-secret");
        vm.choosePassword();
        assertThat(vm.errorProperty().get()).isEqualTo("Choose a password other than the one you were given.");
        assertThat(chosen).hasValue(null);

        vm.passwordProperty().set("secret");
        vm.newPasswordProperty().set("my-own-password");
        vm.confirmPasswordProperty().set("my-own-password");
        vm.choosePassword();
        assertThat(chosen).hasValue("http://localhost:8080 recruiter@demo.test secret my-own-password");
        assertThat(signedIn).hasValue(1);
        assertThat(vm.choosingProperty().get()).isFalse();
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.newPasswordProperty().get()).isEmpty();
    }

    @Test
    void aRefusedNewPasswordIsSaidAndTheFormStays() {
        SignInViewModel vm = vm((s, e, p) -> {
                    throw new ApiFailure(403, "password_change_required", "Choose your own.", null);
                })
                .choosingPasswordWith((server, email, temporary, mine) -> {
                    throw new ApiFailure(401, "unauthorized", "Wrong email or password.", null);
                });
        vm.signIn();
        vm.newPasswordProperty().set("my-own-password");
        vm.confirmPasswordProperty().set("my-own-password");
        vm.choosePassword();

        assertThat(vm.errorProperty().get()).isEqualTo("The email or password is wrong.");
        assertThat(vm.choosingProperty().get()).isTrue();
        assertThat(signedIn).hasValue(0);
    }

    @Test
    void anUnreachableServerIsNamed() {
        SignInViewModel vm = vm((s, e, p) -> {
            throw new Unreachable(s, new IOException("Connection refused"));
        });
        vm.signIn();

        assertThat(vm.errorProperty().get())
                .startsWith("Cannot reach the server at http://localhost:8080")
                .contains("running");
    }

    @ParameterizedTest(name = "Retry-After {0} s reads \"{1}\"")
    @CsvSource(textBlock = """
            1,   Too many failed sign-ins. Try again in 1 second.
            45,  Too many failed sign-ins. Try again in 45 seconds.
            600, Too many failed sign-ins. Try again in 10 minutes.
            """)
    void throttlingSaysWhenToTryAgain(long seconds, String message) {
        SignInViewModel vm = vm((s, e, p) -> {
            throw new ApiFailure(429, "too_many_requests", "Too many", Duration.ofSeconds(seconds));
        });
        vm.signIn();

        assertThat(vm.errorProperty().get()).isEqualTo(message);
    }

    @Test
    void theCommandWaitsForEveryField() {
        SignInViewModel vm = vm((s, e, p) -> {});
        vm.passwordProperty().set("");
        assertThat(vm.canSignInProperty().get()).isFalse();
        vm.signIn();
        assertThat(signedIn).hasValue(0);

        vm.passwordProperty().set("x");
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void aMalformedAddressIsExplainedWithoutCallingTheServer() {
        AtomicInteger calls = new AtomicInteger();
        SignInViewModel vm = vm((s, e, p) -> calls.incrementAndGet());
        vm.serverProperty().set("http://exa mple:99999");
        vm.signIn();

        assertThat(calls).hasValue(0);
        assertThat(vm.errorProperty().get()).contains("is not a server address");
    }

    @Test
    void theFormStartsWithTheLastServerAndOffersTheOthers() {
        SignInViewModel vm = new SignInViewModel(
                (s, e, p) -> {},
                new DirectTaskExecutor(),
                signedIn::incrementAndGet,
                java.util.List.of("http://office:8080", "https://recruitdesk.example.com"));

        assertThat(vm.serverProperty().get()).isEqualTo("http://office:8080");
        assertThat(vm.knownServers()).containsExactly("http://office:8080", "https://recruitdesk.example.com");
        assertThat(new SignInViewModel((s, e, p) -> {}, new DirectTaskExecutor(), () -> {})
                        .serverProperty()
                        .get())
                .as("before any sign-in on this computer")
                .isEqualTo("localhost:8080");
    }
}
