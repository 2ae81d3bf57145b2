package com.recruitdesk.app;

import com.recruitdesk.app.sync.SyncSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The app's settings from the environment. {@code RD_APP_HOME} is where it keeps its files
 * (default {@code ~/.recruitdesk/app}); {@code RD_APP_SERVER}, {@code RD_APP_EMAIL} and
 * {@code RD_APP_PASSWORD} sign in at start when no session is stored, or when the stored one for that
 * server has ended (the demo command uses them; once per run).
 */
public record AppConfig(Path home, Optional<AutoSignIn> autoSignIn, SyncSettings sync) {
    public record AutoSignIn(String server, String email, String password) {}

    public static AppConfig fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static AppConfig from(Map<String, String> env, Path userHome) {
        Path home = Optional.ofNullable(env.get("RD_APP_HOME"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .orElse(userHome.resolve(".recruitdesk").resolve("app"));
        Optional<AutoSignIn> auto = Optional.empty();
        String server = env.get("RD_APP_SERVER");
        String email = env.get("RD_APP_EMAIL");
        String password = env.get("RD_APP_PASSWORD");
        if (server != null && email != null && password != null) {
            auto = Optional.of(new AutoSignIn(server, email, password));
        }
        return new AppConfig(home, auto, SyncSettings.standard());
    }

    public Path sessionFile() {
        return home.resolve("session.json");
    }

    /** The servers signed in to before, offered on the sign-in form. */
    public Path serversFile() {
        return home.resolve("servers.json");
    }

    public Path windowFile() {
        return home.resolve("window.properties");
    }
}
