package com.recruitdesk.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ProtocolArchitectureTest {
    private final JavaClasses protocol = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.recruitdesk.protocol");

    @Test
    void protocolDoesNoIo() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..", "javax.sql..", "okhttp3..")
                .because("protocol is the wire contract only; both ends do their own I/O")
                .check(protocol);
    }

    @Test
    void protocolKnowsNeitherEnd() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.recruitdesk.server..", "com.recruitdesk.app..")
                .because("the app and the server meet only in protocol")
                .check(protocol);
    }
}
