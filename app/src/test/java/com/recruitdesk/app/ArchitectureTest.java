package com.recruitdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layer rules of the desktop app, checked on its production classes. */
class ArchitectureTest {
    private static JavaClasses app;

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.recruitdesk.app");
    }

    @Test
    void theAppNeverImportsTheServer() {
        ArchRule rule = noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.recruitdesk.server..")
                .because("app and server meet only in protocol; the server is a test dependency only");
        rule.check(app);
    }

    @Test
    void viewModelsTouchNoNodes() {
        ArchRule rule = noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..", "atlantafx..")
                .because("view models hold properties and commands and are tested without a toolkit");
        rule.check(app);
    }

    @Test
    void viewsDoNoBlockingIo() {
        ArchRule rule = noClasses()
                .that()
                .haveSimpleNameEndingWith("View")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "okhttp3..",
                        "com.recruitdesk.app.store..",
                        "com.recruitdesk.app.api..",
                        "com.recruitdesk.app.blobs..",
                        "java.nio.file..")
                .because(
                        "views run on the JavaFX thread; disk and network go through view models and the task executor");
        rule.check(app);
    }

    @Test
    void theStoreAndEngineKnowNothingOfTheUi() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(
                        "com.recruitdesk.app.store..",
                        "com.recruitdesk.app.sync..",
                        "com.recruitdesk.app.api..",
                        "com.recruitdesk.app.blobs..",
                        "com.recruitdesk.app.conversations.data..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "com.recruitdesk.app.signin..",
                        "com.recruitdesk.app.main..",
                        "com.recruitdesk.app.conversations")
                .because("layers point one way: view → view model → logic");
        rule.check(app);
    }

    @Test
    void noPrintingOrJavaUtilLogging() {
        noClasses()
                .should()
                .accessClassesThat()
                .belongToAnyOf(java.util.logging.Logger.class)
                .because("the app logs through SLF4J")
                .check(app);
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("the app logs through SLF4J")
                .check(app);
    }
}
