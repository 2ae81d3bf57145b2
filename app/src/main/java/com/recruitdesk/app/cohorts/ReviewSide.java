package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.cohorts.data.TrailEntry;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.widgets.Pills;
import com.recruitdesk.protocol.cohorts.CohortRules;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The review station's right-hand column: what the document is, its checklist, approve and reject
 * (with the reasons to pick from), undo, and the student's trail with its exports and upload link.
 */
final class ReviewSide {
    private ReviewSide() {}

    static Node create(ReviewViewModel vm, TrailActions actions, Times times) {
        Label type = new Label();
        type.setId("review-title");
        type.getStyleClass().add("review-title");
        Label student = new Label();
        Label file = new Label();
        file.getStyleClass().add("review-file");
        file.setWrapText(true);
        vm.current.addListener((o, was, item) -> {
            type.setText(item == null ? "" : item.label());
            student.setText(item == null ? "" : item.student() + " · " + item.cohort());
            file.setText(
                    item == null
                            ? ""
                            : item.filename() + " · " + Math.max(1, item.sizeBytes() / 1024) + " KB · uploaded "
                                    + times.inList(item.uploadedAt()) + "\nSHA-256 "
                                    + item.sha256().substring(0, 16) + "…");
        });

        VBox checks = new VBox(6);
        checks.setId("review-checklist");
        vm.checklist.addListener((javafx.collections.ListChangeListener<ReviewViewModel.Check>) c -> {
            checks.getChildren()
                    .setAll(vm.checklist.stream()
                            .map(check -> {
                                CheckBox box = new CheckBox(check.label());
                                box.setFocusTraversable(false);
                                box.selectedProperty().bindBidirectional(check.ticked());
                                return (Node) box;
                            })
                            .toList());
        });

        Button approve = new Button("Approve  (A)");
        approve.setId("approve");
        approve.getStyleClass().addAll("success");
        approve.setFocusTraversable(false);
        approve.setOnAction(e -> vm.approve());
        Button reject = new Button("Reject…  (R)");
        reject.setId("reject");
        reject.getStyleClass().addAll("danger");
        reject.setFocusTraversable(false);
        reject.setOnAction(e -> vm.startReject());
        approve.disableProperty().bind(vm.page.isNull());
        reject.disableProperty().bind(vm.current.isNull());
        HBox decide = new HBox(8, approve, reject);

        VBox picker = new VBox(4);
        picker.setId("reason-picker");
        picker.getStyleClass().add("reason-picker");
        picker.getChildren().add(new Label("Why is it rejected? Press a digit:"));
        for (int i = 0; i < ReviewViewModel.REASONS.size(); i++) {
            int n = i + 1;
            Button option = new Button(n + "  " + CohortRules.REASON_CODES.get(ReviewViewModel.REASONS.get(i)));
            option.setId("reason-" + n);
            option.setMaxWidth(Double.MAX_VALUE);
            option.setFocusTraversable(false);
            option.getStyleClass().add("reason-option");
            option.setOnAction(e -> vm.pickReason(n));
            picker.getChildren().add(option);
        }
        TextField other = new TextField();
        other.setId("other-reason");
        other.setPromptText("In a few words; Enter rejects, Esc cancels");
        other.textProperty().bindBidirectional(vm.otherReason);
        other.visibleProperty().bind(vm.typingOther);
        other.managedProperty().bind(vm.typingOther);
        vm.typingOther.addListener((o, was, now) -> {
            if (now) {
                Platform.runLater(other::requestFocus);
            }
        });
        picker.getChildren().add(other);
        picker.visibleProperty().bind(vm.pickingReason);
        picker.managedProperty().bind(vm.pickingReason);

        Label last = new Label();
        last.setId("review-last-decision");
        last.setWrapText(true);
        last.textProperty().bind(vm.lastDecision);
        Button undo = new Button("Undo  (U)");
        undo.setId("undo");
        undo.setFocusTraversable(false);
        undo.disableProperty().bind(vm.canUndo.not());
        undo.setOnAction(e -> vm.undo());

        VBox trail = new VBox(4);
        trail.setId("review-trail");
        vm.trail.addListener((javafx.collections.ListChangeListener<TrailEntry>) c -> trail.getChildren()
                .setAll(
                        vm.trail.isEmpty()
                                ? java.util.List.of(new Label("No decisions on this student's documents yet."))
                                : vm.trail.stream()
                                        .map(t -> trailLine(t, times))
                                        .toList()));
        Button csv = new Button("CSV");
        csv.setId("export-csv");
        csv.setFocusTraversable(false);
        csv.setOnAction(e -> actions.export(vm.current.get(), "csv"));
        Button pdf = new Button("PDF");
        pdf.setId("export-pdf");
        pdf.setFocusTraversable(false);
        pdf.setOnAction(e -> actions.export(vm.current.get(), "pdf"));
        Button link = new Button("Copy upload link");
        link.setId("copy-link");
        link.setFocusTraversable(false);
        link.setOnAction(e -> onStudent(vm, (id, who) -> actions.copyLink(id, who, actions.message)));
        csv.disableProperty().bind(vm.current.isNull());
        pdf.disableProperty().bind(vm.current.isNull());
        link.disableProperty().bind(vm.current.isNull());
        Button whatsapp = new Button("Send link on WhatsApp");
        whatsapp.setId("send-link");
        whatsapp.setFocusTraversable(false);
        whatsapp.setOnAction(e -> onStudent(vm, (id, who) -> actions.sendLink(id, who, actions.message)));
        whatsapp.disableProperty().bind(vm.current.isNull());
        link.setMinWidth(Region.USE_PREF_SIZE);
        whatsapp.setMinWidth(Region.USE_PREF_SIZE);
        // The two wrap onto two lines rather than cut their words.
        javafx.scene.layout.FlowPane links = new javafx.scene.layout.FlowPane(6, 6, link, whatsapp);
        Label exportLabel = new Label("Export the trail:");
        HBox exports = new HBox(6, exportLabel, csv, pdf);
        exports.setAlignment(Pos.CENTER_LEFT);

        VBox side = new VBox(
                8,
                type,
                student,
                file,
                section("Checklist"),
                checks,
                decide,
                picker,
                last,
                undo,
                section("Verification trail of this student"),
                trail,
                exports,
                links);
        side.setPadding(new Insets(12));
        side.setPrefWidth(340);
        side.getStyleClass().add("review-side");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.setPrefWidth(350);
        return scroll;
    }

