package com.recruitdesk.app.conversations;

import com.recruitdesk.app.conversations.data.ConversationStatus;
import javafx.scene.control.Label;

/** Small labels in a rounded box: a conversation's status, an application's stage. */
final class Pills {
    private Pills() {}

    static Label status(ConversationStatus status) {
        Label pill = new Label(status.label());
        pill.getStyleClass().addAll("pill", "status-" + status.wire());
        return pill;
    }

    static Label text(String text) {
        Label pill = new Label(text);
        pill.getStyleClass().add("pill");
        return pill;
    }
}
