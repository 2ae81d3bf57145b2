package com.recruitdesk.app.admin;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.admin.data.NumberRow;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.Pills;
import com.recruitdesk.protocol.admin.NumberHealth;
import com.recruitdesk.protocol.admin.NumberRules;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The WhatsApp numbers tab: the numbers, the selected one's health, and the form that adds or edits one. */
final class NumbersView {
    static final String LIST_ID = "admin-numbers";
    static final String NEW_ID = "admin-number-new";
    static final String NAME_ID = "admin-number-name";
    static final String PHONE_ID = "admin-number-phone";
    static final String PROVIDER_ID = "admin-number-provider";
    static final String PHONE_NUMBER_ID_ID = "admin-number-phone-number-id";
    static final String WABA_ID = "admin-number-waba";
    static final String PROBLEM_ID = "admin-number-problem";
    static final String SAVED_ID = "admin-number-saved";
    static final String SAVE_ID = "admin-number-save";
    static final String CONNECTION_ID = "admin-number-connection";
    static final String HEALTH_ID = "admin-number-health";
    static final String HEALTH_STATE_ID = "admin-number-health-state";
    static final String REFRESH_ID = "admin-number-health-refresh";

    private NumbersView() {}

    static Node create(NumbersViewModel vm) {
        ListView<NumberRow> list = ListAndForm.list(LIST_ID, vm.numbers(), vm.selectedProperty(), 360);
        list.setPlaceholder(new Label("No WhatsApp number yet: add the agency's first."));
        list.setCellFactory(v -> new NumberCell());
        Button add = new Button("Add a number", Icons.SEND.node(12));
        add.setId(NEW_ID);
        add.setOnAction(e -> vm.newNumber());

        VBox right = new VBox(12, health(vm), form(vm));
        right.setPadding(new Insets(12, 12, 12, 0));
        right.setMaxWidth(680);
        return ListAndForm.of(list, right, ListAndForm.title("WhatsApp numbers", add, vm.canEdit()));
    }

    private static Node health(NumbersViewModel vm) {
        GridPane grid = new GridPane();
        grid.setId(HEALTH_ID);
        grid.setHgap(16);
        grid.setVgap(6);
        vm.healthProperty().subscribe(h -> fill(grid, vm, h));
        Button refresh = new Button("Measure again");
        refresh.setId(REFRESH_ID);
        refresh.getStyleClass().add(Styles.SMALL);
        refresh.setOnAction(e -> vm.refreshHealth());
        Label state = Forms.shown(HEALTH_STATE_ID, vm.healthStateProperty());
        state.getStyleClass().add(Styles.TEXT_MUTED);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox foot = new HBox(8, state, spring, refresh);
        foot.setAlignment(Pos.CENTER_LEFT);
        VBox card = Forms.card("Health", grid, foot);
        card.visibleProperty().bind(vm.selectedProperty().isNotNull());
        card.managedProperty().bind(card.visibleProperty());
        ((Label) card.getChildren().getFirst())
                .textProperty()
                .bind(vm.selectedProperty()
                        .map(n -> "Health of " + n.displayName())
                        .orElse("Health"));
        return card;
    }

    private static void fill(GridPane grid, NumbersViewModel vm, NumberHealth h) {
        grid.getChildren().clear();
        if (h == null) {
            grid.addRow(0, Forms.hint("Not measured yet."));
            return;
        }
        int row = 0;
        grid.addRow(
                row++, name("Connection"), Pills.of(label(h.connectionStatus()), "connection-" + h.connectionStatus()));
        grid.addRow(
                row++,
                name("Last webhook"),
                new Label(
                        h.lastWebhookAt() == null
                                ? "None received yet"
                                : vm.times().full(h.lastWebhookAt())));
        grid.addRow(row++, name("Sent in 24 hours"), new Label(Integer.toString(h.sent24h())));
        Label failed =
                new Label(h.failed24h() + (h.sent24h() == 0 ? "" : " (" + percent(h.failed24h(), h.sent24h()) + ")"));
        if (h.failed24h() > 0) {
            failed.getStyleClass().add(Styles.DANGER);
        }
        grid.addRow(row++, name("Failed in 24 hours"), failed);
        grid.addRow(
                row++,
                name("Top errors"),
                wrapping(
                        h.topErrors().isEmpty()
                                ? "None"
                                : h.topErrors().stream()
                                        .map(e -> e.code() + " " + (e.title() == null ? "" : e.title()) + " ×"
                                                + e.count())
                                        .collect(Collectors.joining("\n"))));
        boolean cloud = NumberRules.CLOUD_API.equals(h.provider());
        grid.addRow(row++, name("Verified name"), new Label(cloud ? orDash(h.verifiedName()) : "Simulated number"));
        grid.addRow(
                row++,
                name("Quality rating"),
                h.qualityRating() == null
                        ? new Label("—")
                        : Pills.of(
                                h.qualityRating(),
                                "quality-" + h.qualityRating().toLowerCase(Locale.ROOT)));
        grid.addRow(row++, name("Messaging limit"), new Label(tier(h.messagingLimitTier())));
        grid.addRow(
                row++,
                name("Checked with Meta"),
                new Label(h.checkedAt() == null ? "—" : vm.times().full(h.checkedAt())));
        grid.addRow(
                row,
                name("Templates"),
                new Label(h.templatesApproved() + " approved · " + h.templatesPending() + " pending · "
                        + h.templatesRejected() + " rejected"));
    }

