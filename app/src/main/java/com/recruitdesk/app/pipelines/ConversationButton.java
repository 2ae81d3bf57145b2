package com.recruitdesk.app.pipelines;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The detail's "Open conversation" button, disabled with a tooltip that says why when there is none. */
final class ConversationButton {
    static final String ID = "detail-open-conversation";
    static final String NONE = "There is no conversation with this person on this computer.";

    private ConversationButton() {}

    /**
     * The button for {@code link}'s person, made once per detail and moved into each new head;
     * nothing (an empty box) for a user without Conversations.
     */
    static Node create(ConversationLinkViewModel link) {
        HBox box = new HBox();
        if (!link.offered()) {
            return box;
        }
        Button open = new Button("Open conversation");
        open.setId(ID);
        open.disableProperty().bind(link.availableProperty().not());
        open.setOnAction(e -> link.open());
        box.getChildren().add(open);
        // A disabled control shows no tooltip, so its box says why.
        Tooltip why = new Tooltip(NONE);
        link.availableProperty().subscribe(has -> {
            if (has) {
                Tooltip.uninstall(box, why);
            } else {
                Tooltip.install(box, why);
            }
        });
        return box;
    }
}
