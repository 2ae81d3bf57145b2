package com.recruitdesk.app.cohorts;

import com.recruitdesk.app.cohorts.data.CohortBook;
import com.recruitdesk.app.widgets.Pills;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Cohorts tab's list lines: a cohort with its state and count, a student with their two states. */
final class CohortCells {
    private CohortCells() {}

    static final class CohortCell extends ListCell<CohortBook.Cohort> {
        CohortCell() {
            setPrefWidth(0); // as wide as the list: a long name is cut with an ellipsis, no sideways scrolling
        }

        @Override
        protected void updateItem(CohortBook.Cohort c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(c.name());
            title.getStyleClass().add("cohort-strong");
            Label what = new Label(c.programType() + " · " + c.enrolled() + " enrolled"
                    + (c.studentCount() == null ? "" : " of " + c.studentCount()));
            what.getStyleClass().add("cohort-muted");
            Label state = Pills.of(c.state(), "cohort-state");
            HBox bottom = new HBox(8, state, what);
            bottom.setAlignment(Pos.CENTER_LEFT);
            setGraphic(new VBox(3, title, bottom));
        }
    }

    static final class StudentCell extends ListCell<CohortBook.Student> {
        StudentCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(CohortBook.Student s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            Label who = new Label(s.name());
            who.getStyleClass().add("cohort-strong");
            String style = switch (s.verification()) {
                case "verified" -> "pill-ok";
                case "rejected" -> "pill-bad";
                default -> "pill-muted";
            };
            HBox line = new HBox(8, who, Pills.of(s.state().replace('_', ' ')), Pills.of(s.verification(), style));
            line.setAlignment(Pos.CENTER_LEFT);
            setGraphic(line);
        }
    }
}
