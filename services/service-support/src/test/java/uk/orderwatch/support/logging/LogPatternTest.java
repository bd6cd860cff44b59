package uk.orderwatch.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The services' log line pattern (orderwatch-defaults.yml): text from a request cannot start a line of its own. */
class LogPatternTest {

    @SuppressWarnings("unchecked")
    static String consolePattern() throws Exception {
        try (InputStream in = LogPatternTest.class.getResourceAsStream("/orderwatch-defaults.yml")) {
            for (Object document : new Yaml().loadAll(in)) {
                var logging = (Map<String, Object>) ((Map<String, Object>) document).get("logging");
                if (logging != null) {
                    return (String) ((Map<String, Object>) logging.get("pattern")).get("console");
                }
            }
        }
        throw new IllegalStateException("no logging.pattern.console");
    }

    static PatternLayout layout(LoggerContext context) throws Exception {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("wEx",
                org.springframework.boot.logging.logback.WhitespaceThrowableProxyConverter::new);
        layout.setPattern(consolePattern());
        layout.start();
        return layout;
    }

    @Test
    void lineBreaksAndControlCharactersInAMessageCannotForgeALogLine() throws Exception {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = layout(context);
        var event = new LoggingEvent("test", context.getLogger("orderwatch"), Level.WARN,
                "Order {} not found", null, new Object[] {"x\r\n2026-11-28 INFO forged\u2028line\u001b[0m"});
        event.setMDCPropertyMap(Map.of("traceId", "6b0d49fe52e7b0532a2d9a39faae2c53", "spanId", "2a2d9a39faae2c53"));

        String line = layout.doLayout(event);

        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r", "\u2028", "\u001b")
                .contains("Order x__2026-11-28 INFO forged_line_[0m not found");
    }

    @Test
    void eachLineNamesTheTraceAndSpanItWasWrittenIn() throws Exception {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = layout(context);
        var traced = new LoggingEvent("test", context.getLogger("orderwatch"), Level.INFO, "traced", null, null);
        traced.setMDCPropertyMap(Map.of("traceId", "6b0d49fe52e7b0532a2d9a39faae2c53", "spanId", "2a2d9a39faae2c53"));
        var untraced = new LoggingEvent("test", context.getLogger("orderwatch"), Level.INFO, "untraced", null, null);
        untraced.setMDCPropertyMap(Map.of());

        assertThat(layout.doLayout(traced)).contains(" [6b0d49fe52e7b0532a2d9a39faae2c53,2a2d9a39faae2c53] orderwatch");
        assertThat(layout.doLayout(untraced)).contains(" [,] orderwatch");
    }
}
