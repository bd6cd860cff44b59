package uk.orderwatch.breachreport.breaches;

import java.time.Instant;
import uk.orderwatch.schemas.events.BreachOutcomeStep;
import uk.orderwatch.support.web.Problem;

/** The rules of a breach's life after its report, each refused with its name before anything is stored. */
final class BreachRules {

    private BreachRules() {
    }

    static void checkOutcome(BreachDocument breach, RecordOutcomeRequest r, Instant now) {
        var steps = breach.outcomesSoFar();
        var last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last != null && last.step().terminal()) {
            throw Problem.conflict("breach-closed", "breach " + breach.breachId() + " ended with " + last.step()
                    + ": nothing follows it");
        }
        if (r.at().isAfter(now)) {
            throw Problem.rule("step-in-future", "at", "record a step once it happened");
        }
        if (r.at().isBefore(breach.occurredAt())) {
            throw Problem.rule("step-before-breach", "at", "the breach happened at " + breach.occurredAt());
        }
        if (last != null && r.at().isBefore(last.at())) {
            throw Problem.rule("step-before-previous", "at", "the previous step, " + last.step() + ", was at "
                    + last.at());
        }
        if (r.step().verdict() && steps.stream().noneMatch(o -> o.step() == BreachOutcomeStep.CHARGED)) {
            throw Problem.rule("verdict-after-charge", "step", "a court decides a breach only after a charge");
        }
        boolean nfa = r.step() == BreachOutcomeStep.NO_FURTHER_ACTION;
        if (nfa && r.noFurtherActionReason() == null) {
            throw Problem.rule("no-further-action-reason", "noFurtherActionReason",
                    "say why no further action is taken");
        }
        if (!nfa && r.noFurtherActionReason() != null) {
            throw Problem.rule("no-further-action-reason", "noFurtherActionReason",
                    "only a NO_FURTHER_ACTION step has a reason");
        }
    }
}
