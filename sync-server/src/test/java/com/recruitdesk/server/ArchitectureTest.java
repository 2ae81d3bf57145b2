package com.recruitdesk.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.recruitdesk.server");

    @Test
    void jpaAndHibernateStayInThePersistencePackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.recruitdesk.server.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .because("entities never leave the persistence layer; the wire uses protocol records")
                .check(SERVER);
    }

    @Test
    void entitiesAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .because("stores hand out records, so an entity cannot be serialised or leak a lazy proxy")
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
