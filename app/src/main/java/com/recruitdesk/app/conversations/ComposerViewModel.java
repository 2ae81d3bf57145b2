package com.recruitdesk.app.conversations;

import com.recruitdesk.app.blobs.Attachment;
import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.conversations.data.CannedResponse;
import com.recruitdesk.app.conversations.data.ConversationCommands;
import com.recruitdesk.app.conversations.data.Directory;
import com.recruitdesk.app.conversations.data.InboxRow;
import com.recruitdesk.app.conversations.data.MessageItem;
import com.recruitdesk.app.conversations.data.Template;
import com.recruitdesk.protocol.whatsapp.WhatsAppMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composer under a thread. In reply mode it sends text, a file with a caption, or a quoted
 * reply while WhatsApp's 24-hour window is open; once it is closed it offers the number's approved
 * templates with their variables instead of a text box that would fail. In note mode it adds a
 * private note, window or not. Typing '/' at the start picks a canned response.
 */
public final class ComposerViewModel {
    /** WhatsApp's limit for a text message (and a caption). */
    static final int MAX_TEXT = 4_096;

    public enum Mode {
        REPLY,
        NOTE
    }

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.REPLY);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<MessageItem> quote = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Attachment> attachment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanProperty windowOpen = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper hasConversation = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Template> templates = FXCollections.observableArrayList();
    private final ObjectProperty<Template> template = new SimpleObjectProperty<>();
    private final ObservableList<TemplateField> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper templatePreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper variablesFilled = new ReadOnlyBooleanWrapper(true);
    private final ObservableList<CannedResponse> cannedMatches = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper picking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding showsTemplates;
    private final BooleanBinding canSend;
    private final ConversationCommands commands;
    private final Blobs blobs;
    private final TaskExecutor tasks;
    private Directory directory = Directory.EMPTY;
    private InboxRow conversation;
    /** The conversation whose draft the text is; kept while none is shown. */
    private UUID draftFor;

    public ComposerViewModel(ConversationCommands commands, Blobs blobs, TaskExecutor tasks) {
        this.commands = commands;
        this.blobs = blobs;
        this.tasks = tasks;
        showsTemplates = Bindings.createBooleanBinding(
                () -> hasConversation.get() && mode.get() == Mode.REPLY && !windowOpen.get(),
                hasConversation,
                mode,
                windowOpen);
        canSend = Bindings.createBooleanBinding(
                () -> {
                    if (!hasConversation.get() || busy.get() || !problem.get().isEmpty()) {
                        return false;
                    }
                    if (showsTemplates.get()) {
                        return template.get() != null && variablesFilled.get();
                    }
                    if (mode.get() == Mode.NOTE) {
                        return !text.get().isBlank();
                    }
                    return !text.get().isBlank() || attachment.get() != null;
                },
                hasConversation,
                busy,
                problem,
                showsTemplates,
                template,
                variablesFilled,
                mode,
                text,
                attachment);
        text.subscribe(t -> matchCanned());
        template.subscribe(t -> setUpVariables());
        mode.subscribe(m -> checkAttachment());
        text.subscribe(t -> checkAttachment());
    }

    /**
     * The conversation the composer writes to (null: none); another one starts with an empty
     * composer. The same one again keeps what was typed: an access reset (a role change) wipes the
     * store and fills it again, so the conversation is gone for a moment and back.
     */
    void setConversation(InboxRow row, boolean open) {
        boolean other = row != null && !row.conversationId().equals(draftFor);
        conversation = row;
        hasConversation.set(row != null);
        windowOpen.set(open);
        if (row != null) {
            draftFor = row.conversationId();
        }
        if (other) {
            text.set("");
            quote.set(null);
            attachment.set(null);
            problem.set("");
            mode.set(Mode.REPLY);
            loadTemplates();
        }
    }

    void setWindowOpen(boolean open) {
        windowOpen.set(open);
    }

    void setDirectory(Directory d) {
        directory = d;
        loadTemplates();
        matchCanned();
    }

    private void loadTemplates() {
        Template keep = template.get();
        List<Template> list = conversation == null ? List.of() : directory.approvedTemplates(conversation.numberId());
        templates.setAll(list);
        template.set(
                keep != null && list.stream().anyMatch(t -> t.id().equals(keep.id()))
                        ? keep
                        : (list.isEmpty() ? null : list.getFirst()));
    }

    /** A field per placeholder of the chosen template: its text header's first, then its body's. */
    private void setUpVariables() {
        Template t = template.get();
        List<TemplateField> fresh = new ArrayList<>();
        if (t != null) {
            List<String> header = t.headerPlaceholders();
            for (int i = 0; i < header.size(); i++) {
                fresh.add(field(true, "Header " + Template.label(header.get(i)), t.headerExample(i)));
            }
            List<String> body = t.bodyPlaceholders();
            for (int i = 0; i < body.size(); i++) {
                fresh.add(field(false, Template.label(body.get(i)), t.bodyExample(i)));
            }
        }
        fields.setAll(fresh);
        renderTemplate();
    }

    private TemplateField field(boolean header, String label, String example) {
        StringProperty value = new SimpleStringProperty("");
        value.subscribe(v -> renderTemplate());
        return new TemplateField(header, label, example.isBlank() ? "" : "e.g. " + example, value);
    }

    private List<String> values(boolean header) {
        return fields.stream()
                .filter(f -> f.header() == header)
                .map(f -> f.value().get())
                .toList();
    }

    private void renderTemplate() {
        Template t = template.get();
        templatePreview.set(t == null ? "" : t.renderAll(values(false), values(true)));
        variablesFilled.set(fields.stream().noneMatch(f -> f.value().get().isBlank()));
    }

    /** Canned responses whose shortcut starts with what follows a leading '/'. */
    private void matchCanned() {
        String t = text.get() == null ? "" : text.get();
        picking.set(t.startsWith("/") && !t.contains(" ") && !t.contains("\n"));
        if (!picking.get()) {
            cannedMatches.clear();
            return;
        }
        String prefix = t.substring(1).toLowerCase(Locale.ROOT);
        cannedMatches.setAll(directory.cannedResponses().stream()
                .filter(c -> c.shortcut().startsWith(prefix))
                .toList());
    }

    /** Puts a canned response's text in the composer (replacing the "/shortcut" typed). */
    public void useCanned(CannedResponse canned) {
        text.set(canned.body());
        cannedMatches.clear();
    }

    /** Starts a quoted reply to {@code message}. */
    public void replyTo(MessageItem message) {
        mode.set(Mode.REPLY);
        quote.set(message);
    }

    public void clearQuote() {
        quote.set(null);
    }

    /** Copies a file in and attaches it, telling the user at once if WhatsApp would refuse it. */
    public void attach(Path file) {
        busy.set(true);
        tasks.run(
                () -> blobs.attach(file),
                a -> {
                    busy.set(false);
                    mode.set(Mode.REPLY);
                    attachment.set(a);
                    checkAttachment();
                },
                e -> {
                    busy.set(false);
                    problem.set("Could not attach the file: " + e.getMessage());
                });
    }

    public void removeAttachment() {
        attachment.set(null);
        problem.set("");
    }

    /** Says at once what WhatsApp would refuse: a file of the wrong size or kind, a text that is too long. */
    private void checkAttachment() {
        Attachment a = attachment.get();
        String why = a == null
                ? null
                : WhatsAppMedia.problem(a.mimeType(), a.size(), !text.get().isBlank());
        if (why == null && mode.get() == Mode.REPLY && text.get().length() > MAX_TEXT) {
            why = "WhatsApp takes at most " + String.format(Locale.ROOT, "%,d", MAX_TEXT) + " characters; this is "
                    + String.format(Locale.ROOT, "%,d", text.get().length()) + ".";
        }
        if (why != null) {
            problem.set(why);
        } else if (problem.get().startsWith("WhatsApp") || problem.get().startsWith("The file")) {
            problem.set("");
        }
    }

    /** Sends what the composer holds: a note, a reply (text, file, quote) or a template. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        UUID conversationId = conversation.conversationId();
        String body = text.get();
        MessageItem quoted = quote.get();
        Attachment file = attachment.get();
        Template t = template.get();
        List<String> values = values(false);
        List<String> headerValues = values(true);
        Mode m = mode.get();
        boolean useTemplate = showsTemplates.get();
        busy.set(true);
        tasks.run(
                () -> {
                    if (m == Mode.NOTE) {
                        return commands.addNote(conversationId, body);
                    }
                    if (useTemplate) {
                        return commands.sendTemplate(conversationId, t, values, headerValues);
                    }
                    return commands.send(conversationId, body, quoted == null ? null : quoted.id(), file);
                },
                id -> {
                    busy.set(false);
                    if (useTemplate) {
                        fields.forEach(f -> f.value().set(""));
                    } else {
                        text.set("");
                        quote.set(null);
                        attachment.set(null);
                    }
                },
                e -> {
                    busy.set(false);
                    problem.set("Not sent: " + e.getMessage());
                });
    }

    /** Clears a "not sent" problem once the user has read it. */
    public void dismissProblem() {
        if (attachment.get() == null) {
            problem.set("");
        } else {
            checkAttachment();
        }
    }

    // --- properties ----------------------------------------------------------------------------

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<MessageItem> quoteProperty() {
        return quote;
    }

    public ReadOnlyObjectProperty<Attachment> attachmentProperty() {
        return attachment.getReadOnlyProperty();
    }

    /** "cv.pdf · 2.4 MB" for the attached file, empty when none. */
    public javafx.beans.value.ObservableStringValue attachmentTextProperty() {
        return javafx.beans.binding.Bindings.createStringBinding(
                () -> attachment.get() == null
                        ? ""
                        : attachment.get().filename() + "  ·  "
                                + attachment.get().sizeText(),
                attachment);
    }

    /** Why the composer cannot send what it holds (a file WhatsApp would refuse, say); empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasConversationProperty() {
        return hasConversation.getReadOnlyProperty();
    }

    /** True when replies must be templates: the 24-hour window is closed and the composer is in reply mode. */
    public BooleanBinding showsTemplatesBinding() {
        return showsTemplates;
    }

    public BooleanBinding canSendBinding() {
        return canSend;
    }

    public ObservableList<Template> templates() {
        return templates;
    }

    public ObjectProperty<Template> templateProperty() {
        return template;
    }

    /** One field per placeholder of the chosen template: the header's first, then the body's. */
    public ObservableList<TemplateField> fields() {
        return fields;
    }

    public ReadOnlyStringProperty templatePreviewProperty() {
        return templatePreview.getReadOnlyProperty();
    }

    public ObservableList<CannedResponse> cannedMatches() {
        return cannedMatches;
    }

    public List<CannedResponse> cannedResponses() {
        return directory.cannedResponses();
    }

    /** True while the text is a '/' and a word: the canned response picker is open. */
    public ReadOnlyBooleanProperty pickingProperty() {
        return picking.getReadOnlyProperty();
    }

    /** What follows the '/' while picking ("" otherwise): a new response's shortcut, if none matches. */
    public String typedShortcut() {
        return picking.get() ? text.get().substring(1) : "";
    }
}
