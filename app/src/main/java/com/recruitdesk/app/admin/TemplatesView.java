package com.recruitdesk.app.admin;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.admin.data.NumberRow;
import com.recruitdesk.app.admin.data.TemplateRow;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.Pills;
import com.recruitdesk.protocol.admin.TemplateDraft;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Templates tab: a number's templates with Meta's verdict, the selected one, and the form for a new one. */
final class TemplatesView {
    static final String NUMBER_ID = "admin-template-number";
    static final String LIST_ID = "admin-templates";
    static final String NAME_ID = "admin-template-name";
    static final String LANGUAGE_ID = "admin-template-language";
    static final String CATEGORY_ID = "admin-template-category";
    static final String HEADER_ID = "admin-template-header";
    static final String HEADER_EXAMPLE_ID = "admin-template-header-example";
    static final String BODY_ID = "admin-template-body";
    static final String EXAMPLES_ID = "admin-template-examples";
    static final String FOOTER_ID = "admin-template-footer";
    static final String REPLIES_ID = "admin-template-replies";
    static final String PROBLEM_ID = "admin-template-problem";
    static final String SAVED_ID = "admin-template-saved";
    static final String SUBMIT_ID = "admin-template-submit";
    static final String DELETE_ID = "admin-template-delete";

    private TemplatesView() {}

    static Node create(TemplatesViewModel vm) {
        ComboBox<NumberRow> number = new ComboBox<>(vm.numbers());
        number.setId(NUMBER_ID);
        number.valueProperty().bindBidirectional(vm.numberProperty());
        number.setPromptText("A WhatsApp number");
        number.setMaxWidth(Double.MAX_VALUE);
        ListView<TemplateRow> list = ListAndForm.list(LIST_ID, vm.templates(), vm.selectedProperty(), 380);
        list.setPlaceholder(new Label("This number has no templates yet."));
        list.setCellFactory(v -> new TemplateCell());

        VBox right = new VBox(12, selected(vm), form(vm));
        right.setPadding(new Insets(12, 12, 12, 0));
        right.setMaxWidth(680);
        return ListAndForm.of(list, right, ListAndForm.title("Templates", null, vm.canEdit()), number);
    }

    private static Node selected(TemplatesViewModel vm) {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty()
                .bind(vm.selectedProperty().map(TemplatesView::preview).orElse(""));
        text.getStyleClass().add("template-preview");
        Label reason = new Label();
        reason.setWrapText(true);
        reason.getStyleClass().add(Styles.DANGER);
        reason.textProperty()
                .bind(vm.selectedProperty()
                        .map(t -> t.rejectionReason() == null ? "" : "Meta: " + t.rejectionReason())
                        .orElse(""));
        reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        Button delete = new Button("Delete template", Icons.CLOSE.node(10));
        delete.setId(DELETE_ID);
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> vm.deleteSelected());
        delete.disableProperty()
                .bind(vm.selectedProperty()
                        .map(t -> "deleted".equals(t.status()))
                        .orElse(true));
        delete.setVisible(vm.canEdit());
        delete.setManaged(vm.canEdit());
        VBox card = Forms.card("", text, reason, delete);
        ((Label) card.getChildren().getFirst())
                .textProperty()
                .bind(vm.selectedProperty()
                        .map(t -> t.name() + " (" + t.language() + ")")
                        .orElse(""));
        card.visibleProperty().bind(vm.selectedProperty().isNotNull());
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private static String preview(TemplateRow t) {
        StringBuilder s = new StringBuilder();
        if (t.shape().header() != null && !t.shape().header().isBlank()) {
            s.append(t.shape().header()).append("\n\n");
        }
        return s.append(t.shape().body()).toString();
    }

