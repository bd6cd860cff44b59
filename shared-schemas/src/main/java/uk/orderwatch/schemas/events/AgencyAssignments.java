package uk.orderwatch.schemas.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Who manages an order in each agency: the police force and officer in charge, the probation delivery unit and
 * practitioner, the advocacy service and caseworker. Probation and advocacy may be absent.
 *
 * @param advocates the advocates of the order's protected persons, each a person of the advocacy service (a person
 *                  may have their own); empty when none is named, and then the caseworker is the advocate
 */
public record AgencyAssignments(Assignment police, Assignment probation, Assignment advocacy,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> advocates) {

    public AgencyAssignments {
        advocates = advocates == null ? List.of() : List.copyOf(advocates);
    }

    /** Assignments without protected persons' own advocates. */
    public AgencyAssignments(Assignment police, Assignment probation, Assignment advocacy) {
        this(police, probation, advocacy, List.of());
    }

    /** The assignment of one kind of agency; null when none of that kind is involved. */
    public Assignment of(AgencyKind kind) {
        return switch (kind) {
            case POLICE -> police;
            case PROBATION -> probation;
            case ADVOCACY -> advocacy;
        };
    }

    /** The same assignments with the one of {@code kind} replaced. */
    public AgencyAssignments with(AgencyKind kind, Assignment assignment) {
        return new AgencyAssignments(kind == AgencyKind.POLICE ? assignment : police,
                kind == AgencyKind.PROBATION ? assignment : probation,
                kind == AgencyKind.ADVOCACY ? assignment : advocacy, advocates);
    }

    /** The same assignments with these protected persons' advocates. */
    public AgencyAssignments withAdvocates(List<String> personIds) {
        return new AgencyAssignments(police, probation, advocacy, personIds);
    }

    /**
     * Who is alerted as the advocate: each protected person's own advocate, or the caseworker when none is named;
     * empty when no advocacy service is involved.
     */
    public List<Assignment> advocatesToAlert() {
        if (advocacy == null) {
            return List.of();
        }
        return advocates.isEmpty() ? List.of(advocacy)
                : advocates.stream().map(p -> new Assignment(advocacy.agencyId(), p)).toList();
    }
}
