package uk.orderwatch.portal.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import uk.orderwatch.schemas.events.ConditionCategory;

/**
 * Plain words for the codes the services send ({@code ${@labels.of('status', order.status)}}): from
 * messages.properties, and for a condition from the event contract's own label. A code without words is shown as
 * it is rather than hidden.
 */
@Component("labels")
public class Labels {

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String kind, Object code) {
        if (code == null) {
            return "";
        }
        return messages.getMessage(kind + "." + code, null, String.valueOf(code), Locale.UK);
    }

    public String condition(Object category) {
        if (category == null) {
            return "";
        }
        try {
            return ConditionCategory.valueOf(category.toString()).label();
        } catch (IllegalArgumentException e) {
            return category.toString();
        }
    }

    /** Every condition category, code to words, for a select. */
    public java.util.Map<String, String> conditions() {
        var all = new java.util.LinkedHashMap<String, String>();
        for (ConditionCategory c : ConditionCategory.values()) {
            all.put(c.name(), c.label());
        }
        return all;
    }

    /** Codes of one kind to words, for radios and selects, e.g. {@code options('type', 'SPO', 'DAPO')}. */
    public java.util.Map<String, String> options(String kind, String... codes) {
        var all = new java.util.LinkedHashMap<String, String>();
        for (String code : codes) {
            all.put(code, of(kind, code));
        }
        return all;
    }
}
