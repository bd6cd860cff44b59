package uk.orderwatch.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    final Formats fmt = new Formats();

    @Test
    void aDeadlineAtMidnightIsTheEndOfTheDayBeforeItInUkTime() {
        assertThat(fmt.deadline("2026-11-26T00:00:00Z")).isEqualTo("the end of 25 November 2026");
        // midnight in summer time is 23:00 UTC the evening before
        assertThat(fmt.deadline("2026-07-08T23:00:00Z")).isEqualTo("the end of 8 July 2026");
        assertThat(fmt.deadline("2026-11-26T09:30:00Z")).isEqualTo("26 November 2026 at 9:30am");
        assertThat(fmt.deadline(null)).isEmpty();
    }
}
