package uk.orderwatch.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import uk.orderwatch.testsupport.ArchitectureRules;

/**
 * The shape of the portal, as the build enforces it: the rules of every service ({@link ArchitectureRules}), and
 * pages that reach the services only through {@code api.ServiceApi}, which relays the user's token, so no page can
 * call a service some other way (the live relay opens its stream with the same user's token, in one place).
 */
class ArchitectureTest extends ArchitectureRules {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("uk.orderwatch.portal");

    ArchitectureTest() {
        super("uk.orderwatch.portal");
    }

    @Test
    void pagesCallTheServicesOnlyThroughTheTokenRelay() {
        noClasses().that().resideOutsideOfPackage("uk.orderwatch.portal.api..")
                .and().doNotHaveFullyQualifiedName("uk.orderwatch.portal.alerts.AlertRelay")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..",
                        "java.net.http..")
                .because("every call to a service carries the signed-in user's own token (ServiceApi)")
                .check(classes);
    }
}
