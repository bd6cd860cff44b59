package uk.orderwatch.support.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.Problem;

class ReportTest {

    @Test
    void aCsvQuotesWhatMustBeQuotedAndNeverStartsAFormula() {
        var report = new Report("orders-by-status", List.of("force", "status", "orders"), List.of(
                List.of("Demo, North", "SERVED", 3), List.of("=cmd|'/c calc'", "GRANTED", -1)));

        assertThat(report.csv()).isEqualTo("force,status,orders\r\n\"Demo, North\",SERVED,3\r\n"
                + "'=cmd|'/c calc',GRANTED,-1\r\n");
    }

    @Test
    void supervisorsReadTheirOwnAgencyAdministratorsEveryAgencyAndNobodyElseAny() {
        assertThat(Report.scope(new Caller("sam", "demo-police", Role.POLICE, true))).isEqualTo("demo-police");
        assertThat(Report.scope(new Caller("admin", "orderwatch-admin", Role.ADMIN, false))).isNull();
        assertThatThrownBy(() -> Report.scope(new Caller("alex", "demo-police", Role.POLICE, false)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("forbidden"));
    }
}
