package com.recruitdesk.app.conversations;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.app.conversations.data.MessageItem;
import com.recruitdesk.app.widgets.Icons;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Builds the node of one thread line: a bubble for a message (inbound left, outbound right, notes
 * yellow and dashed), a centred line for system events, with quoted messages, media, locations,
 * contacts, replies to buttons, templates, reactions, the time and the delivery ticks.
 */
final class Bubbles {
    static final double PHOTO_WIDTH = 260;

    private final ThreadViewModel vm;
    private final ComposerViewModel composer;
    /** Decoded photos by file, so scrolling and refreshes reuse them instead of decoding again. */
    private final java.util.Map<String, Image> photos = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Image> eldest) {
            return size() > 120;
        }
    };

    Bubbles(ThreadViewModel vm, ComposerViewModel composer) {
        this.vm = vm;
        this.composer = composer;
    }

    Node line(ThreadItem.Line line, double width) {
        MessageItem m = line.message();
        if (m.system()) {
            Label l = new Label(m.body() == null ? "" : m.body());
            l.getStyleClass().add("system-line");
            l.setWrapText(true);
            HBox row = new HBox(l);
            row.setAlignment(Pos.CENTER);
            return row;
        }
        VBox bubble = new VBox(4);
        bubble.getStyleClass().addAll("bubble", m.note() ? "note" : m.inbound() ? "inbound" : "outbound");
        if (m.failed()) {
            bubble.getStyleClass().add("failed");
        }
        if (m.pending()) {
            bubble.getStyleClass().add("pending");
        }
        bubble.setMaxWidth(Math.max(240, width * 0.68));

        String header = header(line);
        if (header != null) {
            Label sender = new Label(header);
            sender.getStyleClass().add("bubble-sender");
            if (m.note()) {
                sender.setGraphic(Icons.LOCK.node(11));
            }
            bubble.getChildren().add(sender);
        }
        if (line.quoted() != null) {
            bubble.getChildren().add(quote(line.quoted()));
        }
        bubble.getChildren().addAll(content(m));
        bubble.getChildren().add(footer(m));
        if (m.failed()) {
            bubble.getChildren().add(failure(m));
        }
        bubble.setOnContextMenuRequested(e -> {
            menu(m).show(bubble, e.getScreenX(), e.getScreenY());
            e.consume();
        });

        VBox withReactions = new VBox(-4, bubble);
        if (!line.reactions().isEmpty()) {
            Label r = new Label(String.join(" ", line.reactions()));
            r.getStyleClass().add("reaction");
            HBox rr = new HBox(r);
            rr.setAlignment(m.inbound() ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
            rr.setTranslateX(m.inbound() ? 8 : -8);
            withReactions.getChildren().add(rr);
        }
        withReactions.setFillWidth(false);
        withReactions.setMaxWidth(bubble.getMaxWidth());
        withReactions.setAlignment(m.inbound() ? Pos.TOP_LEFT : Pos.TOP_RIGHT);
        HBox row = new HBox(withReactions);
        row.setAlignment(m.inbound() ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
        row.setMinWidth(0);
        row.setUserData(m.id());
        return row;
    }

    /** Who wrote it, shown above colleagues' replies and on every note. */
    private String header(ThreadItem.Line line) {
        MessageItem m = line.message();
        if (m.note()) {
            return "Private note · " + line.sender();
        }
        if (m.outbound()) {
            String who = "You".equals(line.sender()) ? null : line.sender();
            if ("template".equals(m.type())) {
                String t = "Template " + (m.templateName() == null ? "" : m.templateName());
                return who == null ? t : who + " · " + t;
            }
            return who;
        }
        return null;
    }

    private Node quote(MessageItem quoted) {
        Label who = new Label(vm.sender(quoted));
        who.getStyleClass().add("quote-sender");
        Label what = new Label(quoted.summary());
        what.getStyleClass().add("quote-text");
        what.setMaxHeight(36);
        what.setWrapText(true);
        VBox q = new VBox(1, who, what);
        q.getStyleClass().add("quote");
        return q;
    }

    private List<Node> content(MessageItem m) {
        List<Node> nodes = new ArrayList<>();
        String type = m.type() == null ? "text" : m.type();
        switch (type) {
            case "image", "sticker" -> nodes.add(photo(m));
            case "video" -> nodes.add(file(m, Icons.VIDEO, "Video", m.mediaMimeType()));
            case "audio" -> nodes.add(file(m, Icons.MIC, m.voice() ? "Voice message" : "Audio", m.mediaMimeType()));
            case "document" ->
                nodes.add(file(
                        m,
                        Icons.DOCUMENT,
                        m.mediaFilename() == null ? "Document" : m.mediaFilename(),
                        m.mediaMimeType()));
            case "location" -> nodes.add(location(m));
            case "contacts" -> nodes.add(contacts(m));
            case "interactive", "button" -> nodes.addAll(interactive(m));
            case "template" -> nodes.addAll(template(m));
            case "unsupported" -> {
                Label l = text(m.body() == null ? "This message cannot be shown here." : m.body());
                l.getStyleClass().add("unsupported");
                nodes.add(l);
            }
            case "reaction" -> nodes.add(text("Reacted " + (m.body() == null ? "" : m.body()) + " to a message"));
            case "order" ->
                nodes.add(text("Order (" + m.payload().path("product_items").size() + " items)"));
            default -> nodes.add(text(m.body() == null ? "" : m.body()));
        }
        if (m.media() && m.mediaCaption() != null && !m.mediaCaption().isBlank()) {
            nodes.add(text(m.mediaCaption()));
        }
        return nodes;
    }

    private Label text(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.getStyleClass().add("bubble-text");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** A photo: the picture once its file is here, a placeholder until then, the reason if it never comes. */
    private Node photo(MessageItem m) {
        if (m.mediaBlobId() == null) {
            return placeholder(
                    Icons.IMAGE,
                    m.mediaError() != null ? "Photo unavailable" : "Photo",
                    m.mediaError() != null ? m.mediaError() : "Downloading from WhatsApp…");
        }
        StackPane box = new StackPane(placeholder(Icons.IMAGE, "Photo", "Loading…"));
        box.getStyleClass().add("photo");
        box.setAlignment(Pos.CENTER_LEFT);
        vm.media(
                m.mediaBlobId(),
                uri -> {
                    Image image = photos.computeIfAbsent(uri, u -> new Image(u, PHOTO_WIDTH * 2, 0, true, true, true));
                    ImageView view = new ImageView(image);
                    view.setFitWidth(PHOTO_WIDTH);
                    view.setPreserveRatio(true);
                    view.setSmooth(true);
                    image.progressProperty().subscribe(p -> {
                        if (p.doubleValue() >= 1 && !image.isError()) {
                            box.getChildren().setAll(view);
                        }
                    });
                    image.errorProperty().subscribe(err -> {
                        if (err) {
                            box.getChildren().setAll(placeholder(Icons.IMAGE, "Photo", "This file is not a picture."));
                        }
                    });
                },
                error -> box.getChildren().setAll(placeholder(Icons.IMAGE, "Photo", "Could not download: " + error)));
        box.setOnMouseClicked(e -> vm.open(m));
        Tooltip.install(box, new Tooltip("Click to open"));
        return box;
    }

    private Node placeholder(Icons icon, String title, String sub) {
        Label t = new Label(title);
        t.getStyleClass().add("media-title");
        Label s = new Label(sub);
        s.getStyleClass().add("media-sub");
        s.setWrapText(true);
        VBox v = new VBox(4, icon.node(28), t, s);
        v.setAlignment(Pos.CENTER);
        v.getStyleClass().add("media-placeholder");
        v.setMaxWidth(PHOTO_WIDTH);
        return v;
    }

    /** A document, video or audio: an icon, its name and type; a click opens it. */
    private Node file(MessageItem m, Icons icon, String title, String mime) {
        Label t = new Label(title);
        t.getStyleClass().add("media-title");
        t.setWrapText(true);
        String sub;
        if (m.mediaBlobId() != null) {
            sub = describe(mime) + " · click to open";
        } else if (m.mediaError() != null) {
            sub = "Unavailable: " + m.mediaError();
        } else {
            sub = describe(mime) + " · downloading from WhatsApp…";
        }
        Label s = new Label(sub);
        s.getStyleClass().add("media-sub");
        s.setWrapText(true);
        VBox text = new VBox(1, t, s);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(10, icon.node(26), text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("media-box");
        box.setMinWidth(220);
        if (m.mediaBlobId() != null) {
            box.setOnMouseClicked(e -> vm.open(m));
        }
        return box;
    }

    private static String describe(String mime) {
        if (mime == null) {
            return "File";
        }
        String base = mime.split(";")[0].strip();
        return switch (base) {
            case "application/pdf" -> "PDF";
            case "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ->
                "Word document";
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            case "audio/ogg" -> "Ogg audio";
            case "audio/wav", "audio/x-wav" -> "WAV audio";
            case "audio/mpeg" -> "MP3 audio";
            case "audio/mp4", "audio/aac" -> "AAC audio";
            case "video/mp4" -> "MP4 video";
            default -> base;
        };
    }

    private Node location(MessageItem m) {
        JsonNode p = m.payload();
        String name = p.path("name").asText("");
        String address = p.path("address").asText("");
        Label t = new Label(name.isBlank() ? "Location" : name);
        t.getStyleClass().add("media-title");
        Label s = new Label((address.isBlank() ? "" : address + " · ")
                + p.path("latitude").asText("?") + ", " + p.path("longitude").asText("?"));
        s.getStyleClass().add("media-sub");
        s.setWrapText(true);
        VBox text = new VBox(1, t, s);
        HBox box = new HBox(10, Icons.LOCATION.node(26), text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("media-box");
        box.setOnMouseClicked(e -> vm.open(m));
        Tooltip.install(box, new Tooltip("Open the map"));
        return box;
    }

    private Node contacts(MessageItem m) {
        VBox cards = new VBox(6);
        for (JsonNode c : m.payload().path("contacts")) {
            String name = c.path("name").path("formatted_name").asText("Contact");
            List<String> phones = new ArrayList<>();
            c.path("phones")
                    .forEach(p ->
                            phones.add(p.path("phone").asText(p.path("wa_id").asText(""))));
            Label t = new Label(name);
            t.getStyleClass().add("media-title");
            Label s = new Label(phones.isEmpty() ? "No phone number" : String.join(", ", phones));
            s.getStyleClass().add("media-sub");
            HBox card = new HBox(10, Icons.PERSON.node(26), new VBox(1, t, s));
            card.setAlignment(Pos.CENTER_LEFT);
            card.getStyleClass().add("media-box");
            cards.getChildren().add(card);
        }
        if (cards.getChildren().isEmpty()) {
            cards.getChildren().add(text(m.body() == null ? "Contact card" : m.body()));
        }
        return cards;
    }

    /** A tap on a button or list row (inbound), or buttons we sent (outbound). */
    private List<Node> interactive(MessageItem m) {
        List<Node> nodes = new ArrayList<>();
        JsonNode i = m.payload();
        if (m.inbound()) {
            String kind = "button".equals(m.type())
                    ? "Quick reply"
                    : "list_reply".equals(i.path("type").asText()) ? "Chose from a list" : "Tapped a button";
            Label caption = new Label(kind);
            caption.getStyleClass().add("bubble-caption");
            caption.setGraphic(Icons.REPLY.node(11));
            nodes.add(caption);
            nodes.add(text(m.body() == null ? "" : m.body()));
            String description = i.path("list_reply").path("description").asText("");
            if (!description.isBlank()) {
                Label d = new Label(description);
                d.getStyleClass().add("bubble-caption");
                nodes.add(d);
            }
            return nodes;
        }
        String body = m.body() != null ? m.body() : i.path("body").path("text").asText("");
        nodes.add(text(body));
        FlowPane buttons = new FlowPane(6, 6);
        for (JsonNode b : i.path("action").path("buttons")) {
            buttons.getChildren()
                    .add(button(
                            b.path("reply").path("title").asText(b.path("title").asText(""))));
        }
        for (JsonNode b : i.path("buttons")) {
            buttons.getChildren()
                    .add(button(b.path("title").asText(b.path("text").asText(""))));
        }
        String link = i.path("displayText")
                .asText(i.path("action").path("parameters").path("display_text").asText(""));
        if (!link.isBlank()) {
            buttons.getChildren().add(button(link));
        }
        String list = i.path("action").path("button").asText("");
        if (!list.isBlank()) {
            buttons.getChildren().add(button(list));
        }
        if (!buttons.getChildren().isEmpty()) {
            nodes.add(buttons);
        }
        return nodes;
    }

    private List<Node> template(MessageItem m) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(text(m.body() == null ? "" : m.body()));
        vm.directory().templates().stream()
                .filter(t -> t.id().equals(m.templateId()))
                .findFirst()
                .ifPresent(t -> {
                    if (t.footer() != null) {
                        Label f = new Label(t.footer());
                        f.getStyleClass().add("bubble-caption");
                        nodes.add(f);
                    }
                    if (!t.buttons().isEmpty()) {
                        FlowPane buttons = new FlowPane(6, 6);
                        t.buttons().forEach(b -> buttons.getChildren().add(button(b)));
                        nodes.add(buttons);
                    }
                });
        return nodes;
    }

    private static Label button(String title) {
        Label b = new Label(title);
        b.getStyleClass().add("template-button");
        return b;
    }

    /** Time, and for outbound messages the delivery state: clock, one tick, two ticks, two blue ticks, failed. */
    private Node footer(MessageItem m) {
        Label time = new Label(vm.times().clock(m.sentAt()));
        time.getStyleClass().add("bubble-time");
        HBox footer = new HBox(4, time);
        footer.setAlignment(Pos.CENTER_RIGHT);
        if (m.outbound()) {
            Node tick = tick(m);
            footer.getChildren().add(tick);
        }
        Tooltip.install(footer, new Tooltip(vm.times().full(m.sentAt()) + deliveryText(m)));
        return footer;
    }

    private static Node tick(MessageItem m) {
        String status = m.status() == null ? "queued" : m.status();
        Icons icon = switch (status) {
            case "sent" -> Icons.CHECK;
            case "delivered", "read" -> Icons.CHECK_ALL;
            case "failed" -> Icons.ERROR;
            default -> Icons.CLOCK;
        };
        HBox t = new HBox(icon.node(status.equals("queued") ? 11 : 14));
        t.getStyleClass().addAll("tick", status);
        t.setAlignment(Pos.CENTER);
        t.setId("tick-" + m.id());
        t.setAccessibleText(status);
        t.setUserData(status);
        return t;
    }

    private static String deliveryText(MessageItem m) {
        if (!m.outbound()) {
            return "";
        }
        return switch (m.status() == null ? "queued" : m.status()) {
            case "sent" -> "\nSent to WhatsApp";
            case "delivered" -> "\nDelivered to the phone";
            case "read" -> "\nRead";
            case "failed" -> "\nNot delivered";
            default -> m.pending() ? "\nWaiting to reach the server (leaves when online)" : "\nQueued for WhatsApp";
        };
    }

    /** Meta's reason in red, with a retry; a failure after delivery says so. */
    private Node failure(MessageItem m) {
        StringBuilder why = new StringBuilder("Not delivered");
        if (m.errorTitle() != null) {
            why.append(": ").append(m.errorTitle());
        }
        if (m.errorCode() != null && m.errorCode() != 0) {
            why.append(" (").append(m.errorCode()).append(')');
        }
        if (m.errorDetails() != null && !m.errorDetails().equals(m.errorTitle())) {
            why.append(". ").append(m.errorDetails());
        }
        if (m.failedAfter() != null) {
            why.append(" It had been marked ").append(m.failedAfter()).append(" before.");
        }
        Label reason = new Label(why.toString());
        reason.getStyleClass().add("failure");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.setGraphic(Icons.WARNING.node(12, "danger-icon"));
        if (!vm.windowOpenProperty().get()) {
            Label hint = new Label("The reply window is closed: send an approved template below instead.");
            hint.getStyleClass().add("bubble-caption");
            hint.setWrapText(true);
            hint.setMinHeight(Region.USE_PREF_SIZE);
            return new VBox(2, reason, hint);
        }
        Hyperlink retry = new Hyperlink("Retry");
        retry.getStyleClass().add(Styles.DANGER);
        retry.setOnAction(e -> vm.retry(m));
        return new VBox(2, reason, retry);
    }

    private ContextMenu menu(MessageItem m) {
        ContextMenu menu = new ContextMenu();
        if (!m.note() && !m.system()) {
            MenuItem reply = new MenuItem("Reply with quote");
            reply.setOnAction(e -> composer.replyTo(m));
            menu.getItems().add(reply);
        }
        String copyable = m.body() != null ? m.body() : m.mediaCaption();
        if (copyable != null && !copyable.isBlank()) {
            MenuItem copy = new MenuItem("Copy text");
            copy.setOnAction(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(copyable);
                Clipboard.getSystemClipboard().setContent(c);
            });
            menu.getItems().add(copy);
        }
        if (m.mediaBlobId() != null || "location".equals(m.type())) {
            MenuItem open = new MenuItem("Open");
            open.setOnAction(e -> vm.open(m));
            menu.getItems().add(open);
        }
        if (m.failed()) {
            MenuItem retry = new MenuItem("Send again");
            retry.setOnAction(e -> vm.retry(m));
            menu.getItems().add(retry);
        }
        return menu;
    }
}
