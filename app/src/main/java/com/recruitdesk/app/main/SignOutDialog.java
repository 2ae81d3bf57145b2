package com.recruitdesk.app.main;

import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks, on signing out, whether this computer should keep its copy of the data (rows, photos and
 * documents) for the next sign-in, or remove it (a shared or handed-on computer). Keeping it is the
 * default; changes still waiting to be sent are lost if it is removed, and the dialog says so.
 */
public final class SignOutDialog {
    public static final String REMOVE_ID = "sign-out-remove";
    public static final String CONFIRM_ID = "sign-out-confirm";

    private SignOutDialog() {}

    /** Empty when the user cancels; else whether to remove this computer's copy. */
    public static Optional<Boolean> ask(Window owner, int pending) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Sign out");
        dialog.setHeaderText("Sign out of RecruitDesk on this computer?");
        CheckBox remove = new CheckBox(
                "Also remove this computer's copy of the data (messages, people, photos and" + " documents)");
        remove.setId(REMOVE_ID);
        remove.setWrapText(true);
        Label note = new Label(
                pending == 0
                        ? "Keep it if you will sign in here again; remove it on a shared computer."
                        : pending + (pending == 1 ? " change has" : " changes have")
                                + " not reached the server yet; removing the copy loses "
                                + (pending == 1 ? "it." : "them."));
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        VBox content = new VBox(10, remove, note);
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        ButtonType signOut = new ButtonType("Sign out", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(signOut, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(signOut).setId(CONFIRM_ID);
        dialog.setResultConverter(button -> button == signOut ? remove.isSelected() : null);
        return dialog.showAndWait();
    }
}
