package uk.orderwatch.faults;

import java.time.Duration;
import java.util.List;
import uk.orderwatch.localstack.ServiceName;

/**
 * One fault, injected while reports stream in. {@link #inject} starts it, {@link #hold()} is how long it lasts,
 * {@link #heal} ends it; {@link #verify} adds the scenario's own checks once everything has settled.
 */
abstract class Scenario {

    final String name;

    Scenario(String name) {
        this.name = name;
    }

    /** Register the scenario's orders before the stream (so every report can reach an order that is known). */
    boolean preRegister() {
        return false;
    }

    Duration hold() {
        return Duration.ZERO;
    }

    /**
     * Whether the fault can strike between an alert's send and its recording (a crash of notification, a connection
     * cut mid-send, the database gone when the outcome is written), so that the alert is sent again with the same id.
     * Elsewhere a resend is a failure.
     */
    boolean mayResend() {
        return false;
    }

    /**
     * Whether the CI-sized run in {@code ./mvnw verify} includes it; the long run has every scenario. Left out of CI:
     * those whose fault another CI scenario already strikes more precisely (a service killed at random: the halts
     * kill each service at exact steps, and "one of two instances killed" kills all three at once; channels failing
     * half the time: channels down), to keep verify within its 20 minutes.
     */
    boolean ciSized() {
        return true;
    }

    /** How many instances of each service the scenario needs: those with more run on a stack of their own. */
    int instances() {
        return 1;
    }

    /** Records this scenario is expected to put on dead-letter topics. */
    int expectedDeadLetters() {
        return 0;
    }

    abstract void inject(FaultSuite suite) throws Exception;

    void heal(FaultSuite suite) throws Exception {
    }

    /** Extra checks once the scenario settled; failures are added to the row. */
    void verify(FaultSuite suite, FaultSuite.Run run, List<String> failures, List<String> notes) throws Exception {
    }

    /** Every scenario of the suite, in the order it runs them. */
    static List<Scenario> all() {
        return List.of(
                new KafkaStopped(),
                new ServiceKilled(ServiceName.BREACH_REPORT),
                new ServiceKilled(ServiceName.NOTIFICATION),
                new ServiceKilled(ServiceName.ORDER_REGISTRY),
                new MongoUnreachable(),
                new ChannelsDown(),
                new ChannelsFlaky(),
                new PoisonRecords(),
                new DuplicatedAndReordered(),
                new HaltedAt(ServiceName.ORDER_REGISTRY, "outbox.after-write:orders",
                        "after storing an order, before publishing it"),
                new HaltedAt(ServiceName.BREACH_REPORT, "outbox.after-write:breaches",
                        "after storing a breach, before publishing it"),
                new HaltedAt(ServiceName.BREACH_REPORT, "follow-up.before:session-enforcement-check",
                        "after storing a miss, before its enforcement check"),
                new HaltedAt(ServiceName.BREACH_REPORT, "outbox.after-send:sessions",
                        "after publishing a miss, before marking it sent"),
                new HaltedAt(ServiceName.NOTIFICATION, "consumer.after-handle:breach.reported",
                        "after raising a breach's alerts, before committing the record"),
                new HaltedAt(ServiceName.NOTIFICATION, "outbox.after-write:alerts",
                        "after storing an alert, before publishing and delivering it"),
                new HaltedAt(ServiceName.NOTIFICATION, "delivery.after-claim",
                        "after claiming a delivery, before sending it"),
                new HaltedAt(ServiceName.NOTIFICATION, "delivery.after-send:email",
                        "after sending an email, before recording it"));
    }

    /** The scenarios that need two instances of each service (ADR 21), in the order they run. */
    static List<Scenario> scaled() {
        return List.of(new OneOfTwoKilled(), NotificationRebalanced.INSTANCE);
    }

    /** Every scenario, one instance of each service first, then those with two. */
    static List<Scenario> everyOne() {
        var every = new java.util.ArrayList<>(all());
        every.addAll(scaled());
        return List.copyOf(every);
    }

    /**
     * One of the two instances of each service is killed with SIGKILL mid-stream; the other carries on (the entry
     * points pass over the dead one, the consumer groups move its partitions) until it is started again.
     */
    static final class OneOfTwoKilled extends Scenario {
        private static final List<ServiceName> SERVICES = List.of(ServiceName.ORDER_REGISTRY,
                ServiceName.BREACH_REPORT, ServiceName.NOTIFICATION);

        OneOfTwoKilled() {
            super("one of two instances of each service killed");
        }

        @Override
        int instances() {
            return 2;
        }

