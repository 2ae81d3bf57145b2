package com.recruitdesk.app.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.app.conversations.data.MessageItem;
import com.recruitdesk.app.widgets.Icons;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The content of a bubble that is more than text: a photo (shown once its file is here), a
 * document, video or voice note (opened with a click), a location (the map), contact cards.
 */
final class MediaBubbles {
    static final double PHOTO_WIDTH = 260;

    private final ThreadViewModel vm;
    /** Decoded photos by file, so scrolling and refreshes reuse them instead of decoding again. */
    private final java.util.Map<String, Image> photos = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Image> eldest) {
            return size() > 120;
        }
    };

    MediaBubbles(ThreadViewModel vm) {
        this.vm = vm;
    }

    /** A photo: the picture once its file is here, a placeholder until then, the reason if it never comes. */
    Node photo(MessageItem m) {
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
    Node file(MessageItem m, Icons icon, String title, String mime) {
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

    Node location(MessageItem m) {
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

    Node contacts(MessageItem m) {
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
            cards.getChildren().add(Bubbles.text(m.body() == null ? "Contact card" : m.body()));
        }
        return cards;
    }
}
