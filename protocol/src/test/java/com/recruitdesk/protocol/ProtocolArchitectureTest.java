package com.recruitdesk.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.recruitdesk.protocol.sync.MutationTypes;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

    /**
     * Feature contracts depend on the sync records, never the other way. The one exception is the
     * registry {@link MutationTypes}, which lists every feature's {@code ALL}: it is the protocol's
     * composition root, kept in {@code sync} because both ends import it from there.
     */
    @Test
    void protocolPackagesAreFreeOfCycles() {
        slices().matching("com.recruitdesk.protocol.(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        JavaClass.Predicates.equivalentTo(MutationTypes.class), DescribedPredicate.alwaysTrue())
                .because("each feature's contract depends on the shared sync records, never the other way")
                .check(protocol);
    }

    @Test
    void onlyTheRegistryOfMutationsNamesTheFeatures() {
        noClasses()
                .that()
                .resideInAPackage("com.recruitdesk.protocol.sync..")
                .and()
                .doNotBelongToAnyOf(MutationTypes.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.recruitdesk.protocol.conversations..",
                        "com.recruitdesk.protocol.pipelines..",
                        "com.recruitdesk.protocol.whatsapp..")
                .because("generic sync code never names a feature (STYLE.md: a feature's shape)")
                .check(protocol);
    }
}
