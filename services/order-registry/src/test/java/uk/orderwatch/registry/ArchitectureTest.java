package uk.orderwatch.registry;

import uk.orderwatch.testsupport.ArchitectureRules;

/** The shape of this service, as the build enforces it: see {@link ArchitectureRules}. */
class ArchitectureTest extends ArchitectureRules {

    ArchitectureTest() {
        super("uk.orderwatch.registry");
    }
}
