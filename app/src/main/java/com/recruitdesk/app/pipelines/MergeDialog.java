package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pipelines.data.Merge;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The merge dialog: each field both the user and a colleague changed, the user's value beside the
 * server's with who set it and when, one choice per field (the server's is chosen to start with, so
 * a hurried Save loses nothing already saved); the edit's other fields go again whatever is chosen.
 */
final class MergeDialog {
    static final String ID = "pipelines-merge";
    static final String SAVE_ID = "merge-save";
    static final String DISCARD_ID = "merge-discard";

    private MergeDialog() {}

    static String mineId(String field) {
        return "merge-mine-" + field;
    }

    static String theirsId(String field) {
        return "merge-theirs-" + field;
    }

    /**
     * What the edit was of, as the header names it: "Ayanda Dlamini's application" (or profile, the
     * person found by their card on the board), "the job Runway Model".
     */
    static String subject(Merge m, PipelinesViewModel vm) {
        if (m.kind() == Merge.APPLICATION) {
            return vm.cardName(m.rowId()).map(n -> n + "'s application").orElse("this application");
        }
        if (m.kind() == Merge.JOB) {
            return vm.jobs().stream()
                    .filter(j -> j.id().equals(m.rowId()))
                    .findFirst()
                    .map(j -> "the job " + j.title())
                    .orElse("this job");
        }
        if (m.kind() == Merge.PROFILE) {
            return PipelinesViewModel.LANES.stream()
                    .flatMap(l -> vm.lane(l).stream())
                    .filter(c -> m.rowId().equals(c.candidateId()))
                    .map(c -> c.name() + "'s profile")
                    .findFirst()
                    .orElse("this person's profile");
        }
        return "this " + m.kind().noun();
    }

    static Dialog<ButtonType> open(Window owner, Merge m, String subject, Times times, MergeViewModel merges) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Merge your edit");
        dialog.setHeaderText("Someone else changed " + subject + " since you started.\n"
                + "Choose, field by field, which value to keep.");
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        grid.getColumnConstraints()
                .addAll(new ColumnConstraints(140), new ColumnConstraints(210), new ColumnConstraints(230));
        grid.getColumnConstraints().get(2).setHgrow(Priority.ALWAYS);
        grid.addRow(0, heading(""), heading("Yours"), heading("On the server"));
        Set<String> keepMine = new HashSet<>();
        int row = 1;
        for (Merge.Field f : m.disputed()) {
            ToggleGroup choice = new ToggleGroup();
            RadioButton mine = option(mineId(f.name()), merges.text(f, f.mine()), choice);
            RadioButton theirs = option(
                    theirsId(f.name()),
                    merges.text(f, f.theirs()) + "\n" + f.by() + (f.at() == null ? "" : ", " + times.inList(f.at())),
                    choice);
            theirs.setSelected(true);
            mine.selectedProperty().addListener((o, was, is) -> {
                if (is) {
                    keepMine.add(f.name());
                } else {
                    keepMine.remove(f.name());
                }
            });
            Label label = new Label(capitalised(f.spec().label()));
            label.setWrapText(true);
            grid.addRow(row++, label, mine, theirs);
        }
        VBox body = new VBox(12, grid);
        List<FieldSpec> rest = m.undisputed();
        if (!rest.isEmpty()) {
            Label also = new Label("Also saved again, as you left them: "
                    + String.join(", ", rest.stream().map(FieldSpec::label).toList()) + ".");
            also.setWrapText(true);
            also.setStyle("-fx-text-fill: -color-fg-muted;");
            body.getChildren().add(also);
        }
        body.setId(ID);
        body.setPrefWidth(620);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button save = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        save.setText("Save my choices");
        save.setId(SAVE_ID);
        Button discard = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        discard.setText("Discard my edit");
        discard.setId(DISCARD_ID);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                merges.resolve(m, Set.copyOf(keepMine));
            } else {
                merges.discard(m);
            }
        });
        dialog.show();
        return dialog;
    }

    private static RadioButton option(String id, String text, ToggleGroup group) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.setWrapText(true);
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
