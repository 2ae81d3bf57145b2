package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.pipelines.data.JobItem;
import com.recruitdesk.protocol.pipelines.NewPerson;
import java.util.List;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Add person": someone not yet on file (met at a fair, say, or on the phone) and their application
 * to the chosen job in one step, offline too; checked as typed by the rules the server applies
 * ({@link NewPerson}), and refused while anything is wrong.
 */
final class AddPersonDialog {
    static final String ID = "add-person";
    static final String NAME_ID = "add-person-name";
    static final String PHONE_ID = "add-person-phone";
    static final String EMAIL_ID = "add-person-email";
    static final String PROBLEMS_ID = "add-person-problems";
    static final String SAVE_ID = "add-person-save";

    private AddPersonDialog() {}

    static Dialog<ButtonType> open(Window owner, JobItem job, PipelinesViewModel vm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add person");
        dialog.setHeaderText("Someone new, added to " + job.title());
        TextField name = field(NAME_ID, "Full name");
        TextField phone = field(PHONE_ID, "+27 82 555 0101");
        TextField email = field(EMAIL_ID, "name@example.com");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints());
        grid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Phone"), phone);
        grid.addRow(2, new Label("Email"), email);
        Label hint = new Label("A phone number in international form, an email address, or both.");
        hint.setStyle("-fx-text-fill: -color-fg-muted;");
        hint.setWrapText(true);
        Label problems = new Label();
        problems.setId(PROBLEMS_ID);
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: -color-danger-fg;");
        problems.setMinHeight(54); // room for the reasons: the dialog does not grow once shown
        VBox body = new VBox(10, grid, hint, problems);
        body.setId(ID);
        body.setPrefWidth(460);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button save = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        save.setText("Add to job");
        save.setId(SAVE_ID);
        Supplier<List<String>> check = () ->
                NewPerson.problems(name.getText(), NewPerson.phone(phone.getText()), NewPerson.email(email.getText()));
        boolean[] tried = {false};
        Runnable show = () -> {
            // Said once a number or an address is typed, or Save pressed: an empty form is not scolded.
            List<String> wrong = check.get();
            boolean started =
                    tried[0] || !phone.getText().isBlank() || !email.getText().isBlank();
            problems.setText(started ? String.join("\n", wrong) : "");
        };
        name.textProperty().addListener((o, a, b) -> show.run());
        phone.textProperty().addListener((o, a, b) -> show.run());
        email.textProperty().addListener((o, a, b) -> show.run());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            tried[0] = true;
            show.run();
            if (!check.get().isEmpty()) {
                e.consume(); // stays open with what to fix
                return;
            }
            vm.addPerson(job.id(), name.getText(), phone.getText(), email.getText());
        });
        dialog.show();
        name.requestFocus();
        return dialog;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}
