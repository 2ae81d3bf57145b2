package com.recruitdesk.app.admin;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The layout of the Users, Numbers and Templates tabs: a list on the left whose selection is the view
 * model's (both ways), under a title with an optional action, and the scrolling form on the right.
 */
final class ListAndForm {
    private ListAndForm() {}

    /** A list of {@code items} whose selection follows {@code selected} and sets it. */
    static <T> ListView<T> list(String id, ObservableList<T> items, ObjectProperty<T> selected, double width) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setPrefWidth(width);
        list.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (item != null && !item.equals(selected.get())) {
                selected.set(item);
            }
        });
        selected.subscribe(item -> {
            if (item == null) {
                list.getSelectionModel().clearSelection();
            } else if (!item.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(item);
            }
        });
        return list;
    }

    /** The title over the list, with {@code action} (shown only to those who may use it) at its end. */
    static Node title(String text, Button action, boolean canEdit) {
        Label title = new Label(text);
        title.getStyleClass().add(Styles.TITLE_4);
        if (action == null) {
            return title;
        }
        action.setVisible(canEdit);
        action.setManaged(canEdit);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox top = new HBox(8, title, spring, action);
        top.setAlignment(Pos.CENTER_LEFT);
        return top;
    }

    /** {@code left} (its last node the list, which grows) beside {@code form}, which scrolls. */
    static HBox of(ListView<?> list, Node form, Node... above) {
        VBox left = new VBox(8, above);
        left.getChildren().add(list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(12, 0, 12, 12));
        left.setMinWidth(Region.USE_PREF_SIZE); // the form beside it scrolls; the list keeps its width
        HBox tab = new HBox(12, left, Forms.scroll(form));
        HBox.setHgrow(tab.getChildren().get(1), Priority.ALWAYS);
        return tab;
    }
}
