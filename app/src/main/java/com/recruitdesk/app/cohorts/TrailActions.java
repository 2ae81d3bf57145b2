package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.app.cohorts.data.CohortCommands;
import com.recruitdesk.app.cohorts.data.ReviewItem;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.pane.DocumentOpener;
import com.recruitdesk.app.widgets.Notice;
import com.recruitdesk.protocol.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the reviewer fetches from the server about a student (online only): the verification trail
 * for an auditor, saved and opened (CSV or the printable PDF, both with the chain checked by the
 * server), and the link of the upload page, copied to send; and the link made again or sent on WhatsApp
 * by the server (both queued, offline too).
 */
final class TrailActions {
    /** The server's answer for an invitation link. */
    record Invitation(String url, String path, Instant expiresAt) {}

    final Notice message = new Notice();
    private final ApiClient api;
    private final TaskExecutor tasks;
    private final DocumentOpener opener;
    private final Path folder;
    private final Consumer<String> clipboard;
    private final CohortCommands commands;

    TrailActions(
            ApiClient api,
            TaskExecutor tasks,
            DocumentOpener opener,
            Path folder,
            Consumer<String> clipboard,
            CohortCommands commands) {
        this.api = api;
        this.tasks = tasks;
        this.opener = opener;
        this.folder = folder;
        this.clipboard = clipboard;
        this.commands = commands;
    }

    /**
     * Asks the server to send the student their upload link on WhatsApp, as the approved template
     * (decision 0039): queued like any change, offline too; a refusal comes back with its sentence.
     */
    void sendLink(UUID enrollment, String student, Notice say) {
        tasks.run(
                () -> {
                    commands.sendLink(enrollment, api.server());
                    return null;
                },
                done -> say.done("Sending " + student + " their upload link on WhatsApp; the server sends it"
                        + " as the approved template once it has the request."),
                e -> say.problem(failure(e)));
    }

    /** A new link for the student: the one they have stops working (its page says it has expired). */
    void reissueLink(UUID enrollment, String student, Notice say) {
        tasks.run(
                () -> {
                    commands.reissueLink(enrollment);
                    return null;
                },
                done -> say.done("Made " + student + " a new upload link; the one they had no longer works."
                        + " Copy or send the new one."),
                e -> say.problem(failure(e)));
    }

    private Invitation invitation(UUID enrollment) throws Exception {
        return api.get(Paths.COHORT_ENROLLMENTS + "/" + enrollment + "/invitation", Invitation.class);
    }

    /** The server refused to send a link: the station's banner says why. */
    void rejected(com.recruitdesk.app.store.LocalStore.Rejection rejection) {
        tasks.onUi(() -> message.problem(com.recruitdesk.app.sync.RejectionText.of(rejection)));
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
                    message.done("Saved the trail as " + saved + ".");
                    opener.open(saved.toUri().toString());
                },
                this::failed);
    }

    void copyLink(UUID enrollment, String student, Notice say) {
        tasks.run(
                () -> invitation(enrollment),
                invitation -> {
                    clipboard.accept(invitation.url());
                    say.done("Copied " + student + "'s upload link; paste it into a message to them.");
                },
                e -> say.problem(failure(e)));
    }

    private void failed(Throwable e) {
        message.problem(failure(e));
    }

    private static String failure(Throwable e) {
        return e instanceof Unreachable
                ? "The server cannot be reached; exports and copied links need it. Decisions still work offline."
                : "That did not work: " + e.getMessage();
    }
}
