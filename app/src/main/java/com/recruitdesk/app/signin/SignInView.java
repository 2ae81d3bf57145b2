package com.recruitdesk.app.signin;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in card; it only binds to {@link SignInViewModel}. */
public final class SignInView {
    public static final String ID = "sign-in";
    public static final String SERVER_ID = "sign-in-server";
    public static final String EMAIL_ID = "sign-in-email";
    public static final String PASSWORD_ID = "sign-in-password";
    public static final String BUTTON_ID = "sign-in-button";
    public static final String ERROR_ID = "sign-in-error";
    public static final String NEW_PASSWORD_ID = "sign-in-new-password";
    public static final String CONFIRM_PASSWORD_ID = "sign-in-confirm-password";
    public static final String CHOOSE_ID = "sign-in-choose-password";
    public static final String PLAIN_HTTP_ID = "sign-in-plain-http";

    private SignInView() {}

    public static Parent create(SignInViewModel vm) {
        Label title = new Label("RecruitDesk");
        title.getStyleClass().add(Styles.TITLE_1);
        Label subtitle = new Label("Sign in to your agency's server");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        // The servers signed in to before, the last one filled in; any other may be typed.
        ComboBox<String> server = new ComboBox<>(vm.knownServers());
        server.setId(SERVER_ID);
        server.setEditable(true);
        server.setMaxWidth(Double.MAX_VALUE);
        server.setPromptText(SignInViewModel.FIRST_SERVER);
        server.getEditor().textProperty().bindBidirectional(vm.serverProperty());

        TextField email = new TextField();
        email.setId(EMAIL_ID);
        email.setPromptText("you@agency.com");
        email.textProperty().bindBidirectional(vm.emailProperty());

        PasswordField password = new PasswordField();
        password.setId(PASSWORD_ID);
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setOnAction(e -> vm.signIn());

        Label error = new Label();
        error.setId(ERROR_ID);
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        // Shown only for a plain http:// address of another computer: the user's explicit yes.
        CheckBox plain = new CheckBox();
        plain.setId(PLAIN_HTTP_ID);
        plain.setWrapText(true);
        plain.textProperty()
                .bind(Bindings.concat(
                        "Send my password and data to ", vm.plainHttpHostProperty(), " without encryption"));
        plain.selectedProperty().bindBidirectional(vm.plainHttpConfirmedProperty());
        plain.visibleProperty().bind(vm.plainHttpHostProperty().isNotEmpty());
        plain.managedProperty().bind(plain.visibleProperty());

        Button signIn = new Button("Sign in");
        signIn.setId(BUTTON_ID);
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(vm.canSignInProperty().not());
        signIn.setOnAction(e -> vm.signIn());
        HBox.setHgrow(signIn, Priority.ALWAYS);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox actions = new HBox(10, signIn, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox signing = new VBox(6, field("Password"), password, gap(10));
        VBox choosing = choosing(vm);
        signing.visibleProperty().bind(vm.choosingProperty().not());
        signing.managedProperty().bind(signing.visibleProperty());
        actions.visibleProperty().bind(signing.visibleProperty());
        actions.managedProperty().bind(signing.visibleProperty());
        VBox who = new VBox(6, field("Server address"), server, gap(4), field("Email"), email, gap(4));
        who.visibleProperty().bind(signing.visibleProperty());
        who.managedProperty().bind(signing.visibleProperty());

        VBox card = new VBox(6, title, subtitle, gap(14), who, signing, error, plain, actions, choosing);
        card.getStyleClass().add("sign-in-card");
        card.setPadding(new Insets(32));
        card.setMaxWidth(400);
        card.setMaxHeight(Region.USE_PREF_SIZE);

        StackPane root = new StackPane(card);
        root.setId(ID);
        root.getStyleClass().add("sign-in-background");
        return root;
    }

    /** The form's second step for a temporary password: the user's own, twice. */
    private static VBox choosing(SignInViewModel vm) {
        Label why = new Label();
        why.textProperty()
                .bind(vm.emailProperty()
                        .map(email -> email.strip() + " signed in with a temporary password. Choose your own (at"
                                + " least 10 characters) to finish signing in; the temporary one then stops working."));
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        PasswordField chosen = new PasswordField();
        chosen.setId(NEW_PASSWORD_ID);
        chosen.textProperty().bindBidirectional(vm.newPasswordProperty());
        PasswordField again = new PasswordField();
        again.setId(CONFIRM_PASSWORD_ID);
        again.textProperty().bindBidirectional(vm.confirmPasswordProperty());
        again.setOnAction(e -> vm.choosePassword());
        Button choose = new Button("Choose password and sign in");
        choose.setId(CHOOSE_ID);
        choose.getStyleClass().add(Styles.ACCENT);
        choose.setMaxWidth(Double.MAX_VALUE);
        choose.disableProperty().bind(vm.canChooseProperty().not());
        choose.setOnAction(e -> vm.choosePassword());
        VBox box = new VBox(
                6, why, gap(4), field("Your new password"), chosen, field("The same again"), again, gap(10), choose);
        box.visibleProperty().bind(vm.choosingProperty());
        box.managedProperty().bind(box.visibleProperty());
        vm.choosingProperty().subscribe(on -> {
            if (on) {
                chosen.requestFocus();
            }
        });
        return box;
    }

    private static Label field(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static Region gap(double height) {
        Region r = new Region();
        r.setMinHeight(height);
        return r;
    }
}