    private static Node form(NumbersViewModel vm) {
        TextField name = text(NAME_ID, "Talent line", vm.displayNameProperty());
        TextField phone = text(PHONE_ID, "+27 21 555 0100", vm.phoneProperty());
        ChoiceBox<String> provider = new ChoiceBox<>();
        provider.setId(PROVIDER_ID);
        provider.getItems().setAll(NumberRules.PROVIDERS);
        provider.setConverter(new StringConverter<>() {
            @Override
            public String toString(String p) {
                return NumberRules.CLOUD_API.equals(p) ? "WhatsApp Cloud API (Meta)" : "Simulated (for trials)";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        TextField numberId = text(PHONE_NUMBER_ID_ID, "106540352242922", vm.phoneNumberIdProperty());
        TextField waba = text(WABA_ID, "102290129340398", vm.wabaIdProperty());
        VBox cloud = new VBox(
                6,
                Forms.field("Phone number ID"),
                numberId,
                Forms.field("WhatsApp Business Account ID"),
                waba,
                Forms.hint("Both are in Meta's WhatsApp Manager under Phone numbers. The server asks Meta for the"
                        + " number's verified name, quality rating and messaging limit before it saves it."));
        cloud.visibleProperty().bind(vm.providerProperty().isEqualTo(NumberRules.CLOUD_API));
        cloud.managedProperty().bind(cloud.visibleProperty());

        Button save = new Button();
        save.setId(SAVE_ID);
        save.getStyleClass().add(Styles.ACCENT);
        save.textProperty()
                .bind(vm.creatingProperty().map(creating -> creating ? "Add number" : "Save and check again"));
        save.disableProperty().bind(vm.canSaveBinding().not());
        save.setOnAction(e -> vm.save());
        Button connection = new Button();
        connection.setId(CONNECTION_ID);
        connection.textProperty().bind(vm.selectedProperty().map(n -> n.connected() ? "Disconnect" : "Connect"));
        connection.visibleProperty().bind(vm.creatingProperty().not());
        connection.managedProperty().bind(connection.visibleProperty());
        connection.setOnAction(e -> vm.toggleConnected());
        HBox buttons = new HBox(8, save, connection);
        buttons.setVisible(vm.canEdit());
        buttons.setManaged(vm.canEdit());
        Label saved = Forms.shown(SAVED_ID, vm.savedProperty());
        saved.getStyleClass().add(Styles.SUCCESS);

        VBox card = Forms.card(
                "",
                Forms.field("Name the team knows it by"),
                name,
                Forms.field("Phone number"),
                phone,
                Forms.field("Provider"),
                provider,
                cloud,
                Forms.problem(PROBLEM_ID, vm.problemProperty()),
                buttons,
                saved);
        ((Label) card.getChildren().getFirst())
                .textProperty()
                .bind(vm.creatingProperty().map(c -> c ? "Add a WhatsApp number" : "Edit the number"));
        for (Node n : new Node[] {name, phone, provider, numberId, waba}) {
            n.setDisable(!vm.canEdit());
        }
        return card;
    }

    private static TextField text(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        field.setMaxWidth(420);
        return field;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    static String label(String status) {
        return status == null
                ? "—"
                : Character.toUpperCase(status.charAt(0)) + status.substring(1).replace('_', ' ');
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    /** Meta's tier in words: TIER_1K → "1,000 people a day". */
    static String tier(String tier) {
        if (tier == null) {
            return "—";
        }
        return switch (tier) {
                    case "TIER_50" -> "50 people a day";
                    case "TIER_250" -> "250 people a day";
                    case "TIER_1K" -> "1,000 people a day";
                    case "TIER_10K" -> "10,000 people a day";
                    case "TIER_100K" -> "100,000 people a day";
                    case "TIER_UNLIMITED" -> "No limit";
                    default -> tier;
                }
                + " (" + tier + ")";
    }

    private static String percent(int part, int whole) {
        return Math.round(100.0 * part / whole) + " %";
    }

    /** A number: its name, phone, provider and whether it is connected. */
    private static final class NumberCell extends ListCell<NumberRow> {
        NumberCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(NumberRow n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(n.displayName());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label phone = new Label(n.phone() + (n.verifiedName() == null ? "" : " · " + n.verifiedName()));
            phone.getStyleClass().add(Styles.TEXT_MUTED);
            HBox pills = new HBox(
                    4,
                    Pills.of(
                            n.cloud() ? "Cloud API" : "Simulated", n.cloud() ? "provider-cloud" : "provider-simulator"),
                    Pills.of(label(n.connectionStatus()), "connection-" + n.connectionStatus()));
            if (n.pending()) {
                pills.getChildren().add(Icons.CLOCK.node(12, "pending"));
            }
            pills.setAlignment(Pos.CENTER_LEFT);
            setGraphic(new VBox(2, name, phone, pills));
        }
    }
}
