package uk.orderwatch.notification.duty;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import uk.orderwatch.schemas.events.Recipient;

/**
 * How an alert nobody takes on walks on: its steps in order, each notifying someone and waiting for them to
 * acknowledge, the whole repeated {@code repeat} times more. The first step is the person the alert was raised for;
 * the last must reach a human at every hour of the week (the agency's 24/7 fallback, or a rota with nobody missing).
 * When the last step's wait passes too, or no channel reaches it, the policy is exhausted: {@code alert.failed}, and
 * the fallback and the agency's supervisors are told.
 */
public record EscalationPolicy(List<Step> steps, int repeat) {

    public EscalationPolicy {
        steps = List.copyOf(steps);
    }

    /** Who a step notifies. */
    public enum Notify {
        /** the person the alert was raised for (the one assigned, or on duty when nobody is) */
        ASSIGNED,
        /** whoever is on duty on {@code rotaId} then; a step with nobody on duty is passed over */
        ON_DUTY,
        /** one named person of the agency, {@code personId} */
        PERSON,
        /** several named people of the agency at once, {@code personIds}: the first to acknowledge stops the walk */
        GROUP,
        /** the agency's 24/7 fallback (its control room or duty post) */
        FALLBACK
    }

    /**
     * One step: whom it notifies, and how long they have to acknowledge before the next (shown in whole minutes,
     * {@code waitMinutes}, as the API takes it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "EscalationStep")
    public record Step(Notify who, String rotaId, String personId, List<String> personIds,
                       @JsonIgnore Duration acknowledgeWithin) {

        @JsonProperty("waitMinutes")
        public long waitMinutes() {
            return acknowledgeWithin.toMinutes();
        }

        public static Step of(Notify who, Duration acknowledgeWithin) {
            return new Step(who, null, null, null, acknowledgeWithin);
        }
    }

    /** The policy an agency has until it records its own: the assigned person, then the fallback. */
    public static EscalationPolicy standard(Duration wait) {
        return new EscalationPolicy(List.of(Step.of(Notify.ASSIGNED, wait), Step.of(Notify.FALLBACK, wait)), 0);
    }

    /** The steps as they are walked, the repeats written out: level n of an alert's escalation is walk().get(n). */
    public List<Step> walk() {
        List<Step> walk = new ArrayList<>();
        for (int i = 0; i <= repeat; i++) {
            walk.addAll(steps);
        }
        return walk;
    }

    /** A step taken: its level in the walk, whom it reaches (one person, or a group), how long they have. */
    public record Taken(int level, List<Recipient> to, Duration acknowledgeWithin) {
    }

    /**
     * The step after {@code level} that reaches someone, {@code reach} saying whom each step reaches now: a rota with
     * nobody on duty is passed over, and so is a step that would alert again only {@code lastPersonId}, the person
     * who just did not answer, unless it is the last step (a group goes on without them). Empty when the policy is
     * exhausted.
     */
    public Optional<Taken> after(int level, Function<Step, List<Recipient>> reach, String lastPersonId) {
        var walk = walk();
        for (int next = level + 1; next < walk.size(); next++) {
            var step = walk.get(next);
            boolean last = next == walk.size() - 1;
            var to = reach.apply(step).stream().filter(r -> last || !r.personId().equals(lastPersonId)).toList();
            if (!to.isEmpty()) {
                return Optional.of(new Taken(next, to, step.acknowledgeWithin()));
            }
        }
        return Optional.empty();
    }

    /** The last step: who must be reachable at every hour. */
    public Step last() {
        return steps.get(steps.size() - 1);
    }
}
