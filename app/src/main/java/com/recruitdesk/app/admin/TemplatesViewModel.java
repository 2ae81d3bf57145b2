package com.recruitdesk.app.admin;

import com.recruitdesk.app.admin.data.AdminCommands;
import com.recruitdesk.app.admin.data.AdminDirectory;
import com.recruitdesk.app.admin.data.NumberRow;
import com.recruitdesk.app.admin.data.TemplateRow;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.TemplateDraft;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Templates tab: a number's templates with Meta's status and, for a rejected one, Meta's reason;
 * a form that writes a new one (header, body with its variables {{1}}…, an example for each, a
 * footer, quick replies) and submits it (to Meta for a Cloud API number; a simulated number approves
 * it at once), and deleting one. Meta's rules are checked before anything is sent
 * ({@link TemplateDraft}).
 */
public final class TemplatesViewModel {
    private final AdminCommands commands;
    private final TaskExecutor tasks;
    private final boolean canEdit;
    private final ObservableList<NumberRow> numbers = FXCollections.observableArrayList();
    private final ObjectProperty<NumberRow> number = new SimpleObjectProperty<>();
    private final ObservableList<TemplateRow> templates = FXCollections.observableArrayList();
    private final ObjectProperty<TemplateRow> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty language = new SimpleStringProperty("en_US");
    private final StringProperty category = new SimpleStringProperty("utility");
    private final StringProperty header = new SimpleStringProperty("");
    private final StringProperty headerExample = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    /** One example per body variable, in order: as many as the body has variables. */
    private final ObservableList<StringProperty> bodyExamples = FXCollections.observableArrayList();

    private final StringProperty footer = new SimpleStringProperty("");
    /** Quick replies, one per line. */
    private final StringProperty quickReplies = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSubmit;
    private AdminDirectory directory = AdminDirectory.EMPTY;

    public TemplatesViewModel(AdminCommands commands, TaskExecutor tasks, boolean canEdit) {
        this.commands = commands;
        this.tasks = tasks;
        this.canEdit = canEdit;
        for (StringProperty p :
                new StringProperty[] {name, language, category, header, headerExample, footer, quickReplies}) {
            p.subscribe(v -> validate());
        }
        body.subscribe(v -> {
            fitExamples();
            validate();
        });
        number.subscribe(n -> {
            showTemplates();
            validate();
        });
        canSubmit = Bindings.createBooleanBinding(() -> canEdit && problem.get().isEmpty(), problem);
    }

    void setDirectory(AdminDirectory d) {
        directory = d;
        UUID keep = number.get() == null ? null : number.get().id();
        numbers.setAll(d.numbers());
        Optional<NumberRow> now = keep == null ? Optional.empty() : d.number(keep);
        if (now.isPresent()) {
            if (!now.get().equals(number.get())) {
                number.set(now.get());
            }
            showTemplates();
        } else {
            number.set(numbers.isEmpty() ? null : numbers.getFirst());
        }
    }

    private void showTemplates() {
        UUID keep = selected.get() == null ? null : selected.get().id();
        templates.setAll(
                number.get() == null
                        ? List.of()
                        : directory.templatesOf(number.get().id()));
        selected.set(
                templates.stream().filter(t -> t.id().equals(keep)).findFirst().orElse(null));
    }

    /** As many example fields as the body has variables, keeping what was typed in the first ones. */
    private void fitExamples() {
        int wanted = Math.min(TemplateDraft.variables(body.get()), 20);
        while (bodyExamples.size() > wanted) {
            bodyExamples.removeLast();
        }
        while (bodyExamples.size() < wanted) {
            StringProperty example = new SimpleStringProperty("");
            example.subscribe(v -> validate());
            bodyExamples.add(example);
        }
    }

    private AdminMutations.CreateTemplate draft() {
        boolean headed = !header.get().isBlank();
        List<String> replies = Arrays.stream(quickReplies.get().split("\n"))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .toList();
        return new AdminMutations.CreateTemplate(
                null,
                number.get() == null ? null : number.get().id(),
                name.get().strip(),
                language.get().strip(),
                category.get(),
                headed ? header.get().strip() : null,
                headed && TemplateDraft.variables(header.get()) > 0 ? List.of(headerExample.get()) : List.of(),
                body.get().strip(),
                bodyExamples.stream().map(StringProperty::get).toList(),
                footer.get().isBlank() ? null : footer.get().strip(),
                replies);
    }

    private void validate() {
        if (number.get() == null) {
            problem.set("Add a WhatsApp number first: a template belongs to one.");
            return;
        }
        problem.set(TemplateDraft.problem(draft()).orElse(""));
    }

    /** Submits the form's template and empties the form. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        AdminMutations.CreateTemplate t = draft();
        boolean cloud = number.get().cloud();
        tasks.run(
                () -> commands.createTemplate(t, cloud),
                id -> {
                    clear();
                    saved.set(
                            cloud
                                    ? "Submitted to Meta for review; it shows as pending until Meta decides."
                                    : "Created; a simulated number approves it at once.");
                },
                failure -> problem.set("Not saved on this computer: " + failure.getMessage()));
    }

    /** Deletes the selected template (at Meta too, for a Cloud API number). */
    public void deleteSelected() {
        TemplateRow t = selected.get();
        if (t == null || !canEdit || "deleted".equals(t.status())) {
            return;
        }
        tasks.run(
                () -> {
                    commands.deleteTemplate(t.id());
                    return Boolean.TRUE;
                },
                ok -> saved.set("Deleted " + t.name() + "."),
                failure -> problem.set("Not deleted on this computer: " + failure.getMessage()));
    }

    private void clear() {
        name.set("");
        header.set("");
        headerExample.set("");
        body.set("");
        footer.set("");
        quickReplies.set("");
    }

    public ObservableList<NumberRow> numbers() {
        return numbers;
    }

    public ObjectProperty<NumberRow> numberProperty() {
        return number;
    }

    public ObservableList<TemplateRow> templates() {
        return templates;
    }

    public ObjectProperty<TemplateRow> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public StringProperty headerProperty() {
        return header;
    }

    public StringProperty headerExampleProperty() {
        return headerExample;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ObservableList<StringProperty> bodyExamples() {
        return bodyExamples;
    }

    public StringProperty footerProperty() {
        return footer;
    }

    public StringProperty quickRepliesProperty() {
        return quickReplies;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitBinding() {
        return canSubmit;
    }

    public boolean canEdit() {
        return canEdit;
    }
}
