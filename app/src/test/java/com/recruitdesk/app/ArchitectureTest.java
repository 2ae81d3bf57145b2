package com.recruitdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.recruitdesk.protocol.sync.Feature;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.Locale;
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
                        "com.recruitdesk.app.format..",
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
    void noPackageCycles() {
        slices().matching("com.recruitdesk.app.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a feature is found and changed in one place only if packages depend one way")
                .check(app);
    }

    /** Every feature's package: {@code conversations}, {@code pipelines}, …, {@code assessments}. */
    private static String[] featurePackages() {
        return Arrays.stream(Feature.values())
                .map(f -> "com.recruitdesk.app." + f.name().toLowerCase(Locale.ROOT) + "..")
                .toArray(String[]::new);
    }

    @Test
    void everyPanesDataPackageIsFreeOfTheUi() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("com.recruitdesk.app.*.data..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "org.controlsfx..",
                        "atlantafx..",
                        "com.recruitdesk.app.widgets..",
                        "com.recruitdesk.app.pane..",
                        "com.recruitdesk.app.main..")
                .because("a pane's data package holds its reads and commands, tested without a toolkit");
        rule.check(app);
    }

    @Test
    void theSharedPartsNeverDependOnAFeature() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(
                        "com.recruitdesk.app.store..",
                        "com.recruitdesk.app.sync..",
                        "com.recruitdesk.app.api..",
                        "com.recruitdesk.app.blobs..",
                        "com.recruitdesk.app.common..",
                        "com.recruitdesk.app.format..",
                        "com.recruitdesk.app.widgets..",
                        "com.recruitdesk.app.pane..",
                        "com.recruitdesk.app.upcoming..",
                        "com.recruitdesk.app.main..",
                        "com.recruitdesk.app.status..",
                        "com.recruitdesk.app.signin..",
                        "com.recruitdesk.app.overview..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(featurePackages())
                .because("features plug into the shared store, sync and pane seam; only the app's root composes them");
        rule.check(app);
    }

    @Test
    void featuresDoNotReachIntoEachOther() {
        for (Feature feature : Feature.values()) {
            String own = "com.recruitdesk.app." + feature.name().toLowerCase(Locale.ROOT) + "..";
            String[] others =
                    Arrays.stream(featurePackages()).filter(p -> !p.equals(own)).toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(own)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because("panes talk through the store and the pane seam, not through each other's classes")
                    .allowEmptyShould(true)
                    .check(app);
        }
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
