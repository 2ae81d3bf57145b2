package com.recruitdesk.app.conversations;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.recruitdesk.app.conversations.data.CandidateProfile;
import com.recruitdesk.app.conversations.data.People;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.widgets.Avatars;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.Pills;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The candidate panel: who the person is, their tags, their applications and the latest notes about them. */
final class CandidateView {
    static final String NAME_ID = "candidate-name";
    static final String TAGS_ID = "candidate-tags";
    static final String NEW_TAG_ID = "candidate-new-tag";
    static final String APPLICATIONS_ID = "candidate-applications";
    static final String ADD_TO_JOB_ID = "candidate-add-to-job";
    static final String PROFILE_ID = "candidate-profile";

    private CandidateView() {}

    static Node create(CandidateViewModel vm, Times times) {
        VBox content = new VBox(4);
        content.setPadding(new Insets(16, 16, 16, 16));
        MenuButton addToJob = addToJob(vm);
        vm.profileProperty().subscribe(p -> fill(content, vm, p, times, addToJob));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox root = new VBox(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getStyleClass().add("candidate");
        root.setMinWidth(240);
        root.setPrefWidth(300);
        return root;
    }

    /** "Add to job": the live jobs the person is not in yet (one made once, as the panel is refilled). */
    private static MenuButton addToJob(CandidateViewModel vm) {
        MenuButton add = new MenuButton("Add to job");
        add.setId(ADD_TO_JOB_ID);
        Runnable list = () -> {
            add.getItems().clear();
            for (People.JobChoice j : vm.jobs()) {
                MenuItem item = new MenuItem(j.title());
                item.setOnAction(e -> vm.addToJob(j));
                add.getItems().add(item);
            }
            add.setDisable(add.getItems().isEmpty());
        };
        vm.jobs().addListener((javafx.collections.ListChangeListener<People.JobChoice>) c -> list.run());
        list.run();
        return add;
    }

    private static void fill(
            VBox content, CandidateViewModel vm, CandidateProfile p, Times times, MenuButton addToJob) {
        content.getChildren().clear();
        if (p == null) {
            Label none = new Label("No conversation chosen.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            content.getChildren().add(none);
            return;
        }
        Label name = new Label(p.name());
        name.setId(NAME_ID);
        name.getStyleClass().add("candidate-name");
        name.setWrapText(true);
        VBox head = new VBox(6, Avatars.of(p.name(), p.id(), true), name);
        head.setAlignment(Pos.CENTER_LEFT);
        if (vm.opensProfiles()) {
            Button profile = new Button("Profile");
            profile.setId(PROFILE_ID);
            profile.setTooltip(
                    new Tooltip("The person's master profile: contact, skills, preferences, salary, history"));
            profile.setOnAction(e -> vm.openProfile());
            head.getChildren().add(profile);
        }
        content.getChildren().add(head);
        field(content, "WhatsApp", p.whatsappId());
        field(content, "WhatsApp username", p.whatsappUsername());
        if (p.whatsappName() != null && !p.whatsappName().equals(p.name())) {
            field(content, "Profile name", p.whatsappName());
        }
        field(content, "Email", p.email());
        field(content, "Location", p.location());
        field(content, "Came through", p.source() == null ? null : p.source().replace('_', ' '));

        content.getChildren().add(section("TAGS"));
        FlowPane tags = new FlowPane(6, 6);
        tags.setId(TAGS_ID);
        for (CandidateProfile.Tag t : p.tags()) {
            Label text = new Label(t.tag());
            Button remove = new Button(null, Icons.CLOSE.node(8));
            remove.setAccessibleText("Remove tag " + t.tag());
            remove.setOnAction(e -> vm.removeTag(t));
            HBox chip = new HBox(2, text, remove);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("tag-chip");
            if (t.pending()) {
                chip.getStyleClass().add("pending");
            }
            chip.setUserData(t.tag());
            tags.getChildren().add(chip);
        }
        TextField add = new TextField();
        add.setId(NEW_TAG_ID);
        add.setPromptText("Add a tag and press Enter");
        add.textProperty().bindBidirectional(vm.newTagProperty());
        add.setOnAction(e -> vm.addTag());
        org.controlsfx.control.textfield.TextFields.bindAutoCompletion(
                add,
                request -> vm.knownTags().stream()
                        .filter(t -> !request.getUserText().isBlank()
                                && t.toLowerCase(java.util.Locale.ROOT)
                                        .startsWith(request.getUserText().toLowerCase(java.util.Locale.ROOT)))
                        .filter(t -> p.tags().stream().noneMatch(x -> x.tag().equals(t)))
                        .toList());
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        content.getChildren().addAll(tags, add, problem);

        content.getChildren().add(section("APPLICATIONS"));
        VBox applications = new VBox(6);
        applications.setId(APPLICATIONS_ID);
        if (p.applications().isEmpty()) {
            applications.getChildren().add(muted("No applications yet."));
        }
        for (CandidateProfile.ApplicationSummary a : p.applications()) {
            Label job = new Label(a.jobTitle());
            job.setWrapText(true);
            job.setMinHeight(Region.USE_PREF_SIZE);
            Label stage = Pills.of(a.stage());
            stage.setMinWidth(Region.USE_PREF_SIZE);
            job.setMinWidth(0);
            HBox line = new HBox(8, job, new Region(), stage);
            HBox.setHgrow(line.getChildren().get(1), Priority.ALWAYS);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("card");
            applications.getChildren().add(line);
        }
        content.getChildren().add(applications);
        if (vm.mayAddToJob()) {
            content.getChildren().add(addToJob);
        }

        content.getChildren().add(section("RECENT NOTES"));
        if (p.notes().isEmpty()) {
            content.getChildren().add(muted("No notes yet. Switch the composer to Private note to add one."));
        }
        for (CandidateProfile.Note n : p.notes()) {
            Label meta = new Label(vm.author(n.authorId()) + " · " + times.inList(n.at()) + " · " + n.about());
            meta.getStyleClass().add("bubble-caption");
            Label text = new Label(n.text());
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            VBox card = new VBox(2, meta, text);
            card.getStyleClass().addAll("card", "note-card");
            content.getChildren().add(card);
        }
    }

    private static void field(VBox content, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Label l = new Label(label);
        l.getStyleClass().add("bubble-caption");
        Label v = new Label(value);
        v.setWrapText(true);
        content.getChildren().add(new VBox(0, l, v));
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }
}
