package uk.orderwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.schemas.Topics;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this checks that it parses and that every service, port,
 * database and topic it names matches the code.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of(System.getProperty("orderwatch.repo-root", "../.."));
    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader in = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @Test
    void itRunsRealKafkaAMongoReplicaSetTheirInitJobsTheIdentityServerTheThreeServicesAndThePortal() {
        assertThat(services).containsOnlyKeys("kafka", "kafka-init", "mongo-keyfile", "mongo", "mongo-init", "mail",
                "identity-server", "order-registry", "breach-report", "notification", "portal", "zipkin");
        assertThat((Map<String, Object>) service("notification").get("environment")).containsEntry("MAIL_HOST", "mail");
        assertThat((List<String>) service("mongo").get("command")).contains("--replSet");
        assertThat(Files.exists(ROOT.resolve("infra/compose/mongo-init.js"))).isTrue();
        assertThat(service("kafka").get("environment").toString()).contains("KAFKA_AUTO_CREATE_TOPICS_ENABLE=false");
        // every service's spans go to the trace collector (ADR 23)
        for (String name : List.of("order-registry", "breach-report", "notification")) {
            assertThat((Map<String, Object>) service(name).get("environment")).as(name)
                    .containsEntry("TRACING_ZIPKIN_ENABLED", "true")
                    .containsEntry("ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans");
        }
        assertThat((List<String>) service("zipkin").get("ports")).contains("9411:9411");
    }

    @Test
    void theTopicJobCreatesEveryTopicOfTheRegistryAndNoOther() {
        String command = String.join("\n", (List<String>) service("kafka-init").get("command"));
        String loop = command.substring(command.indexOf("for topic in"), command.indexOf("; do"));
        var named = java.util.regex.Pattern.compile("orderwatch\\.[a-z.-]+").matcher(loop).results()
                .map(java.util.regex.MatchResult::group).toList();
        assertThat(named).containsExactlyInAnyOrderElementsOf(Topics.allTopics());
    }

    /** The topics an {@code allow <service> <operation> <topics...>} line of the init job names. */
    static List<String> allowed(String command, String service, String operation) {
        String joined = command.replaceAll("\\\\\n\\s*", " "); // a shell line continued with a backslash
        var line = java.util.regex.Pattern.compile("allow " + service + " " + operation + " ([^\n]+)")
                .matcher(joined);
        assertThat(line.find()).as("allow %s %s", service, operation).isTrue();
        return java.util.Arrays.stream(line.group(1).trim().split("\\s+")).toList();
    }

    @ParameterizedTest
    @EnumSource(value = ServiceName.class, names = {"ORDER_REGISTRY", "BREACH_REPORT", "NOTIFICATION"})
    @SuppressWarnings("unchecked")
    void eachServiceSignsInToKafkaAndMongoAsItselfAndMayUseOnlyItsOwnTopicsAndDatabase(ServiceName name) {
        String command = String.join("\n", (List<String>) service("kafka-init").get("command"));
        assertThat(allowed(command, name.id(), "Write")).as("what %s may write", name.id())
                .containsExactlyInAnyOrderElementsOf(Topics.writtenBy(name.id()));
        assertThat(allowed(command, name.id(), "Read")).as("what %s may read", name.id())
                .containsExactlyInAnyOrderElementsOf(Topics.readBy(name.id()));
        assertThat(command).contains("scram " + name.id() + " ", "group " + name.id());
        var env = (Map<String, Object>) service(name.id()).get("environment");
        assertThat((String) env.get("KAFKA_PASSWORD")).startsWith("${KAFKA_PASSWORD_");
        assertThat(env).as("the principal is the service's name").doesNotContainKey("KAFKA_USERNAME");
        assertThat((String) env.get("MONGODB_URI")).startsWith("mongodb://" + name.id() + ":${MONGO_PASSWORD_")
                .endsWith("&authSource=orderwatch-" + name.id());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBrokerAuthorisesEveryRequestAndMongoRunsWithAuthenticationAndAUserPerService() throws IOException {
        var kafka = (Map<String, Object>) service("kafka").get("environment");
        assertThat((String) kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).doesNotContain(":PLAINTEXT");
        assertThat(kafka).containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
                "org.apache.kafka.metadata.authorizer.StandardAuthorizer").containsEntry("KAFKA_SUPER_USERS", "User:admin")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
        assertThat((List<String>) service("mongo").get("command")).contains("--keyFile");
        assertThat((Map<String, Object>) service("mongo").get("environment")).containsKey("MONGO_INITDB_ROOT_PASSWORD");
        String init = Files.readString(ROOT.resolve("infra/compose/mongo-init.js"));
        for (String s : Topics.SERVICES) {
            assertThat(init).contains("\"" + s + "\": process.env.MONGO_PASSWORD_");
        }
        assertThat(init).contains("role: \"readWrite\", db: \"orderwatch-\" + service");
    }

    @ParameterizedTest
    @EnumSource(value = ServiceName.class, names = {"ORDER_REGISTRY", "BREACH_REPORT", "NOTIFICATION"})
    @SuppressWarnings("unchecked")
    void eachServiceIsBuiltHereOnItsPortWithItsOwnDatabaseAndWaitsForItsDependencies(ServiceName name) {
        var svc = service(name.id());
        var build = (Map<String, Object>) svc.get("build");
        assertThat(Files.exists(ROOT.resolve((String) build.get("dockerfile")))).isTrue();
        assertThat(((Map<String, Object>) build.get("args")).get("MODULE")).isEqualTo(name.module());
        assertThat(Files.isDirectory(ROOT.resolve(name.module()))).isTrue();
        assertThat((List<String>) svc.get("ports")).containsExactly(name.defaultPort() + ":" + name.defaultPort());
        var env = (Map<String, Object>) svc.get("environment");
        assertThat(env.get("PORT")).isEqualTo(String.valueOf(name.defaultPort()));
        assertThat((String) env.get("MONGODB_URI")).contains("/orderwatch-" + name.id() + "?replicaSet=rs0");
        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:29092");
        assertThat(env.get("ORDERWATCH_ISSUER")).isEqualTo(issuer());
        assertThat((String) env.get("ORDERWATCH_JWKS_URI")).startsWith("http://identity-server:9000/");
        assertThat(svc.get("healthcheck").toString()).contains(":" + name.defaultPort() + "/actuator/health");
        assertThat(svc).containsKey("mem_limit");
        var deps = (Map<String, Map<String, String>>) svc.get("depends_on");
        assertThat(deps.get("kafka-init")).containsEntry("condition", "service_completed_successfully");
        assertThat(deps.get("mongo-init")).containsEntry("condition", "service_completed_successfully");
    }

    @SuppressWarnings("unchecked")
    private String issuer() {
        return (String) ((Map<String, Object>) service("identity-server").get("environment")).get("ORDERWATCH_ISSUER");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIdentityServerIsBuiltHereAndIssuesTokensForTheIssuerTheServicesCheck() {
        var svc = service("identity-server");
        var build = (Map<String, Object>) svc.get("build");
        assertThat(((Map<String, Object>) build.get("args")).get("MODULE"))
                .isEqualTo(ServiceName.IDENTITY_SERVER.module());
        assertThat((List<String>) svc.get("ports")).containsExactly("9000:9000");
        assertThat(issuer()).isEqualTo("http://localhost:9000");
        assertThat(svc).containsKeys("healthcheck", "mem_limit");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePortalSignsUsersInWhereTheirBrowserReachesTheIdentityServerAndCallsTheServicesInside() {
        var svc = service("portal");
        assertThat(((Map<String, Object>) ((Map<String, Object>) svc.get("build")).get("args")).get("MODULE"))
                .isEqualTo(ServiceName.PORTAL.module());
        assertThat((List<String>) svc.get("ports")).containsExactly("8080:8080");
        var env = (Map<String, Object>) svc.get("environment");
        assertThat(env).containsEntry("ORDERWATCH_ISSUER", issuer())
                .containsEntry("IDENTITY_SERVER_URL", "http://identity-server:9000")
                .containsEntry("ORDER_REGISTRY_URL", "http://order-registry:8081")
                .containsEntry("BREACH_REPORT_URL", "http://breach-report:8082")
                .containsEntry("NOTIFICATION_URL", "http://notification:8083");
        assertThat(svc).containsKeys("healthcheck", "mem_limit");
    }

    @Test
    @SuppressWarnings("unchecked")
    void longRunningContainersHaveHealthchecksAndMemoryLimits() {
        for (String name : List.of("kafka", "mongo")) {
            assertThat(service(name)).containsKeys("healthcheck", "mem_limit");
        }
        assertThat(((Map<String, Map<String, String>>) service("kafka-init").get("depends_on")).get("kafka"))
                .containsEntry("condition", "service_healthy");
    }
}
