package uk.orderwatch.support.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text field of a request body is refused (400, naming the field) if it holds a control character other than
 * tab and line breaks, or a Unicode direction override (text that displays differently from what it is). Lengths are
 * checked per field by each request's {@code @Size}.
 */
public final class SafeText {

    /** Why a text field was refused, as the problem detail names it. */
    public static final String REASON = "contains a control character or a direction override";

    private SafeText() {
    }

    /** Whether a failure to read a request body is this module refusing a text. */
    public static boolean refused(Throwable failure) {
        return failure instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class;
    }

    /** Whether {@code text} may be stored and shown as it is. */
    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
            boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control || bidi) {
                return false;
            }
        }
        return true;
    }

    /** The Jackson module the services' JSON mapper uses for request bodies. */
    public static SimpleModule module() {
        return new SimpleModule("orderwatch-safe-text").addDeserializer(String.class, new Deserializer());
    }

    private static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            if (value != null && !isSafe(value)) {
                throw ctxt.weirdStringException(value, String.class, REASON);
            }
            return value;
        }
    }
}
