package uk.orderwatch.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The shape every service keeps, checked against its compiled production classes: feature packages without cycles,
 * Kafka only in {@code messaging}, controllers that leave storage to the classes that own it, settings read through
 * the service's settings record. Each service has a
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
    void settingsAreReadThroughTheServicesSettingsRecord() {
        codeUnits().should(new ArchCondition<JavaCodeUnit>("take no @Value parameter") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                unit.getParameters().stream().filter(p -> p.isAnnotatedWith(Value.class)).forEach(p -> events.add(
                        SimpleConditionEvent.violated(unit, unit.getFullName() + " reads a setting with @Value")));
            }
        }).because("a service's settings are one @ConfigurationProperties record, checked at start").check(classes);
        noFields().should().beAnnotatedWith(Value.class).allowEmptyShould(true).check(classes);
    }

    @Test
    void controllersDoNotTouchStorage() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..",
                        "com.mongodb..")
                .because("storage belongs to the services and read models behind the controllers")
                .allowEmptyShould(true).check(classes);
    }
}
