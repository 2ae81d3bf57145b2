package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.cohorts.data.CohortBook;
import com.recruitdesk.app.cohorts.data.CohortCommands;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.RejectionText;
import com.recruitdesk.app.widgets.Banners;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Sponsors tab: the companies that sponsor the reviewer's cohorts, and a form to add or edit one
 * (company, contact, email, phone, tax number). Saved like the cohorts: at once, offline too, taken
 * back with the server's sentence if refused.
 */
final class SponsorsTab {
    final StringProperty message = new SimpleStringProperty("");
    private final CohortBook book;
    private final CohortCommands commands;
    private final TaskExecutor tasks;

    private final ListView<CohortBook.Sponsor> sponsors = new ListView<>();
    private final Label heading = new Label();
    private final ComboBox<CohortBook.Choice> institution = new ComboBox<>();
    private final TextField company = field("sponsor-company");
    private final TextField contact = field("sponsor-contact");
    private final TextField email = field("sponsor-email");
    private final TextField phone = field("sponsor-phone");
    private final TextField tax = field("sponsor-tax");
    private UUID editing;

    SponsorsTab(CohortBook book, CohortCommands commands, TaskExecutor tasks) {
        this.book = book;
        this.commands = commands;
        this.tasks = tasks;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }

    Node create() {
        BorderPane root = new BorderPane();
        root.setId("sponsors-tab");
        root.getStyleClass().add("cohort-admin");
        root.getStylesheets()
                .add(Objects.requireNonNull(SponsorsTab.class.getResource("cohorts.css"))
                        .toExternalForm());
        Button add = new Button("New sponsor");
        add.setId("sponsor-new");
        add.setOnAction(e -> sponsors.getSelectionModel().clearSelection());
        sponsors.setId("sponsor-list");
        sponsors.setCellFactory(l -> new ListCell<>() {
            {
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(CohortBook.Sponsor s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.companyName());
            }
        });
        sponsors.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> show(now));
        VBox left = new VBox(8, add, sponsors);
        VBox.setVgrow(sponsors, Priority.ALWAYS);
        left.getStyleClass().add("cohort-tools");
        left.setPrefWidth(300);
        root.setLeft(left);

        heading.getStyleClass().add("cohort-title");
        institution.setId("sponsor-institution");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        var labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        int row = 0;
        grid.addRow(row++, new Label("Company"), company);
        grid.addRow(row++, new Label("Institution"), institution);
        grid.addRow(row++, new Label("Contact"), contact);
        grid.addRow(row++, new Label("Email"), email);
        grid.addRow(row++, new Label("Phone"), phone);
        grid.addRow(row, new Label("Tax number"), tax);
        GridPane.setHgrow(company, Priority.ALWAYS);
        Button save = new Button("Save sponsor");
        save.setId("sponsor-save");
        save.setOnAction(e -> save());
        VBox form = new VBox(12, heading, grid, save);
        form.getStyleClass().add("cohort-canvas");
        form.setMaxWidth(640);
        root.setCenter(form);
        BorderPane.setAlignment(form, javafx.geometry.Pos.TOP_LEFT);
        root.setTop(Banners.notice("sponsors-notice", message, Icons.WARNING, () -> message.set("")));
        reload();
        show(null);
        return root;
    }

    /** Reads the store again; a form being filled in keeps what is typed. */
    void reload() {
        UUID selected = editing;
        CohortBook.Choice where = institution.getValue();
        institution.getItems().setAll(book.institutions());
        institution.setValue(
                where != null
                        ? where
                        : institution.getItems().stream().findFirst().orElse(null));
        sponsors.getItems().setAll(book.sponsorDetails());
        if (selected != null) {
            sponsors.getItems().stream()
                    .filter(s -> s.id().equals(selected))
                    .findFirst()
                    .ifPresent(s -> sponsors.getSelectionModel().select(s));
        }
    }

    private void show(CohortBook.Sponsor s) {
        editing = s == null ? null : s.id();
        heading.setText(s == null ? "New sponsor" : s.companyName());
        company.setText(s == null ? "" : s.companyName());
        contact.setText(s == null ? "" : s.contactName());
        email.setText(s == null ? "" : s.contactEmail());
        phone.setText(s == null ? "" : s.contactPhone());
        tax.setText(s == null ? "" : s.taxNumber());
        institution.setDisable(s != null || institution.getItems().size() < 2);
        if (s != null) {
            institution.getItems().stream()
                    .filter(i -> i.id().equals(s.institutionId()))
                    .findFirst()
                    .ifPresent(institution::setValue);
        }
    }

    private void save() {
        if (company.getText().isBlank()) {
            message.set("Give the sponsor's company name.");
            return;
        }
        if (institution.getValue() == null) {
            message.set("Pick the institution the sponsor belongs to.");
            return;
        }
        var args = new CohortMutations.SaveSponsor(
                editing == null ? UUID.randomUUID() : editing,
                institution.getValue().id(),
                company.getText().strip(),
                CohortCommands.blankToNull(contact.getText()),
                CohortCommands.blankToNull(email.getText()),
                CohortCommands.blankToNull(phone.getText()),
                CohortCommands.blankToNull(tax.getText()));
        message.set("");
        tasks.run(
                () -> {
                    commands.saveSponsor(args);
                    return args.sponsorId();
                },
                id -> {
                    editing = id;
                    reload();
                },
                e -> message.set("That was not saved: " + e.getMessage()));
    }

    void rejected(LocalStore.Rejection rejection) {
        tasks.onUi(() -> {
            message.set(RejectionText.of(rejection));
            reload();
        });
    }
}
