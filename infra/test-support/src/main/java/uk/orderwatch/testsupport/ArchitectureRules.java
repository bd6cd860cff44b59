package uk.orderwatch.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape every service keeps, checked against its compiled production classes: feature packages without cycles,
 * Kafka only in {@code messaging}, controllers that leave storage to the classes that own it. Each service has a
 * test class that extends this one and names its base package.
 */
public abstract class ArchitectureRules {

    private final String basePackage;
    private final JavaClasses classes;

    protected ArchitectureRules(String basePackage) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void kafkaIsUsedOnlyInMessaging() {
        noClasses().that().resideOutsideOfPackage("..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
                        "org.springframework.cloud.stream..", "org.springframework.kafka..")
                .because("Kafka adapters live in messaging/").check(classes);
    }

    @Test
    void controllersDoNotTouchStorage() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..",
                        "com.mongodb..")
                .because("storage belongs to the services and read models behind the controllers").check(classes);
    }
}
