package uk.orderwatch.registry;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import uk.orderwatch.testsupport.ArchitectureRules;

/** The shape of this service, as the build enforces it (ArchitectureRules). */
class ArchitectureTest {

    static final String BASE = "uk.orderwatch.registry";
    static final JavaClasses CLASSES = ArchitectureRules.of(BASE);

    @Test
    void featurePackagesHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(BASE, CLASSES);
    }

    @Test
    void kafkaIsUsedOnlyInMessaging() {
        ArchitectureRules.kafkaOnlyInMessaging(CLASSES);
    }

    @Test
    void controllersDoNotTouchStorage() {
        ArchitectureRules.controllersDoNotTouchStorage(CLASSES);
    }
}
