package uk.orderwatch.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.notification.duty.Rota;
import uk.orderwatch.schemas.events.Severity;

/**
 * How one person (or, as defaults, everyone of an agency) is reached: for each priority, their channels in order,
 * each tried a number of minutes after the alert was raised, and quiet hours that only HIGH alerts ignore. The inbox
 * and the live stream are always at once. A channel with no wait is tried at once unless an earlier one already
 * reached the person; a channel with a wait is tried when it has passed if nobody has acknowledged the alert by
 * then, whether or not an earlier channel reached them: that is what the wait is for.
 *
 * @param id         {@code agencyId/personId}, or {@code agencyId/} for the agency's defaults
 * @param byPriority the channels of each priority, in order; a priority not given uses the standard order
 * @param quietHours when non-HIGH alerts wait to be sent beyond the inbox (null: none)
 */
@Document(NotificationRules.COLLECTION)
public record NotificationRules(@Id String id, long version, Map<Severity, List<Step>> byPriority,
                                QuietHours quietHours) {

    public static final String COLLECTION = "notification-rules";
    /** Every channel at once, in the order email, SMS, the agency's webhook: what applies when nobody chose. */
    public static final List<Step> STANDARD = List.of(new Step(ChannelType.EMAIL, 0), new Step(ChannelType.SMS, 0),
            new Step(ChannelType.WEBHOOK, 0));

    /** One channel and how many minutes after the alert was raised it is tried. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "NotificationStep")
    public record Step(ChannelType channel, int afterMinutes) {

        boolean chained() {
            return afterMinutes > 0;
        }
    }

    /** From {@code from} to {@code to} every day, on the wall clock; past midnight when {@code to} is not after it. */
    public record QuietHours(LocalTime from, LocalTime to) {

        boolean include(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }

        /** {@code at}, or the end of the quiet hours it falls in. */
        Instant after(Instant at) {
            LocalDateTime local = LocalDateTime.ofInstant(at, Rota.ZONE);
            if (!include(local.toLocalTime())) {
                return at;
            }
            LocalDateTime end = local.toLocalDate().atTime(to);
            if (!end.isAfter(local)) {
                end = end.plusDays(1);
            }
            return end.atZone(Rota.ZONE).toInstant();
        }
    }

    public static String idOf(String agencyId, String personId) {
        return agencyId + "/" + (personId == null ? "" : personId);
    }

    /** The channels of {@code priority}, in order. */
    public List<Step> plan(Severity priority) {
        var steps = byPriority == null ? null : byPriority.get(priority);
        return steps == null ? STANDARD : steps;
    }

    /** When a step of an alert of {@code priority} raised at {@code raisedAt} is first tried. */
    Instant startOf(Step step, Severity priority, Instant raisedAt) {
        Instant start = raisedAt.plus(Duration.ofMinutes(step.afterMinutes()));
        return quietHours == null || priority == Severity.HIGH ? start : quietHours.after(start);
    }

    /** What applies to someone who chose nothing and whose agency set no defaults. */
    public static NotificationRules standard() {
        return new NotificationRules(null, 0, Map.of(), null);
    }
}
