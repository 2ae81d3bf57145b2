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
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Builds the node of one thread line: a bubble for a message (inbound left, outbound right, notes
 * yellow and dashed), a centred line for system events, with quoted messages, media, locations,
 * contacts, replies to buttons, templates, reactions, the time and the delivery ticks.
 */
final class Bubbles {
    private final ThreadViewModel vm;
    private final ComposerViewModel composer;

    private final MediaBubbles media;

    Bubbles(ThreadViewModel vm, ComposerViewModel composer) {
        this.vm = vm;
        this.composer = composer;
        this.media = new MediaBubbles(vm);
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
            case "image", "sticker" -> nodes.add(media.photo(m));
            case "video" -> nodes.add(media.file(m, Icons.VIDEO, "Video", m.mediaMimeType()));
            case "audio" ->
                nodes.add(media.file(m, Icons.MIC, m.voice() ? "Voice message" : "Audio", m.mediaMimeType()));
            case "document" ->
                nodes.add(media.file(
                        m,
                        Icons.DOCUMENT,
                        m.mediaFilename() == null ? "Document" : m.mediaFilename(),
                        m.mediaMimeType()));
            case "location" -> nodes.add(media.location(m));
            case "contacts" -> nodes.add(media.contacts(m));
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

    static Label text(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.getStyleClass().add("bubble-text");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
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
