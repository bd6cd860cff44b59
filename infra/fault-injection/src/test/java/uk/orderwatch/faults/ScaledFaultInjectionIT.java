package uk.orderwatch.faults;

import java.util.List;

/** The CI-sized run of the scenarios with two instances of each service behind the entry points (ADR 21). */
class ScaledFaultInjectionIT extends FaultInjectionIT {

    @Override
    int instances() {
        return 2;
    }

    @Override
    List<Scenario> scenarios() {
        return Scenario.scaled().stream().filter(Scenario::ciSized).toList();
    }
}
