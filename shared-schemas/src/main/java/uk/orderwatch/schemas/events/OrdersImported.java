package uk.orderwatch.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code orders.imported}: a force brought its existing orders into orderwatch. One summary instead of an alert per
 * order: each person assigned to any of them is told how many are theirs.
 *
 * @param orders    how many orders the import brought in
 * @param assignees each person assigned, with their role and how many of the orders
 */
public record OrdersImported(String importId, String force, int orders, List<Assignee> assignees,
                             Instant importedAt, Actor importedBy) {

    /** A person assigned to some of the imported orders. */
    public record Assignee(String agencyId, String personId, RecipientRole role, int orders) {
    }
}
