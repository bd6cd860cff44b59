package uk.orderwatch.portal.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The agency directory as the pages use it: people and agencies by name rather than by id ("Priya Shah, Probation
 * practitioner" rather than {@code demo-practitioner}).
 */
@Component
public class Directory {

    private final ServiceApi api;

    public Directory(ServiceApi api) {
        this.api = api;
    }

    public List<Map<String, Object>> agencies() {
        return api.getList(Service.NOTIFICATION, uri -> uri.path("/directory/agencies").build());
    }

    /**
     * For each kind of agency, its people as a form offers them: "agencyId/personId" to "Name, job title
     * (agency)", agencies by name.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, String>> peopleByKind() {
        Map<String, Map<String, String>> byKind = new HashMap<>();
        agencies().stream().sorted(java.util.Comparator.comparing(a -> String.valueOf(a.get("name"))))
                .forEach(a -> ((List<Map<String, Object>>) a.getOrDefault("people", List.of())).forEach(p ->
                        byKind.computeIfAbsent(String.valueOf(a.get("kind")), k -> new java.util.LinkedHashMap<>())
                                .put(a.get("agencyId") + "/" + p.get("personId"), p.get("name") + ", "
                                        + p.get("jobTitle") + " (" + a.get("name") + ")")));
        return byKind;
    }

    /** The people of one agency as a form offers them: person id to "Name, job title", in the directory's order. */
    @SuppressWarnings("unchecked")
    public Map<String, String> people(String agencyId) {
        Map<String, String> people = new java.util.LinkedHashMap<>();
        agencies().stream().filter(a -> agencyId.equals(a.get("agencyId"))).findFirst().ifPresent(a ->
                ((List<Map<String, Object>>) a.getOrDefault("people", List.of())).forEach(p -> people.put(
                        String.valueOf(p.get("personId")), p.get("name") + ", " + p.get("jobTitle"))));
        return people;
    }

    /** Person id and agency id to a name people recognise; an id the directory does not know maps to itself. */
    @SuppressWarnings("unchecked")
    public Map<String, String> names() {
        Map<String, String> names = new HashMap<>() {
            @Override
            public String get(Object key) {
                String name = super.get(key);
                return name != null ? name : key == null ? null : String.valueOf(key);
            }

            @Override
            public boolean containsKey(Object key) {
                return true;
            }
        };
        for (var agency : agencies()) {
            names.put(String.valueOf(agency.get("agencyId")), String.valueOf(agency.get("name")));
            for (var person : (List<Map<String, Object>>) agency.getOrDefault("people", List.of())) {
                names.put(String.valueOf(person.get("personId")), person.get("name") + ", " + person.get("jobTitle"));
            }
        }
        return names;
    }
}
