package uk.orderwatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import uk.orderwatch.infra.Ports;

/**
 * {@code infra/run-local.sh}: starts the local stack, prints where everything is, and stops it all on Ctrl-C.
 * Options: --data-dir, --kafka-port, --kafka-controller-port, --mongo-port, --order-registry-port,
 * --breach-report-port, --notification-port, --portal-port, --smtp-port, --pop3-port, --repo-root, --instances (how
 * many processes of each orderwatch service and of the portal, behind a round-robin entry point on its port).
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        Map<String, String> options = parse(args);
        Path repoRoot = Path.of(options.getOrDefault("repo-root", ".")).toAbsolutePath().normalize();
        Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
        for (ServiceName s : ServiceName.values()) {
            ports.put(s, intOption(options, s.id() + "-port", s.defaultPort()));
        }
        int instances = intOption(options, "instances", 1);
        if (instances < 1 || instances > 9) {
            System.err.println("--instances must be 1 to 9, not " + instances);
            System.exit(2);
        }
        var config = new StackConfig(
                Path.of(options.getOrDefault("data-dir", repoRoot.resolve(".data").toString())).toAbsolutePath(),
                intOption(options, "kafka-port", StackConfig.DEFAULT_KAFKA_PORT),
                intOption(options, "kafka-controller-port", StackConfig.DEFAULT_KAFKA_CONTROLLER_PORT),
                intOption(options, "mongo-port", StackConfig.DEFAULT_MONGO_PORT),
                intOption(options, "smtp-port", StackConfig.DEFAULT_SMTP_PORT),
                intOption(options, "pop3-port", StackConfig.DEFAULT_POP3_PORT),
                ports, StackConfig.builtJars(repoRoot, version()), true, true, null, null,
                instances);

        var stack = new LocalStack(config);
        var stopped = new CountDownLatch(1);
        try {
            stack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("\nStopping orderwatch...");
                stack.close();
                System.out.println("Stopped. Data is kept in " + config.dataDir());
                stopped.countDown();
            }, "local-stack-stop"));
        } catch (Ports.PortInUseException e) {
            System.err.println("\n" + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("\norderwatch did not start: " + e.getMessage());
            System.exit(1);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println(summary(config, seconds));
        stopped.await();
    }

    static String summary(StackConfig c, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append("\n=== orderwatch is running (ready in ").append(String.format("%.1f", seconds)).append(" s) ===\n");
        s.append(String.format("%n  Open the portal in your browser: %s%n%n", c.baseUrl(ServiceName.PORTAL)));
        for (ServiceName name : ServiceName.values()) {
            if (name == ServiceName.PORTAL) {
                s.append(String.format("  %-15s %s   the web pages of every role%n", name.id(), c.baseUrl(name)));
            } else if (name == ServiceName.IDENTITY_SERVER) {
                s.append(String.format("  %-15s %s   OIDC discovery: %s/.well-known/openid-configuration%n",
                        name.id(), c.baseUrl(name), c.baseUrl(name)));
            } else {
                s.append(String.format("  %-15s %s   Swagger UI: %s/swagger-ui.html%n", name.id(), c.baseUrl(name),
                        c.baseUrl(name)));
            }
            if (c.scaled(name)) {
                s.append(String.format("  %-15s   round-robin to %d instances on ports %s%n", "", c.instances(),
                        c.instancePorts(name).stream().map(String::valueOf).collect(
                                java.util.stream.Collectors.joining(", "))));
            }
        }
        s.append(String.format("  %-15s %s (SASL/SCRAM-SHA-256: each service signs in as itself; the administrator's "
                + "password is in %s)%n", "Kafka", c.kafkaBootstrap(), c.dataDir().resolve("kafka-admin.secret")));
        s.append(String.format("  %-15s mongodb://localhost:%d%n", "MongoDB (wire)", c.mongoPort()));
        s.append(String.format("  %-15s SMTP localhost:%d, read with POP3 on localhost:%d (any password), e.g.%n",
                "Demo mailbox", c.smtpPort(), c.pop3Port()));
        s.append(String.format("  %-15s curl -s pop3://localhost:%d/1 -u 'alex.morgan@police.orderwatch.test:x'%n",
                "", c.pop3Port()));
        s.append(String.format("  %-15s %s%n", "Data and logs", c.dataDir()));
        s.append("\nDemo users (password orderwatch-demo): alex.morgan (police, demo-police), priya.shah ")
                .append("(probation, demo-probation), jo.evans (advocate, demo-advocacy), admin and second.admin (ADMIN); ")
                .append("supervisors sam.okafor, chris.doyle, rene.adeyemi; on duty dana.price (duty sergeant), ")
                .append("morgan.lee (duty probation officer); the 24/7 fallbacks control.room, probation.ooh, ")
                .append("advocacy.on.call, other.control; kim.reed (police, other-police).\n")
                .append("A token: TOKEN=$(infra/token.sh alex.morgan)\n");
        s.append("Try it: README.md, section 'Try it', registers an order, reports a breach and a missed session, ")
                .append("and lists the three alerts.\n");
        s.append("Press Ctrl-C to stop.\n");
        return s.toString();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("Unknown argument '" + arg + "'. Options take the form --name=value: --data-dir, "
                        + "--kafka-port, --kafka-controller-port, --mongo-port, --order-registry-port, "
                        + "--breach-report-port, --notification-port, --portal-port, --smtp-port, --pop3-port, --repo-root, "
                        + "--instances");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static int intOption(Map<String, String> options, String name, int defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            System.err.println("--" + name + " must be a number, not '" + value + "'");
            System.exit(2);
            return -1;
        }
    }

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = LocalStackMain.class.getResourceAsStream("/local-stack.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("project.version");
    }
}
