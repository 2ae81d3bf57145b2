package com.recruitdesk.app.admin;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pane.Overlay;
import com.recruitdesk.app.widgets.Banners;
import com.recruitdesk.app.widgets.Icons;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Administration pane: a header (with the team's canned responses, managed in Conversations'
 * dialog), the banner for a refused change, and a tab each for users, numbers, templates, settings and
 * the activity log. The numbers' health and the log are read from the server when their tab shows.
 */
public final class AdminView {
    public static final String ID = "admin";
    public static final String TABS_ID = "admin-tabs";
    public static final String NOTICE_ID = "admin-notice";
    public static final String CANNED_ID = "admin-canned-responses";
    public static final String USERS_TAB = "Users";
    public static final String NUMBERS_TAB = "WhatsApp numbers";
    public static final String TEMPLATES_TAB = "Templates";
    public static final String SETTINGS_TAB = "Settings";
    public static final String ACTIVITY_TAB = "Activity log";

    private AdminView() {}

    public static Parent create(AdminViewModel vm, Times times, Overlay cannedResponses) {
        Label title = new Label("Administration");
        title.getStyleClass().add(Styles.TITLE_3);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button canned = new Button("Canned responses…", Icons.BOLT.node(14));
        canned.setId(CANNED_ID);
        canned.setOnAction(e -> cannedResponses.open().run());
        HBox header = new HBox(10, title, spring, canned);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 14, 4, 14));

        Tab users = tab(USERS_TAB, UsersView.create(vm.users()));
        Tab numbers = tab(NUMBERS_TAB, NumbersView.create(vm.numbers()));
        Tab templates = tab(TEMPLATES_TAB, TemplatesView.create(vm.templates()));
        Tab settings = tab(SETTINGS_TAB, SettingsView.create(vm.settings()));
        Tab activity = tab(ACTIVITY_TAB, ActivityView.create(vm.activity(), times));
        TabPane tabs = new TabPane(users, numbers, templates, settings, activity);
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        numbers.setOnSelectionChanged(e -> {
            if (numbers.isSelected()) {
                vm.numbers().refreshHealth();
            }
        });
        activity.setOnSelectionChanged(e -> {
            if (activity.isSelected() && vm.activity().entries().isEmpty()) {
                vm.activity().load();
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox main =
                new VBox(header, Banners.notice(NOTICE_ID, vm.noticeProperty(), Icons.ERROR, vm::dismissNotice), tabs);

        StackPane root = new StackPane(main, cannedResponses.view());
        root.setId(ID);
        root.getStylesheets()
                .add(Objects.requireNonNull(AdminView.class.getResource("admin.css"))
                        .toExternalForm());
        return root;
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("admin-tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return tab;
    }
}
