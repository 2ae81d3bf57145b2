package com.recruitdesk.app.admin;

import atlantafx.base.theme.Styles;
import com.recruitdesk.app.admin.data.Institution;
import com.recruitdesk.app.admin.data.UserRow;
import com.recruitdesk.app.widgets.Avatars;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.Pills;
import com.recruitdesk.protocol.admin.UserRules;
import com.recruitdesk.protocol.auth.Role;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Users tab: the list of people, and the form that invites one or changes the selected one. */
final class UsersView {
    static final String LIST_ID = "admin-users";
    static final String NEW_ID = "admin-user-new";
    static final String NAME_ID = "admin-user-name";
    static final String EMAIL_ID = "admin-user-email";
    static final String INSTITUTION_ID = "admin-user-institution";
    static final String PROBLEM_ID = "admin-user-problem";
    static final String INVITE_ID = "admin-user-invite";
    static final String SAVE_ROLES_ID = "admin-user-save-roles";
    static final String ACTIVE_ID = "admin-user-active";
    static final String RESET_ID = "admin-user-reset";
    static final String HAND_OVER_ID = "admin-user-hand-over";

    private UsersView() {}

    /** The id of the checkbox of {@code role}: {@code admin-user-role-recruiter}. */
    static String roleId(Role role) {
        return "admin-user-role-"
                + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static Node create(UsersViewModel vm) {
        ListView<UserRow> list = ListAndForm.list(LIST_ID, vm.users(), vm.selectedProperty(), 360);
        list.setPlaceholder(new Label("Nobody yet."));
        list.setCellFactory(v -> new UserCell(vm));
        Button add = new Button("Invite someone", Icons.PERSON.node(14));
        add.setId(NEW_ID);
        add.setOnAction(e -> vm.newUser());
        return ListAndForm.of(list, form(vm), ListAndForm.title("People", add, vm.canEdit()));
    }

    private static Node form(UsersViewModel vm) {
        TextField name = new TextField();
        name.setId(NAME_ID);
        name.setPromptText("Nomsa Khumalo");
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.editableProperty().bind(vm.creatingProperty());
        TextField email = new TextField();
        email.setId(EMAIL_ID);
        email.setPromptText("nomsa@agency.co.za");
        email.textProperty().bindBidirectional(vm.emailProperty());
        email.editableProperty().bind(vm.creatingProperty());

        FlowPane roles = new FlowPane(14, 8);
        for (Role role : UserRules.ROLES) {
            CheckBox box = new CheckBox(UserRules.label(role));
            box.setId(roleId(role));
            box.selectedProperty().bindBidirectional(vm.roleProperty(role));
            box.setDisable(!vm.canEdit());
            roles.getChildren().add(box);
        }
        ComboBox<Institution> institution = new ComboBox<>(vm.institutions());
        institution.setId(INSTITUTION_ID);
        institution.setPromptText("Whose cohorts they manage");
        institution.valueProperty().bindBidirectional(vm.institutionProperty());
        institution
                .disableProperty()
                .bind(vm.roleProperty(Role.INSTITUTION_ADMIN).not());
        institution.setMaxWidth(360);

        Button invite = new Button("Invite");
        invite.setId(INVITE_ID);
        invite.getStyleClass().add(Styles.ACCENT);
        invite.setDefaultButton(true);
        invite.disableProperty().bind(vm.canSaveBinding().not());
        invite.visibleProperty().bind(vm.creatingProperty());
        invite.managedProperty().bind(invite.visibleProperty());
        invite.setOnAction(e -> vm.invite());
        Button saveRoles = new Button("Save roles");
        saveRoles.setId(SAVE_ROLES_ID);
        saveRoles.getStyleClass().add(Styles.ACCENT);
        saveRoles.disableProperty().bind(vm.canSaveBinding().not());
        Button active = new Button();
        active.setId(ACTIVE_ID);
        active.textProperty().bind(vm.selectedProperty().map(u -> u.active() ? "Deactivate" : "Reactivate"));
        active.disableProperty().bind(vm.selectedProperty().map(vm::isMe));
        active.setOnAction(e -> vm.toggleActive());
        Button reset = new Button("Reset password");
        reset.setId(RESET_ID);
        reset.setOnAction(e -> vm.resetPassword());
        saveRoles.setOnAction(e -> vm.saveRoles());
        HBox editing = new HBox(8, saveRoles, active, reset);
        editing.visibleProperty().bind(vm.creatingProperty().not());
        editing.managedProperty().bind(editing.visibleProperty());
        HBox buttons = new HBox(8, invite, editing);
        buttons.setVisible(vm.canEdit());
        buttons.setManaged(vm.canEdit());

        Label handOver = Forms.shown(HAND_OVER_ID, vm.handOverProperty());
        handOver.getStyleClass().add("hand-over");
        handOver.setGraphic(Icons.LOCK.node(14));

        Label about = new Label();
        about.getStyleClass().add(Styles.TEXT_MUTED);
        about.setWrapText(true);
        about.textProperty()
                .bind(
                        vm.selectedProperty()
                                .map(UsersView::about)
                                .orElse(
                                        "They sign in with their email and a temporary password you hand over, then choose their own."));

        VBox card = Forms.card(
                "",
                about,
                Forms.field("Full name"),
                name,
                Forms.field("Email"),
                email,
                Forms.field("Roles"),
                roles,
                Forms.field("Institution (for an institution admin)"),
                institution,
                Forms.problem(
                        PROBLEM_ID,
                        // an empty invitation (a new one, or the one just sent) is not yet wrong
                        javafx.beans.binding.Bindings.when(vm.creatingProperty()
                                        .and(vm.nameProperty().isEmpty())
                                        .and(vm.emailProperty().isEmpty()))
                                .then("")
                                .otherwise(vm.problemProperty())),
                buttons,
                handOver);
        Label heading = (Label) card.getChildren().getFirst();
        heading.textProperty().bind(vm.selectedProperty().map(UserRow::name).orElse("Invite someone"));
        if (!vm.canEdit()) {
            card.getChildren().add(1, Forms.hint("Managers see the team; only administrators change it."));
        }
        VBox right = new VBox(card);
        right.setPadding(new Insets(12, 12, 12, 0));
        right.setMaxWidth(640);
        return right;
    }

    private static String about(UserRow u) {
        String state = u.active() ? "Active" : "Deactivated: cannot sign in";
        if (u.passwordChangeRequired()) {
            state += "; has a temporary password and chooses their own at the next sign-in";
        }
        return state + (u.lastLoginAt() == null ? ". Has not signed in yet." : ".");
    }

    /** A person: avatar, name, email, roles; inactive ones muted. */
    private static final class UserCell extends ListCell<UserRow> {
        private final UsersViewModel vm;

        UserCell(UsersViewModel vm) {
            this.vm = vm;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(UserRow u, boolean empty) {
            super.updateItem(u, empty);
            if (empty || u == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(u.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label email = new Label(u.email());
            email.getStyleClass().add(Styles.TEXT_MUTED);
            Label roles = new Label(vm.rolesText(u));
            roles.getStyleClass().add(Styles.TEXT_SMALL);
            HBox badges = new HBox(4);
            if (!u.active()) {
                badges.getChildren().add(Pills.of("Deactivated", "user-inactive"));
            }
            if (u.passwordChangeRequired()) {
                badges.getChildren().add(Pills.of("Temporary password", "user-temporary"));
            }
            if (vm.isMe(u)) {
                badges.getChildren().add(Pills.of("You", "user-me"));
            }
            if (u.pending()) {
                badges.getChildren().add(Icons.CLOCK.node(12, "pending"));
            }
            HBox first = new HBox(6, name, badges);
            first.setAlignment(Pos.CENTER_LEFT);
            VBox text = new VBox(1, first, email, roles);
            HBox row = new HBox(10, Avatars.of(u.name(), u.id(), false), text);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setOpacity(u.active() ? 1 : 0.6);
            setGraphic(row);
        }
    }
}
