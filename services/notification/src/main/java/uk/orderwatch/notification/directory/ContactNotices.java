package uk.orderwatch.notification.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import uk.orderwatch.notification.directory.DirectoryChange.Channel;

/**
 * Who is told that where an agency's alerts go has changed, and in what words: the old and the new email address and
 * mobile of each person whose contacts change (and of people added or removed), and, when the webhook or the
 * escalation chain changes, everyone of the agency with an email. One message per address, each saying who proposed
 * and who approved the change, so a redirection nobody expected is noticed by the person it was taken from.
 */
final class ContactNotices {

    private ContactNotices() {
    }

    /** The notices of a change from {@code before} to {@code after}, to be sent once it is approved. */
    static List<DirectoryChange.Notice> of(AgencyDocument before, DirectoryService.Content after) {
        Map<String, AgencyDocument.Person> then = new LinkedHashMap<>();
        before.people().forEach(p -> then.put(p.personId(), p));
        Map<String, AgencyDocument.Person> now = new LinkedHashMap<>();
        after.people().forEach(p -> now.put(p.personId(), p));
        var everyone = new LinkedHashMap<>(then);
        everyone.putAll(now);
        String agency = after.name();

        Map<String, Draft> drafts = new LinkedHashMap<>();
        everyone.forEach((id, person) -> {
            var old = then.get(id);
            var current = now.get(id);
            String oldEmail = old == null ? null : old.email();
            String newEmail = current == null ? null : current.email();
            if (!Objects.equals(oldEmail, newEmail)) {
                if (oldEmail != null) {
                    draft(drafts, Channel.EMAIL, id, oldEmail, person.name()).lines.add("orderwatch alerts for "
                            + person.name() + " at " + agency + " will no longer be sent to this address; they go to "
                            + (newEmail == null ? "no email address" : newEmail) + " instead.");
                }
                if (newEmail != null) {
                    draft(drafts, Channel.EMAIL, id, newEmail, person.name()).lines.add("orderwatch alerts for "
                            + person.name() + " at " + agency + " will now be sent to this address"
                            + (oldEmail == null ? "." : " instead of " + oldEmail + "."));
                }
            }
            String oldMobile = old == null ? null : old.mobile();
            String newMobile = current == null ? null : current.mobile();
            if (!Objects.equals(oldMobile, newMobile)) {
                if (oldMobile != null) {
                    draft(drafts, Channel.SMS, id, oldMobile, person.name()).lines.add("alerts for "
                            + person.name() + " at " + agency + " no longer come to this number.");
                }
                if (newMobile != null) {
                    draft(drafts, Channel.SMS, id, newMobile, person.name()).lines.add("alerts for "
                            + person.name() + " at " + agency + " now come to this number.");
                }
            }
        });
        List<String> routes = new ArrayList<>();
        var oldHook = before.webhook() == null ? null : before.webhook().url();
        var newHook = after.webhook() == null ? null : after.webhook().url();
        if (!Objects.equals(oldHook, newHook)) {
            routes.add("The agency's webhook changed from " + (oldHook == null ? "none" : oldHook) + " to "
                    + (newHook == null ? "none" : newHook) + ".");
        } else if (before.webhook() != null && !before.webhook().secret().equals(after.webhook().secret())) {
            routes.add("The agency's webhook secret was replaced.");
        }
        if (!Objects.equals(before.fallbackPersonId(), after.fallbackPersonId())) {
            routes.add("The agency's 24/7 fallback changed from " + before.fallbackPersonId() + " to "
                    + after.fallbackPersonId() + ".");
        }
        if (!routes.isEmpty()) {
            everyone.forEach((id, person) -> {
                var current = now.getOrDefault(id, person);
                if (current.email() != null) {
                    draft(drafts, Channel.EMAIL, id, current.email(), person.name()).lines.addAll(routes);
                }
            });
        }
        return drafts.values().stream().map(d -> d.notice(agency)).toList();
    }

    private static Draft draft(Map<String, Draft> drafts, Channel channel, String personId, String address,
                               String name) {
        return drafts.computeIfAbsent(channel + " " + address, k -> new Draft(channel, personId, address, name));
    }

    private static final class Draft {
        final Channel channel;
        final String personId;
        final String address;
        final String name;
        final List<String> lines = new ArrayList<>();

        Draft(Channel channel, String personId, String address, String name) {
            this.channel = channel;
            this.personId = personId;
            this.address = address;
            this.name = name;
        }

        DirectoryChange.Notice notice(String agency) {
            String text = channel == Channel.SMS ? "orderwatch: " + String.join(" ", lines)
                    : "Dear " + name + ",\n\n" + String.join("\n", lines) + "\n";
            return new DirectoryChange.Notice(UUID.randomUUID().toString(), channel, personId, address,
                    "[orderwatch] Where alerts for " + agency + " go has changed", text, null, null);
        }
    }
}
