package uk.orderwatch.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Four ways a Thymeleaf template silently does something else than it says, each met once while building the
 * portal and ruled out here for every template.
 */
class TemplateRulesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>", Pattern.DOTALL);
    private static final Pattern FRAGMENT = Pattern.compile("th:fragment=\"([a-zA-Z-]+)");
    private static final Pattern TH_VALUE = Pattern.compile("th:[a-z]+=\"([^\"]*)\"");
    private static final Set<String> HTML_ELEMENTS = Set.of("a", "button", "dd", "div", "dl", "dt", "fieldset",
            "form", "input", "label", "legend", "li", "nav", "ol", "option", "p", "section", "select", "span",
            "strong", "table", "td", "textarea", "th", "tr", "ul", "time", "main", "header", "footer", "title");

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    /** Every th:* attribute, in every template, whose value {@code wrong} finds something in. */
    static List<String> expressions(Pattern wrong) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            Matcher value = TH_VALUE.matcher(Files.readString(template));
            while (value.find()) {
                if (wrong.matcher(value.group(1)).find()) {
                    found.add(template + ": " + value.group());
                }
            }
        }
        return found;
    }

    @Test
    void aConditionOrLoopIsNeverOnTheElementAFragmentReplaces() throws IOException {
        // th:replace is applied before th:if, th:unless and th:each on the same element, which are then ignored
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            Matcher tag = TAG.matcher(Files.readString(template));
            while (tag.find()) {
                String t = tag.group();
                if ((t.contains("th:replace") || t.contains("th:insert"))
                        && (t.contains("th:if") || t.contains("th:unless") || t.contains("th:each"))) {
                    found.add(template + ": " + t.replaceAll("\\s+", " "));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noFragmentIsNamedLikeAnHtmlElement() throws IOException {
        // "~{file :: input(...)}" would also select every <input> of the file
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            Matcher fragment = FRAGMENT.matcher(Files.readString(template));
            while (fragment.find()) {
                if (HTML_ELEMENTS.contains(fragment.group(1))) {
                    found.add(template + ": " + fragment.group(1));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noMapIsIndexedWithABareName() throws IOException {
        // in Spring's expression language map[name] looks up the key "name", not the variable: use map.get(name)
        assertThat(expressions(Pattern.compile("[\\w)\\]]\\[[a-zA-Z_][a-zA-Z0-9_]*]"))).isEmpty();
    }

    @Test
    void noExpressionHoldsAnUnescapedDoubleUnderscore() throws IOException {
        // __...__ is Thymeleaf's preprocessing: a BEM class such as govuk-x__y inside an expression breaks it
        assertThat(expressions(Pattern.compile("__"))).isEmpty();
    }
}
