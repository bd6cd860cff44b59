package uk.orderwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    @Test
    void eachServiceGetsItsOwnDatabaseOnAnExternalMongo() {
        assertThat(LocalStack.mongoUri("mongodb://h:27017", "orderwatch-notification"))
                .isEqualTo("mongodb://h:27017/orderwatch-notification");
        assertThat(LocalStack.mongoUri("mongodb://h:1/test?replicaSet=rs0", "orderwatch-breach-report"))
                .isEqualTo("mongodb://h:1/orderwatch-breach-report?replicaSet=rs0");
    }

    @Test
    void theBuiltJarsAreTheExecutableOnesOfEachService() {
        var jars = StackConfig.builtJars(Path.of("/repo"), "1.2.3");

        assertThat(jars.get(ServiceName.BREACH_REPORT))
                .isEqualTo(Path.of("/repo/services/breach-report/target/breach-report-1.2.3-exec.jar"));
        assertThat(LocalStackMain.version()).isNotBlank().doesNotContain("@");
    }

    @Test
    void theSummaryOpensWithThePortalAndNamesEveryServiceAndItsSwaggerUi() {
        var config = StackConfig.ephemeral(Path.of("/tmp/x"), StackConfig.builtJars(Path.of("."), "v"));

        String summary = LocalStackMain.summary(config, 12.3);

        assertThat(summary).contains("Open the portal in your browser: " + config.baseUrl(ServiceName.PORTAL));
        for (ServiceName s : ServiceName.values()) {
            if (s != ServiceName.PORTAL) {
                assertThat(summary).contains(config.baseUrl(s) + (s == ServiceName.IDENTITY_SERVER
                        ? "/.well-known/openid-configuration" : "/swagger-ui.html"));
            }
        }
        assertThat(summary).contains("ready in 12.3 s").contains("Ctrl-C");
    }
}
