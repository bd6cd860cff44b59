package uk.orderwatch.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object from a service as the pages read it: a field the service left out reads as absent (null), as it
 * would in the JSON, rather than failing the page ({@code ${order.agencies.advocacy}} on an order without an
 * advocate). The pages' expressions look a field up only when the map says it holds it; this one says it holds
 * every field.
 */
public final class JsonObject extends LinkedHashMap<String, Object> {

    JsonObject(Map<?, ?> fields) {
        fields.forEach((k, v) -> put(String.valueOf(k), of(v)));
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    /** Every object inside a value made a {@link JsonObject}, lists included. */
    @SuppressWarnings("unchecked")
    public static <T> T of(Object value) {
        if (value instanceof Map<?, ?> map && !(value instanceof JsonObject)) {
            return (T) new JsonObject(map);
        }
        if (value instanceof List<?> list) {
            return (T) new java.util.ArrayList<>(list.stream().map(JsonObject::of).toList());
        }
        return (T) value;
    }
}
