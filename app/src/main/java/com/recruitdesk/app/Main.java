package com.recruitdesk.app;

import javafx.application.Application;

/** Entry point on the class path (JavaFX wants the launcher class not to be the Application). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Application.launch(RecruitDeskApp.class, args);
    }
}
