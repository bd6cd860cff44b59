package uk.orderwatch.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header rule, checked by a loop, says what Spring Security's regular expression says. */
class FirewallRuleTest {

    private static final Pattern SPRING_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void theLoopAgreesWithTheRegularExpression() {
        List<String> samples = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "text/event-stream",
                "tab\there", "new\nline", "nul\0", "del\u007f", "c1\u0085", "caf\u00e9", "emoji \uD83D\uDE00",
                "unassigned \u0378", "lone surrogate \uD800", "right-to-left \u202e", "zero width \u200b");
        for (String s : samples) {
            assertThat(SecurityConfiguration.assignedAndNotControl(s)).as(s)
                    .isEqualTo(SPRING_RULE.matcher(s).matches());
        }
        for (int c = 0; c < 0x3000; c++) {
            String s = "x" + (char) c;
            assertThat(SecurityConfiguration.assignedAndNotControl(s)).as("U+%04X", c)
                    .isEqualTo(SPRING_RULE.matcher(s).matches());
        }
    }
}
