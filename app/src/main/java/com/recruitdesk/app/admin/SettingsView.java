package com.recruitdesk.app.admin;

import atlantafx.base.theme.Styles;
import com.recruitdesk.protocol.admin.BusinessHours;
import com.recruitdesk.protocol.admin.Settings;
import java.time.DayOfWeek;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Settings tab: each setting the product reads, with what it does, and one Save. */
final class SettingsView {
    static final String VISIBILITY_ID = "admin-setting-visibility";
    static final String ZONE_ID = "admin-setting-zone";
    static final String GREETINGS_ID = "admin-setting-greetings";
    static final String RETENTION_ID = "admin-setting-retention";
    static final String PUBLIC_ADDRESS_ID = "admin-setting-public-address";
    static final String PROBLEM_ID = "admin-setting-problem";
    static final String SAVED_ID = "admin-setting-saved";
    static final String SAVE_ID = "admin-setting-save";

    private static final Map<String, String> VISIBILITIES = Map.of(
            "never", "Never: each interviewer sees only their own",
            "after_own", "After their own is submitted",
            "always", "Always, also before their own");

    private SettingsView() {}

    /** The id of a day's open checkbox: {@code admin-setting-monday}. */
    static String dayId(DayOfWeek d) {
        return "admin-setting-" + d.name().toLowerCase(java.util.Locale.ROOT);
    }

    static Node create(SettingsViewModel vm) {
        ChoiceBox<String> visibility = new ChoiceBox<>();
        visibility.setId(VISIBILITY_ID);
        visibility.getItems().setAll(Settings.SCORECARD_VISIBILITIES);
        visibility.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : VISIBILITIES.getOrDefault(v, v);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        visibility.valueProperty().bindBidirectional(vm.visibilityProperty());
        VBox scorecards = Forms.card(
                Settings.title(Settings.SCORECARD_VISIBILITY),
                Forms.hint("When an interviewer sees the other interviewers' scorecards for the same candidate and"
                        + " job. Recruiters and managers always see submitted scorecards."),
                visibility);

        TextField zone = new TextField();
        zone.setId(ZONE_ID);
        zone.setPromptText("Africa/Johannesburg");
        zone.setMaxWidth(260);
        zone.textProperty().bindBidirectional(vm.timeZoneProperty());
        GridPane week = new GridPane();
        week.setHgap(10);
        week.setVgap(6);
        int row = 0;
        for (DayOfWeek d : DayOfWeek.values()) {
            SettingsViewModel.Day day = vm.day(d);
            CheckBox open = new CheckBox(BusinessHours.label(d));
            open.setId(dayId(d));
            open.setMinWidth(110);
            open.selectedProperty().bindBidirectional(day.open());
            TextField from = time(dayId(d) + "-from", day.from());
            TextField to = time(dayId(d) + "-to", day.to());
            from.disableProperty().bind(day.open().not());
            to.disableProperty().bind(day.open().not());
            week.addRow(row++, open, from, new Label("to"), to);
        }
        VBox hours = Forms.card(
                Settings.title(Settings.BUSINESS_HOURS),
                Forms.hint("Outside these hours a number's greeting adds when the office opens again."),
                Forms.field("Time zone"),
                zone,
                week);

        VBox greetingRows = new VBox(10);
        greetingRows.setId(GREETINGS_ID);
        vm.greetings()
                .addListener((ListChangeListener<SettingsViewModel.Greeting>) c -> fillGreetings(greetingRows, vm));
        fillGreetings(greetingRows, vm);
        VBox greetings = Forms.card(
                Settings.title(Settings.BOT_GREETINGS),
                Forms.hint("What a number sends, as the bot, to someone who writes to it for the first time. Leave it"
                        + " empty to send nothing."),
                greetingRows);

        TextField retention = new TextField();
        retention.setId(RETENTION_ID);
        retention.setPrefColumnCount(5);
        retention.textProperty().bindBidirectional(vm.retentionProperty());
        HBox days = new HBox(8, retention, new Label("days"));
        days.setAlignment(Pos.CENTER_LEFT);
        VBox feed = Forms.card(
                Settings.title(Settings.FEED_RETENTION_DAYS),
                Forms.hint("How long the server keeps a change that a newer change of the same row replaced ("
                        + Settings.MIN_RETENTION_DAYS + " to " + Settings.MAX_RETENTION_DAYS + " days). The newest"
                        + " change of every row is always kept, so no desktop misses anything."),
                days);

        TextField address = new TextField();
        address.setId(PUBLIC_ADDRESS_ID);
        address.setPromptText("https://recruit.example.org");
        address.textProperty().bindBidirectional(vm.publicAddressProperty());
        VBox pages = Forms.card(
                Settings.title(Settings.PUBLIC_ADDRESS),
                Forms.hint("Where students and job seekers reach this server from outside the office. The upload"
                        + " links sent on WhatsApp and the job pages' own address use it. Leave it empty to use the"
                        + " address each desktop connects to."),
                address);

        Button save = new Button("Save settings");
        save.setId(SAVE_ID);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.canSaveBinding().not());
        save.setOnAction(e -> vm.save());
        save.setVisible(vm.canEdit());
        save.setManaged(vm.canEdit());
        Label saved = Forms.shown(SAVED_ID, vm.savedProperty());
        saved.getStyleClass().add(Styles.SUCCESS);
        HBox actions = new HBox(12, save, saved);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox all = new VBox(
                12,
                scorecards,
                hours,
                greetings,
                feed,
                pages,
                Forms.problem(PROBLEM_ID, vm.problemProperty()),
                actions);
        if (!vm.canEdit()) {
            all.getChildren().addFirst(Forms.hint("Managers see the settings; only administrators change them."));
            for (Node card : new Node[] {scorecards, hours, greetings, feed, pages}) {
                card.setDisable(true);
            }
        }
        all.setPadding(new Insets(12));
        all.setMaxWidth(760);
        return Forms.scroll(all);
    }

    private static void fillGreetings(VBox box, SettingsViewModel vm) {
        box.getChildren().clear();
        if (vm.greetings().isEmpty()) {
            box.getChildren().add(Forms.hint("Add a WhatsApp number first."));
        }
        for (SettingsViewModel.Greeting g : vm.greetings()) {
            TextArea text = new TextArea();
            text.setId(GREETINGS_ID + "-" + g.number().id());
            text.setWrapText(true);
            text.setPrefRowCount(2);
            text.setPromptText("Hi! Thanks for writing to us. A recruiter will answer shortly.");
            text.textProperty().bindBidirectional(g.text());
            box.getChildren().add(new VBox(4, Forms.field(g.number().toString()), text));
        }
    }

    private static TextField time(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(5);
        field.setPromptText("08:00");
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
