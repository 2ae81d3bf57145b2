package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.app.cohorts.data.ReviewItem;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.pane.DocumentOpener;
import com.recruitdesk.protocol.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the reviewer fetches from the server about a student (online only): the verification trail
 * for an auditor, saved and opened (CSV or the printable PDF, both with the chain checked by the
 * server), and the link of the upload page, copied to send.
 */
final class TrailActions {
    /** The server's answer for an invitation link. */
    record Invitation(String url, String path, Instant expiresAt) {}

    final StringProperty message = new SimpleStringProperty("");
    private final ApiClient api;
    private final TaskExecutor tasks;
    private final DocumentOpener opener;
    private final Path folder;
    private final Consumer<String> clipboard;

    TrailActions(ApiClient api, TaskExecutor tasks, DocumentOpener opener, Path folder, Consumer<String> clipboard) {
        this.api = api;
        this.tasks = tasks;
        this.opener = opener;
        this.folder = folder;
        this.clipboard = clipboard;
    }

    void export(ReviewItem item, String kind) {
        if (item == null) {
            return;
        }
        String name = "verification-trail-" + item.student().replaceAll("[^A-Za-z0-9]+", "-") + "." + kind;
        tasks.run(
                () -> {
                    Files.createDirectories(folder);
                    return api.download(
                            Paths.COHORT_ENROLLMENTS + "/" + item.enrollmentId() + "/trail." + kind,
                            folder.resolve(name));
                },
                saved -> {
                    message.set("Saved the trail as " + saved + ".");
                    opener.open(saved.toUri().toString());
                },
                this::failed);
    }

    void copyLink(ReviewItem item) {
        if (item == null) {
            return;
        }
        tasks.run(
                () -> api.get(Paths.COHORT_ENROLLMENTS + "/" + item.enrollmentId() + "/invitation", Invitation.class),
                invitation -> {
                    clipboard.accept(invitation.url());
                    message.set("Copied " + item.student() + "'s upload link; paste it into a message to them.");
                },
                this::failed);
    }

    private void failed(Throwable e) {
        message.set(
                e instanceof Unreachable
                        ? "The server cannot be reached; exports and links need it. Decisions still work offline."
                        : "That did not work: " + e.getMessage());
    }
}
