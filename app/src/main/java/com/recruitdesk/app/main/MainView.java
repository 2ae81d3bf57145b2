package com.recruitdesk.app.main;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The main window: a header, navigation between the panes that exist, the pane, the status bar. */
public final class MainView {
    public static final String ID = "main";
    public static final String SIGN_OUT_ID = "sign-out";
    public static final String USER_ID = "signed-in-user";

    private MainView() {}

    /** A pane the navigation can show: its title, the id of its button, its content. */
    public record Entry(String title, String navigationId, Node content) {}

    /** The window with {@code panes} in the navigation, the first one shown. */
    public static Parent create(MainViewModel vm, Node statusBar, Node firstSync, List<Entry> panes) {
        Label brand = new Label("RecruitDesk");
        brand.getStyleClass().addAll(Styles.TITLE_4, "brand");
        Label user = new Label();
        user.setId(USER_ID);
        user.textProperty()
                .bind(vm.userProperty()
                        .map(u -> u + "  ·  " + vm.serverProperty().get()));
        user.getStyleClass().add(Styles.TEXT_MUTED);
        Button signOut = new Button("Sign out");
        signOut.setId(SIGN_OUT_ID);
        signOut.getStyleClass().addAll(Styles.FLAT);
        signOut.disableProperty().bind(vm.signingOutProperty());
        signOut.setOnAction(e -> SignOutDialog.ask(signOut.getScene().getWindow(), vm.pendingChanges())
                .ifPresent(vm::signOut));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox header = new HBox(12, brand, spring, user, signOut);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 16));
        header.getStyleClass().add("app-header");

        BorderPane root = new BorderPane();
        root.setId(ID);
        VBox center = new VBox(firstSync, new Region());
        root.setCenter(center);
        VBox nav = new VBox(4);
        nav.setPadding(new Insets(12, 8, 12, 8));
        nav.setPrefWidth(180);
        nav.getStyleClass().add("app-nav");
        ToggleGroup group = new ToggleGroup();
        for (Entry pane : panes) {
            ToggleButton item = new ToggleButton(pane.title());
            item.setToggleGroup(group);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setAlignment(Pos.CENTER_LEFT);
            item.getStyleClass().add(Styles.FLAT);
            item.setId(pane.navigationId());
            item.selectedProperty().subscribe(selected -> {
                if (selected) {
                    center.getChildren().set(1, pane.content());
                    VBox.setVgrow(pane.content(), Priority.ALWAYS);
                }
            });
            nav.getChildren().add(item);
        }
        group.selectedToggleProperty().subscribe((old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true); // one pane is always shown
            }
        });
        if (!group.getToggles().isEmpty()) {
            group.getToggles().getFirst().setSelected(true);
        }
        root.setTop(header);
        root.setLeft(nav);
        root.setBottom(statusBar);
        return root;
    }

    /** Shows the pane whose navigation button has {@code navigationId} in the window {@code root}. */
    public static void show(Parent root, String navigationId) {
        if (root.lookup("#" + navigationId) instanceof ToggleButton item) {
            item.setSelected(true);
        }
    }
}
