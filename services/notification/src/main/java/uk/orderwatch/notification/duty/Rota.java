package uk.orderwatch.notification.duty;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.orderwatch.schemas.events.Court;

/**
 * A duty rota of one agency: who is on duty at any moment. Its layers are rotations, in order of precedence (the first
 * whose hours include the moment decides); covers (leave, sickness, swaps) take precedence over the layers while they
 * last. Everything is counted on the wall clock of England and Wales: a turn that hands over at 08:00 hands over at
 * 08:00 on both sides of a clock change, so the turn that spans it is an hour shorter or longer.
 *
 * @param name   what the agency calls it, e.g. "Duty officers"
 * @param layers the rotations, first decides
 * @param covers who covers for whom, and when
 */
public record Rota(String name, List<Layer> layers, List<Cover> covers) {

    public static final ZoneId ZONE = Court.ZONE;
    private static final int WEEK_MINUTES = 7 * 24 * 60;

    public Rota {
        layers = List.copyOf(layers);
        covers = covers == null ? List.of() : List.copyOf(covers);
    }

    /**
     * A rotation: its members take turns of {@code turnLength}, the first starting at {@code handoverAt} (wall clock),
     * and are on duty only within its hours ({@code hours} empty: at every hour).
     */
    public record Layer(String name, List<String> members, LocalDateTime handoverAt, @JsonIgnore Duration turnLength,
                        List<Hours> hours) {

        /** The turn in whole hours, as the API takes it. */
        @JsonProperty("turnHours")
        public long turnHours() {
            return turnLength.toHours();
        }

        public Layer {
            members = List.copyOf(members);
            hours = hours == null ? List.of() : List.copyOf(hours);
        }

        boolean covers(LocalDateTime local) {
            return hours.isEmpty() || hours.stream().anyMatch(h -> h.include(local));
        }

        /** Whose turn it is at {@code local}, whether or not the layer's hours include it. */
        String memberAt(LocalDateTime local) {
            long minutes = Duration.between(handoverAt, local).toMinutes();
            long turn = Math.floorDiv(minutes, turnLength.toMinutes());
            return members.get((int) Math.floorMod(turn, (long) members.size()));
        }
    }

    /**
     * Hours of the week a layer is on duty: from {@code from} to {@code to} on each of {@code days}; when {@code to} is
     * not after {@code from} the hours run past midnight into the next day (18:00 to 08:00; 08:00 to 08:00 is a whole
     * day).
     */
    public record Hours(List<DayOfWeek> days, LocalTime from, LocalTime to) {

        public Hours {
            days = List.copyOf(days);
        }

        boolean include(LocalDateTime local) {
            LocalTime time = local.toLocalTime();
            DayOfWeek day = local.getDayOfWeek();
            if (from.isBefore(to)) {
                return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
            }
            return days.contains(day) && !time.isBefore(from) || days.contains(day.minus(1)) && time.isBefore(to);
        }
    }

    /**
     * Someone covering from {@code from} until {@code to}: for {@code replaces} only, when their turn falls then, or
     * for the whole rota when {@code replaces} is null.
     */
    public record Cover(String coverId, String personId, String replaces, Instant from, Instant to, CoverReason reason,
                        String recordedBy, Instant recordedAt) {

        boolean during(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    /** Why someone covers; SHIFT: a shift imported from the agency's rostering system (iCalendar). */
    public enum CoverReason { LEAVE, SICKNESS, SWAP, OTHER, SHIFT }

    /** Who is on duty, and why: the layer's name, or the cover's id. */
    public record OnDuty(String personId, String layer, String coverId) {
    }

    /** Who is on duty at {@code at}; empty when it falls outside every layer's hours and no cover takes it. */
    public Optional<OnDuty> onDutyAt(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, ZONE);
        var latestFirst = covers.stream().filter(c -> c.during(at))
                .sorted(Comparator.comparing(Cover::recordedAt).reversed()).toList();
        for (Cover c : latestFirst) {
            if (c.replaces() == null) {
                return Optional.of(new OnDuty(c.personId(), null, c.coverId()));
            }
        }
        for (Layer layer : layers) {
            if (layer.covers(local)) {
                String member = layer.memberAt(local);
                return Optional.of(latestFirst.stream().filter(c -> member.equals(c.replaces())).findFirst()
                        .map(c -> new OnDuty(c.personId(), layer.name(), c.coverId()))
                        .orElse(new OnDuty(member, layer.name(), null)));
            }
        }
        return Optional.empty();
    }

    /**
     * The hours of a week no layer covers, as a person reads them ("Sat 00:00 to Mon 08:00"); empty when someone is
     * on duty at every hour. Covers are left out: they end.
     */
    public List<String> uncoveredHours() {
        boolean[] covered = new boolean[WEEK_MINUTES];
        // the week of Monday 5 January 2026, a week without a clock change: the layers' hours are wall-clock hours
        LocalDateTime monday = LocalDateTime.of(2026, 1, 5, 0, 0);
        for (int m = 0; m < WEEK_MINUTES; m++) {
            LocalDateTime t = monday.plusMinutes(m);
            covered[m] = layers.stream().anyMatch(l -> !l.members().isEmpty() && l.covers(t));
        }
        return gaps(covered, monday);
    }

    private static List<String> gaps(boolean[] covered, LocalDateTime monday) {
        List<String> gaps = new ArrayList<>();
        int start = -1;
        for (int m = 0; m < WEEK_MINUTES; m++) {
            if (!covered[m] && start < 0) {
                start = m;
            }
            if (covered[m] && start >= 0) {
                gaps.add(range(monday, start, m));
                start = -1;
            }
        }
        if (start == 0) {
            return List.of("every hour of the week");
        }
        if (start > 0) {
            // a gap running into Sunday midnight continues with the one from Monday 00:00, if any
            if (!gaps.isEmpty() && !covered[0]) {
                int firstEnd = 0;
                while (!covered[firstEnd]) {
                    firstEnd++;
                }
                gaps.remove(0);
                gaps.add(range(monday, start, WEEK_MINUTES + firstEnd));
            } else {
                gaps.add(range(monday, start, WEEK_MINUTES));
            }
        }
        return gaps;
    }

    private static String range(LocalDateTime monday, int from, int to) {
        return at(monday.plusMinutes(from)) + " to " + at(monday.plusMinutes(to));
    }

    private static String at(LocalDateTime t) {
        return t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + t.toLocalTime();
    }
}
