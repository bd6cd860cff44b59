package uk.orderwatch.notification.duty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Severity;

/**
 * An agency's duty arrangements: its rotas and its escalation policies, kept in one document so that a policy never
 * names a rota that is gone or has hours nobody covers. {@code version} guards every change.
 *
 * @param unassignedRotaId the rota whose person on duty takes an alert for a role the order assigns nobody to (the
 *                         fallback when nobody is on it); null: the fallback takes it
 * @param policy           the escalation policy of MEDIUM alerts, and of HIGH ones when {@code highPriority} is null
 * @param highPriority     the policy of HIGH alerts, when they walk a shorter one
 */
@Document(AgencyDuty.COLLECTION)
public record AgencyDuty(@Id String agencyId, long version, Map<String, Rota> rotas, String unassignedRotaId,
                         EscalationPolicy policy, EscalationPolicy highPriority) {

    public static final String COLLECTION = "duty";
    /** What the audit log calls an agency's rotas and policies. */
    public static final String AUDIT_RESOURCE = "duty";

    public AgencyDuty {
        rotas = rotas == null ? Map.of() : new LinkedHashMap<>(rotas);
    }

    public Optional<Rota> rota(String rotaId) {
        return Optional.ofNullable(rotaId == null ? null : rotas.get(rotaId));
    }

    /** The policy alerts of {@code priority} walk; null when none is recorded (the standard one applies). */
    public EscalationPolicy policyFor(Severity priority) {
        return priority == Severity.HIGH && highPriority != null ? highPriority : policy;
    }

    AgencyDuty withRota(String rotaId, Rota rota) {
        var changed = new LinkedHashMap<>(rotas);
        if (rota == null) {
            changed.remove(rotaId);
        } else {
            changed.put(rotaId, rota);
        }
        return new AgencyDuty(agencyId, version + 1, changed, unassignedRotaId, policy, highPriority);
    }

    AgencyDuty withPolicies(String unassigned, EscalationPolicy policy, EscalationPolicy high) {
        return new AgencyDuty(agencyId, version + 1, rotas, unassigned, policy, high);
    }
}
