package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.app.cohorts.data.InvitationSender;
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
 * server), and the link of the upload page, copied to send or sent on WhatsApp.
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
    private final InvitationSender whatsapp;

    /** {@code whatsapp} null for a reviewer who holds no conversations (an institution admin). */
    TrailActions(
            ApiClient api,
            TaskExecutor tasks,
            DocumentOpener opener,
            Path folder,
            Consumer<String> clipboard,
            InvitationSender whatsapp) {
        this.api = api;
        this.tasks = tasks;
        this.opener = opener;
        this.folder = folder;
        this.clipboard = clipboard;
        this.whatsapp = whatsapp;
    }

    boolean canSendOnWhatsApp() {
        return whatsapp != null;
    }

    /** Sends the student their upload link as a WhatsApp reply in their conversation. */
    void sendLink(ReviewItem item) {
        if (item == null || whatsapp == null) {
            return;
        }
        tasks.run(
                () -> {
                    Invitation invitation = invitation(item);
                    String text = "Hello " + item.student() + ", please upload your documents for " + item.cohort()
                            + " here: " + invitation.url();
                    return whatsapp.send(item.enrollmentId(), text);
                },
                outcome -> message.set(
                        switch (outcome) {
                            case SENT -> "Sent " + item.student() + " their upload link on WhatsApp.";
                            case NO_CONVERSATION ->
                                "There is no WhatsApp conversation with " + item.student()
                                        + " yet; copy the link and send it another way.";
                            case WINDOW_CLOSED ->
                                item.student() + " has not written in the last 24 hours, so WhatsApp takes only"
                                        + " an approved template: copy the link and send a template from Conversations.";
                        }),
                this::failed);
    }

    private Invitation invitation(ReviewItem item) throws Exception {
        return api.get(Paths.COHORT_ENROLLMENTS + "/" + item.enrollmentId() + "/invitation", Invitation.class);
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
                () -> invitation(item),
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