    private static Node form(TemplatesViewModel vm) {
        TextField name = text(NAME_ID, "interview_invitation", vm.nameProperty());
        TextField language = text(LANGUAGE_ID, "en_US", vm.languageProperty());
        language.setPrefColumnCount(6);
        ChoiceBox<String> category = new ChoiceBox<>();
        category.setId(CATEGORY_ID);
        category.getItems().setAll(TemplateDraft.CATEGORIES);
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        HBox kind = new HBox(12, labelled("Language", language), labelled("Category", category));
        TextField header = text(HEADER_ID, "Interview on {{1}} (optional)", vm.headerProperty());
        TextField headerExample = text(HEADER_EXAMPLE_ID, "Example for the header's {{1}}", vm.headerExampleProperty());
        headerExample.visibleProperty().bind(vm.headerProperty().map(h -> TemplateDraft.variables(h) > 0));
        headerExample.managedProperty().bind(headerExample.visibleProperty());
        TextArea body = new TextArea();
        body.setId(BODY_ID);
        body.setWrapText(true);
        body.setPrefRowCount(4);
        body.setPromptText("Hi {{1}}, you are invited to an interview for {{2}}. Reply YES to confirm.");
        body.textProperty().bindBidirectional(vm.bodyProperty());
        VBox examples = new VBox(4);
        examples.setId(EXAMPLES_ID);
        vm.bodyExamples().addListener((ListChangeListener<StringProperty>) c -> fillExamples(examples, vm));
        TextField footer = text(FOOTER_ID, "RecruitDesk (optional)", vm.footerProperty());
        TextArea replies = new TextArea();
        replies.setId(REPLIES_ID);
        replies.setPrefRowCount(2);
        replies.setPromptText("YES\nReschedule");
        replies.textProperty().bindBidirectional(vm.quickRepliesProperty());
        Button submit = new Button("Submit");
        submit.setId(SUBMIT_ID);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.disableProperty().bind(vm.canSubmitBinding().not());
        submit.textProperty()
                .bind(vm.numberProperty()
                        .map(n -> n.cloud() ? "Submit to Meta for review" : "Create (approved at once)")
                        .orElse("Submit"));
        submit.setOnAction(e -> vm.submit());
        submit.setVisible(vm.canEdit());
        submit.setManaged(vm.canEdit());
        Label saved = Forms.shown(SAVED_ID, vm.savedProperty());
        saved.getStyleClass().add(Styles.SUCCESS);
        VBox card = Forms.card(
                "New template",
                Forms.field("Name"),
                name,
                kind,
                Forms.field("Header"),
                header,
                headerExample,
                Forms.field("Body"),
                body,
                examples,
                Forms.field("Footer"),
                footer,
                Forms.field("Quick replies, one per line"),
                replies,
                Forms.problem(
                        PROBLEM_ID,
                        // an empty form (a new one, or the one just submitted) is not yet wrong
                        javafx.beans.binding.Bindings.when(vm.numberProperty()
                                        .isNotNull()
                                        .and(vm.nameProperty().isEmpty())
                                        .and(vm.bodyProperty().isEmpty()))
                                .then("")
                                .otherwise(vm.problemProperty())),
                submit,
                saved);
        card.setDisable(!vm.canEdit());
        return card;
    }

    /** One field per body variable, each bound to its example. */
    private static void fillExamples(VBox box, TemplatesViewModel vm) {
        box.getChildren().clear();
        for (int i = 0; i < vm.bodyExamples().size(); i++) {
            TextField example = new TextField();
            example.setId(EXAMPLES_ID + "-" + (i + 1));
            example.setPromptText("Example for {{" + (i + 1) + "}}, for Meta's review");
            example.textProperty().bindBidirectional(vm.bodyExamples().get(i));
            example.setMaxWidth(420);
            box.getChildren().add(example);
        }
    }

    private static VBox labelled(String label, Node field) {
        return new VBox(6, Forms.field(label), field);
    }

    private static TextField text(String id, String prompt, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        field.setMaxWidth(420);
        return field;
    }

    /** A template: name and language, Meta's status, its category, a rejection's reason. */
    private static final class TemplateCell extends ListCell<TemplateRow> {
        TemplateCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TemplateRow t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(t.name() + " · " + t.language());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            HBox first = new HBox(6, name, Pills.of(NumbersView.label(t.status()), "template-" + t.status()));
            if (t.pending()) {
                first.getChildren().add(Icons.CLOCK.node(12, "pending"));
            }
            first.setAlignment(Pos.CENTER_LEFT);
            Label body = new Label(t.shape().body());
            body.getStyleClass().add(Styles.TEXT_MUTED);
            VBox cell = new VBox(2, first, body);
            if (t.rejectionReason() != null) {
                Label reason = new Label(t.rejectionReason());
                reason.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
                cell.getChildren().add(reason);
            }
            setGraphic(cell);
        }
    }
}