        @Override
        Duration hold() {
            return Duration.ofSeconds(5);
        }

        /** The notification instance killed may have been between an email's send and its recording. */
        @Override
        boolean mayResend() {
            return true;
        }

        @Override
        void inject(FaultSuite suite) {
            SERVICES.forEach(s -> suite.stack().kill(s, 0));
        }

        @Override
        void heal(FaultSuite suite) {
            SERVICES.parallelStream().forEach(s -> suite.stack().restart(s, 0));
        }
    }

    /**
     * notification's consumer group rebalances twice while alerts are being delivered: its second instance stops
     * (gracefully: its partitions move to the first) and starts again (they are shared out again).
     */
    static final class NotificationRebalanced extends Scenario {
        static final NotificationRebalanced INSTANCE = new NotificationRebalanced();

        private NotificationRebalanced() {
            super("notification's consumer group rebalanced mid-delivery");
        }

        @Override
        int instances() {
            return 2;
        }

        @Override
        void inject(FaultSuite suite) {
            suite.stack().restart(ServiceName.NOTIFICATION, 1);
        }
    }

    /**
     * A running service has a crash point armed and halts (as a SIGKILL would) the first time it passes it; then it
     * is started again as normal. Deterministic where a random kill is not: the process dies at exactly that step
     * of a write path, and the outcome must be what an uninterrupted run gives.
     */
    static final class HaltedAt extends Scenario {
        private final ServiceName service;
        private final String point;
        private boolean halted;

        HaltedAt(ServiceName service, String point, String where) {
            super(service.id() + " halted " + where);
            this.service = service;
            this.point = point;
        }

        /**
         * The whole process halts, so a halt of notification at any point can also cut off another thread between an
         * email's send and its recording (as a SIGKILL can): that email goes again, with the same Message-ID.
         */
        @Override
        boolean mayResend() {
            return service == ServiceName.NOTIFICATION;
        }

        @Override
        void inject(FaultSuite suite) {
            suite.armCrashPoint(service, point);
        }

        @Override
        void heal(FaultSuite suite) {
            halted = suite.stack().service(service).awaitExit(Duration.ofSeconds(90));
            suite.disarmCrashPoints();
            suite.stack().restart(service);
        }

        @Override
        void verify(FaultSuite suite, FaultSuite.Run run, List<String> failures, List<String> notes) {
            if (halted) {
                notes.add(service.id() + " halted at " + point + " and was started again");
            } else {
                failures.add(service.id() + " never reached " + point + ", so the scenario proved nothing");
            }
        }
    }

    /** The broker stops mid-stream for 10 s: reports are still accepted, and alerted once it is back. */
    static final class KafkaStopped extends Scenario {
        KafkaStopped() {
            super("Kafka broker stopped 10 s");
        }

        @Override
        boolean preRegister() {
            return true;
        }

        @Override
        Duration hold() {
            return Duration.ofSeconds(10);
        }

        @Override
        void inject(FaultSuite suite) {
            suite.stack().kafka().stop();
        }

        @Override
        void heal(FaultSuite suite) {
            suite.stack().kafka().restart();
        }

        @Override
        void verify(FaultSuite suite, FaultSuite.Run run, List<String> failures, List<String> notes) {
            long during = run.acceptedDuringFault();
            notes.add(during + " reports accepted while the broker was down");
            if (during == 0) {
                failures.add("no report was accepted while the broker was down, so the outage proved nothing");
            }
        }
    }

    /** A service is killed with SIGKILL mid-stream and started again. */
    static final class ServiceKilled extends Scenario {
        private final ServiceName service;

        ServiceKilled(ServiceName service) {
            super(service.id() + " killed (SIGKILL)");
            this.service = service;
        }

        @Override
        boolean ciSized() {
            return false;
        }

        @Override
        boolean mayResend() {
            return service == ServiceName.NOTIFICATION;
        }

        @Override
        void inject(FaultSuite suite) {
            suite.stack().kill(service);
        }

        @Override
        void heal(FaultSuite suite) {
            suite.stack().restart(service);
        }
    }

    /** Every connection to Mongo is cut and refused for 10 s. */
    static final class MongoUnreachable extends Scenario {
        MongoUnreachable() {
            super("Mongo unreachable 10 s");
        }

        /** An email sent just before the cut cannot be recorded as sent: it goes again once Mongo is back. */
        @Override
        boolean mayResend() {
            return true;
        }

        @Override
        Duration hold() {
            return Duration.ofSeconds(10);
        }

        @Override
        void inject(FaultSuite suite) {
            suite.stack().mongoProxy().cut();
        }

