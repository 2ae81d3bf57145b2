package com.recruitdesk.app.conversations;

import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.conversations.data.CannedResponse;
import com.recruitdesk.app.conversations.data.ConversationCommands;
import com.recruitdesk.app.conversations.data.Directory;
import com.recruitdesk.protocol.conversations.ConversationRules;
import java.util.Locale;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The team's canned responses, managed in a small dialog: the list, and a form to add one or edit
 * the selected one's shortcut and text, or delete it. What the server would refuse (a shortcut that
 * is not 1–32 lowercase letters, digits, '-' or '_', one another response uses, an empty or too long
 * text) is said before saving, by the same rules ({@link ConversationRules}).
 */
public final class CannedResponsesViewModel {
    private final ConversationCommands commands;
    private final TaskExecutor tasks;
    private final ObservableList<CannedResponse> responses = FXCollections.observableArrayList();
    private final ObjectProperty<CannedResponse> selected = new SimpleObjectProperty<>();
    private final StringProperty shortcut = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final BooleanBinding canSave;
    /** The response the form edits; null while it makes a new one. */
    private UUID editingId;

    public CannedResponsesViewModel(ConversationCommands commands, TaskExecutor tasks) {
        this.commands = commands;
        this.tasks = tasks;
        selected.subscribe(this::edit);
        shortcut.subscribe(s -> validate());
        body.subscribe(s -> validate());
        canSave =
                Bindings.createBooleanBinding(() -> !busy.get() && problem.get().isEmpty(), busy, problem);
    }

    void setDirectory(Directory d) {
        UUID keep = editingId;
        responses.setAll(d.cannedResponses());
        if (keep != null) {
            responses.stream().filter(c -> c.id().equals(keep)).findFirst().ifPresent(c -> {
                if (selected.get() == null || !selected.get().equals(c)) {
                    selected.set(c);
                }
            });
        }
        validate();
    }

    /** Opens the dialog on a new response whose shortcut starts as {@code typed} (what followed a '/'). */
    public void open(String typed) {
        newResponse();
        shortcut.set(typed == null ? "" : ConversationRules.normaliseShortcut(typed));
        failure.set("");
        shown.set(true);
    }

    public void close() {
        shown.set(false);
    }

    /** Empties the form to make a new response. */
    public void newResponse() {
        selected.set(null);
        edit(null);
    }

    private void edit(CannedResponse c) {
        editingId = c == null ? null : c.id();
        editing.set(c != null);
        shortcut.set(c == null ? "" : c.shortcut());
        body.set(c == null ? "" : c.body());
        validate();
    }

    /** Why the form cannot be saved as it is; empty when it can. */
    private void validate() {
        String s = ConversationRules.normaliseShortcut(shortcut.get());
        String text = body.get() == null ? "" : body.get().strip();
        String why = "";
        if (s.isEmpty()) {
            why = "Type a shortcut, such as 'welcome'; in the composer '/welcome' then puts in the text.";
        } else if (!ConversationRules.isValidShortcut(s)) {
            why = ConversationRules.SHORTCUT_RULE;
        } else if (responses.stream().anyMatch(c -> c.shortcut().equals(s) && !c.id().equals(editingId))) {
            why = "Another canned response already uses /" + s + ".";
        } else if (text.isEmpty()) {
            why = "Type the text the shortcut puts in the composer.";
        } else if (text.length() > ConversationRules.MAX_CANNED_BODY) {
            why = "A canned response takes at most "
                    + String.format(Locale.ROOT, "%,d", ConversationRules.MAX_CANNED_BODY)
                    + " characters; this is " + String.format(Locale.ROOT, "%,d", text.length()) + ".";
        }
        problem.set(why);
    }

    /** Saves the form as a new response or over the one being edited; shown at once, confirmed by the server. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        UUID id = editingId;
        String s = shortcut.get();
        String text = body.get();
        busy.set(true);
        failure.set("");
        tasks.run(
                () -> commands.saveCannedResponse(id, s, text),
                saved -> {
                    busy.set(false);
                    editingId = saved;
                    editing.set(true);
                },
                e -> {
                    busy.set(false);
                    failure.set("Not saved on this computer: " + e.getMessage());
                });
    }

    /** Deletes the response being edited. */
    public void delete() {
        UUID id = editingId;
        if (id == null || busy.get()) {
            return;
        }
        busy.set(true);
        failure.set("");
        tasks.run(
                () -> {
                    commands.deleteCannedResponse(id);
                    return Boolean.TRUE;
                },
                ok -> {
                    busy.set(false);
                    newResponse();
                },
                e -> {
                    busy.set(false);
                    failure.set("Not deleted on this computer: " + e.getMessage());
                });
    }

    public ObservableList<CannedResponse> responses() {
        return responses;
    }

    public ObjectProperty<CannedResponse> selectedProperty() {
        return selected;
    }

    public StringProperty shortcutProperty() {
        return shortcut;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    /** What stops the form from being saved; empty when it can be. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A save or delete that failed on this computer; empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** True while the form edits an existing response (Delete is offered). */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    /** Whether the dialog is open. */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
