package uk.orderwatch.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class SafeTextTest {

    record Note(String text) {
    }

    final JsonMapper json = JsonMapper.builder().addModule(SafeText.module()).build();

    @Test
    void ordinaryTextWithLineBreaksAndTabsIsAccepted() {
        assertThat(json.readValue("{\"text\":\"Seen at 9pm.\\n\\tNear the café — twice\"}", Note.class).text())
                .contains("café");
    }

    @Test
    void controlCharactersAndDirectionOverridesAreRefusedNamingTheField() {
        for (String bad : new String[] {"a\\u0000b", "fake\\u001b[31mred", "x\\u007f", "abc\\u202egnp.exe",
                "a\\u2066b"}) {
            assertThatThrownBy(() -> json.readValue("{\"text\":\"" + bad + "\"}", Note.class))
                    .as(bad).isInstanceOf(DatabindException.class).hasMessageContaining("control character")
                    .satisfies(e -> assertThat(((DatabindException) e).getPath().get(0).getPropertyName())
                            .isEqualTo("text"));
        }
    }
}
