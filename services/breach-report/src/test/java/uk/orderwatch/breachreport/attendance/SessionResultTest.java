package uk.orderwatch.breachreport.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.orderwatch.support.web.Problem;

/**
 * Every combination of "did the session happen", attendance and the reason it did not happen (2 x 4 x 4), with what
 * it means for compliance or the field that is refused, written out row by row.
 */
class SessionResultTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(true, Attendance.YES, null, SessionResult.ATTENDED),
                Arguments.of(true, Attendance.LATE, null, SessionResult.ATTENDED),
                Arguments.of(true, Attendance.NO, null, SessionResult.MISSED),
                Arguments.of(false, null, NoSessionReason.POP_UNACCEPTABLE, SessionResult.MISSED),
                Arguments.of(false, null, NoSessionReason.POP_ACCEPTABLE, SessionResult.EXCUSED),
                Arguments.of(false, null, NoSessionReason.LOGISTICS, SessionResult.CANCELLED),
                Arguments.of(false, Attendance.NO, NoSessionReason.POP_UNACCEPTABLE, SessionResult.MISSED),
                Arguments.of(false, Attendance.NO, NoSessionReason.POP_ACCEPTABLE, SessionResult.EXCUSED),
                Arguments.of(false, Attendance.NO, NoSessionReason.LOGISTICS, SessionResult.CANCELLED));
    }

    @ParameterizedTest(name = "happened={0}, attended={1}, reason={2}: {3}")
    @MethodSource("accepted")
    void aConsistentRecordIsClassified(boolean happened, Attendance attended, NoSessionReason reason,
                                       SessionResult expected) {
        assertThat(SessionResult.classify(happened, attended, reason)).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(true, null, null, "attended"),
                Arguments.of(true, null, NoSessionReason.POP_ACCEPTABLE, "attended"),
                Arguments.of(true, null, NoSessionReason.POP_UNACCEPTABLE, "attended"),
                Arguments.of(true, null, NoSessionReason.LOGISTICS, "attended"),
                Arguments.of(true, Attendance.YES, NoSessionReason.POP_ACCEPTABLE, "noSessionReason"),
                Arguments.of(true, Attendance.YES, NoSessionReason.POP_UNACCEPTABLE, "noSessionReason"),
                Arguments.of(true, Attendance.YES, NoSessionReason.LOGISTICS, "noSessionReason"),
                Arguments.of(true, Attendance.LATE, NoSessionReason.POP_ACCEPTABLE, "noSessionReason"),
                Arguments.of(true, Attendance.LATE, NoSessionReason.POP_UNACCEPTABLE, "noSessionReason"),
                Arguments.of(true, Attendance.LATE, NoSessionReason.LOGISTICS, "noSessionReason"),
                Arguments.of(true, Attendance.NO, NoSessionReason.POP_ACCEPTABLE, "noSessionReason"),
                Arguments.of(true, Attendance.NO, NoSessionReason.POP_UNACCEPTABLE, "noSessionReason"),
                Arguments.of(true, Attendance.NO, NoSessionReason.LOGISTICS, "noSessionReason"),
                Arguments.of(false, null, null, "noSessionReason"),
                Arguments.of(false, Attendance.YES, null, "noSessionReason"),
                Arguments.of(false, Attendance.LATE, null, "noSessionReason"),
                Arguments.of(false, Attendance.NO, null, "noSessionReason"),
                Arguments.of(false, Attendance.YES, NoSessionReason.POP_ACCEPTABLE, "attended"),
                Arguments.of(false, Attendance.YES, NoSessionReason.POP_UNACCEPTABLE, "attended"),
                Arguments.of(false, Attendance.YES, NoSessionReason.LOGISTICS, "attended"),
                Arguments.of(false, Attendance.LATE, NoSessionReason.POP_ACCEPTABLE, "attended"),
                Arguments.of(false, Attendance.LATE, NoSessionReason.POP_UNACCEPTABLE, "attended"),
                Arguments.of(false, Attendance.LATE, NoSessionReason.LOGISTICS, "attended"));
    }

    @ParameterizedTest(name = "happened={0}, attended={1}, reason={2}: refused on {3}")
    @MethodSource("refused")
    void anIncompleteOrContradictoryRecordIsRefusedNamingTheField(boolean happened, Attendance attended,
                                                                 NoSessionReason reason, String field) {
        assertThatThrownBy(() -> SessionResult.classify(happened, attended, reason)).isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(((Problem) e).errors()).extracting(Problem.FieldProblem::field)
                        .containsExactly(field));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void eachOutcomeIsPublishedAsItsOwnEventType(boolean happened, Attendance attended, NoSessionReason reason,
                                                SessionResult expected) {
        String type = SessionResult.classify(happened, attended, reason).eventType().type();
        assertThat(type).isEqualTo(switch (expected) {
            case ATTENDED -> "session.attended";
            case MISSED -> "session.missed";
            case EXCUSED -> "session.absence-excused";
            case CANCELLED -> "session.cancelled";
        });
    }
}
