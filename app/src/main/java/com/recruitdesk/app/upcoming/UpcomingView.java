package com.recruitdesk.app.upcoming;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.widgets.Banners;
import com.recruitdesk.app.widgets.Icons;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The pane of a feature still to come: what it will do and what this computer already holds for it. */
public final class UpcomingView {
    public static final String ID = "upcoming";
    public static final String HELD_ID = "upcoming-held";
    public static final String NOTICE_ID = "upcoming-notice";

    private UpcomingView() {}

    public static Parent create(UpcomingViewModel vm) {
        Label title = new Label(vm.title());
        title.getStyleClass().add(Styles.TITLE_3);
        Label coming = new Label(vm.coming());
        coming.setWrapText(true);
        Label heading = new Label("ON THIS COMPUTER");
        heading.getStyleClass().add("section-title");
        Label held = new Label();
        held.setId(HELD_ID);
        held.setWrapText(true);
        held.getStyleClass().add(Styles.TITLE_4);
        held.textProperty().bind(vm.heldProperty());
        Label offline = new Label("It is all synced and readable offline; this pane will show it once it is built.");
        offline.setWrapText(true);
        offline.getStyleClass().add(Styles.TEXT_MUTED);
        VBox content = new VBox(10, title, coming, heading, held, offline);
        content.setPadding(new Insets(20, 24, 16, 24));
        content.setMaxWidth(720);
        VBox root = new VBox(Banners.notice(NOTICE_ID, vm.noticeProperty(), Icons.ERROR, vm::dismissNotice), content);
        root.setId(ID);
        return root;
    }
}
