package uk.orderwatch.breachreport;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.CaseAccess;
import uk.orderwatch.support.security.Role;

/**
 * Every endpoint of breach-report is about one order: the caller must be of a role that may do the thing (403
 * otherwise) and of an agency assigned to the order ({@link CaseAccess}; 404 otherwise, as for an unknown order).
 * Then the read or change is audited, before it happens.
 */
@Component
public class CaseGuard {

    private static final String ORDER = "order";

    private final OrderReadModel orders;
    private final AuditLog audit;

    public CaseGuard(OrderReadModel orders, AuditLog audit) {
        this.orders = orders;
        this.audit = audit;
    }

    /** The order, if the caller may see it: police, probation and advocates of its assigned agencies. */
    public KnownOrder read(String orderId, Caller caller) {
        KnownOrder known = visible(orderId, caller.require(Role.POLICE, Role.PROBATION, Role.ADVOCATE));
        audit.read(caller, ORDER, orderId);
        return known;
    }

    /** Before a change to the order's records by one of {@code roles}. */
    public KnownOrder change(String orderId, Caller caller, Role... roles) {
        KnownOrder known = visible(orderId, caller.require(roles));
        audit.change(caller, ORDER, orderId);
        return known;
    }

    /** Records of several orders shown at once (a practitioner's day). */
    public void readAll(Caller caller, List<String> orderIds) {
        if (!orderIds.isEmpty()) {
            audit.read(caller, ORDER, orderIds.stream().distinct().toList());
        }
    }

    private KnownOrder visible(String orderId, Caller caller) {
        KnownOrder known = orders.require(orderId);
        if (!CaseAccess.canSee(caller, known.order().agencies())) {
            throw OrderReadModel.notKnown(orderId);
        }
        return known;
    }
}
