package com.recruitdesk.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.recruitdesk.server.platform.sync.Mutator;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.recruitdesk.server");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("com.recruitdesk.server.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a feature is found and changed in one place only if dependencies between features go one way")
                .check(SERVER);
    }

    @Test
    void platformPackagesAreFreeOfCycles() {
        slices().matching("com.recruitdesk.server.platform.(*)..")
                .should()
                .beFreeOfCycles()
                .because("the platform's parts (HTTP, database, sync, tasks) layer on each other one way")
                .check(SERVER);
    }

    @Test
    void platformDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("com.recruitdesk.server.platform..")
                .should()
                .dependOnClassesThat(resideInAPackage("com.recruitdesk.server..")
                        .and(not(resideInAPackage("com.recruitdesk.server.platform.."))))
                .because("features plug into the platform; a new feature must not need a change to it")
                .check(SERVER);
    }

    @Test
    void mutatorsLiveOnlyInFeaturePackages() {
        classes()
                .that()
                .implement(Mutator.class)
                .should()
                .resideOutsideOfPackage("com.recruitdesk.server.platform..")
                .andShould()
                .resideInAPackage("com.recruitdesk.server.(*)")
                .because("a mutation belongs to its feature, next to the feature's other code")
                .check(SERVER);
    }

    @Test
    void noOrmAnywhere() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .because(
                        "rows are written by each table's one row writer on JDBC and read with to_jsonb (decision 0018)")
                .check(SERVER);
    }

    @Test
    void serverNeverImportsTheApp() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.recruitdesk.app..")
                .because("the app and the server meet only in protocol")
                .check(SERVER);
    }

    @Test
    void onlyMainWritesToTheConsole() {
        noClasses()
                .that()
                .doNotHaveSimpleName("Main")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("the server logs through SLF4J")
                .check(SERVER);
    }

    @Test
    void noJavaUtilLogging() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.util.logging..")
                .because("the server logs through SLF4J")
                .check(SERVER);
    }
}
