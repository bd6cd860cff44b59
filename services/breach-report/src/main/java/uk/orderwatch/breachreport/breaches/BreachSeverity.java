package uk.orderwatch.breachreport.breaches;

import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.Severity;

/** How serious a breach is, by the condition breached. The one place this rule lives. */
public final class BreachSeverity {

    private BreachSeverity() {
    }

    /** Contact and approach prohibitions put the victim at immediate risk: HIGH. Every other breach: MEDIUM. */
    public static Severity of(ConditionCategory breached) {
        return switch (breached) {
            case NO_CONTACT, NO_APPROACH, EXCLUSION_ZONE -> Severity.HIGH;
            case OTHER_PROHIBITION, PROGRAMME, SIGN_ON, ASSESSMENT -> Severity.MEDIUM;
        };
    }
}
