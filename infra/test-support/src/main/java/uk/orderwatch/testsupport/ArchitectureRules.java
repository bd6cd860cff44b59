package uk.orderwatch.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape every service keeps, checked against its compiled classes by a test in each service: feature packages
 * without cycles, Kafka only in {@code messaging}, controllers that leave storage to the classes that own it.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The production classes of one service, e.g. {@code uk.orderwatch.notification}. */
    public static JavaClasses of(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** No two feature packages depend on each other, directly or round about. */
    public static void noCyclesBetweenFeatures(String basePackage, JavaClasses classes) {
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Kafka and Spring Cloud Stream are used in {@code messaging} and nowhere else. */
    public static void kafkaOnlyInMessaging(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
                        "org.springframework.cloud.stream..", "org.springframework.kafka..")
                .because("Kafka adapters live in messaging/ (ARCHITECTURE.md)").check(classes);
    }

    /** A controller asks the class that owns the data; it never reaches into MongoDB itself. */
    public static void controllersDoNotTouchStorage(JavaClasses classes) {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..",
                        "com.mongodb..")
                .because("storage belongs to the services and read models behind the controllers").check(classes);
    }
}