        @Override
        void heal(FaultSuite suite) {
            suite.stack().mongoProxy().restore();
        }
    }

    /** The mail server and every agency's webhook receiver are unreachable for 30 s. */
    static final class ChannelsDown extends Scenario {
        ChannelsDown() {
            super("SMTP and webhook down 30 s");
        }

        @Override
        boolean mayResend() {
            return true;
        }

        @Override
        Duration hold() {
            return Duration.ofSeconds(30);
        }

        @Override
        void inject(FaultSuite suite) {
            suite.stack().smtpProxy().cut();
            suite.webhookProxy().cut();
        }

        @Override
        void heal(FaultSuite suite) {
            suite.stack().smtpProxy().restore();
            suite.webhookProxy().restore();
        }

        /**
         * Every alert of the run whose channels all failed went on to the next step of its agency's policy that
         * reaches someone then: whoever the agency had on duty, or its fallback when that was the same person.
         */
        @Override
        void verify(FaultSuite suite, FaultSuite.Run run, List<String> failures, List<String> notes)
                throws Exception {
            var orders = run.cases().stream().map(FaultSuite.Case::orderId).filter(java.util.Objects::nonNull)
                    .toList();
            var alerts = suite.mongo().getDatabase("orderwatch-notification").getCollection("alerts");
            int checked = 0;
            for (var first : alerts.find(com.mongodb.client.model.Filters.and(
                    com.mongodb.client.model.Filters.in("orderId", orders),
                    com.mongodb.client.model.Filters.eq("escalationLevel", 0),
                    com.mongodb.client.model.Filters.eq("escalation.reason", "not-delivered")))) {
                var next = alerts.find(com.mongodb.client.model.Filters.eq("_id",
                        first.getString("escalatedToAlertId"))).first();
                String from = first.get("recipient", org.bson.Document.class).getString("personId");
                String agency = first.get("recipient", org.bson.Document.class).getString("agencyId");
                if (next == null) {
                    failures.add("alert " + first.getString("_id") + " of " + from + " escalated to nobody");
                    continue;
                }
                String expected = suite.nextOnDuty(agency, first.getString("priority"), from,
                        next.getDate("raisedAt").toInstant());
                String got = next.get("recipient", org.bson.Document.class).getString("personId");
                if (!expected.equals(got)) {
                    failures.add("alert " + first.getString("_id") + " of " + from + " went to " + got
                            + ", not to " + expected + ", who was next on duty");
                }
                checked++;
            }
            notes.add(checked + " alerts no channel delivered went on to the next person on duty");
            if (checked == 0) {
                failures.add("no alert went on while every channel was down: the scenario proved nothing");
            }
        }
    }

    /** Half the connections to the mail server and the webhook receivers fail, for 30 s. */
    static final class ChannelsFlaky extends Scenario {
        ChannelsFlaky() {
            super("SMTP and webhook failing half the time 30 s");
        }

        @Override
        boolean ciSized() {
            return false;
        }

        @Override
        Duration hold() {
            return Duration.ofSeconds(30);
        }

        @Override
        void inject(FaultSuite suite) {
            suite.stack().smtpProxy().flaky(0.5);
            suite.webhookProxy().flaky(0.5);
        }

        @Override
        void heal(FaultSuite suite) {
            suite.stack().smtpProxy().restore();
            suite.webhookProxy().restore();
        }
    }

    /** Invalid JSON, a schema-invalid event and an unknown event type on every consumed topic. */
    static final class PoisonRecords extends Scenario {
        private java.util.Map<String, List<String>> sent = java.util.Map.of();

        PoisonRecords() {
            super("Poison records on each consumed topic");
        }

        @Override
        int expectedDeadLetters() {
            return Poison.KINDS * Poison.SUBSCRIPTIONS;
        }

        @Override
        void inject(FaultSuite suite) {
            sent = Poison.send(suite.producer());
        }

        @Override
        void verify(FaultSuite suite, FaultSuite.Run run, List<String> failures, List<String> notes) {
            Poison.verify(suite.stack().config().kafkaBootstrap(), sent, failures, notes);
        }
    }

    /** Once alerted, every event of the scenario's orders is sent again, newest first. */
    static final class DuplicatedAndReordered extends Scenario {
        DuplicatedAndReordered() {
            super("Events duplicated and reordered");
        }

        @Override
        void inject(FaultSuite suite) {
            // the replay happens once the scenario's alerts are delivered: see verify
        }

        @Override
        void verify(FaultSuite suite, FaultSuite.Run run, List<String> failures, List<String> notes)
                throws Exception {
            Replay.duplicateAndReorder(suite, run, failures, notes);
        }
    }
}