    private static void onStudent(ReviewViewModel vm, java.util.function.BiConsumer<java.util.UUID, String> act) {
        var item = vm.current.get();
        if (item != null) {
            act.accept(item.enrollmentId(), item.student());
        }
    }

    private static Node trailLine(TrailEntry t, Times times) {
        boolean approved = CohortRules.APPROVED.equals(t.action());
        boolean link = t.documentType() == null;
        Label pill = link
                ? Pills.of(CohortRules.LINK_SENT.equals(t.action()) ? "Link sent" : "New link", "pill-muted")
                : Pills.of(approved ? "Approved" : "Rejected", approved ? "pill-ok" : "pill-bad");
        pill.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label what = new Label((link ? "Upload link" : CohortRules.documentLabel(t.documentType())) + " · "
                + times.inList(t.at())
                + (t.pending() ? " · not yet sent" : t.sequence() == null ? "" : " · #" + t.sequence()));
        what.getStyleClass().add("trail-what");
        VBox text = new VBox(1, what);
        if (t.reason() != null) {
            Label reason = new Label(t.reason());
            reason.setWrapText(true);
            reason.getStyleClass().add("trail-reason");
            text.getChildren().add(reason);
        }
        Label hash = new Label(
                (t.fileSha256() == null ? "" : "file " + t.fileSha256().substring(0, 12) + "…  ")
                        + (t.entryHash() == null ? "" : "entry " + t.entryHash().substring(0, 12) + "…"));
        hash.getStyleClass().add("trail-hash");
        text.getChildren().add(hash);
        HBox line = new HBox(6, pill, text);
        line.getStyleClass().add("trail-line");
        return line;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("review-section");
        return l;
    }
}
