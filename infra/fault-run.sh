#!/usr/bin/env bash
# The long run of the fault-injection suite: the services as processes on the in-process Kafka broker and Mongo
# server, 10,000 reports (breach reports and missed sessions) spread over every scenario, one fault at a time.
# Prints the table and writes it to infra/fault-injection/target/fault-results/. Exit code 1 if a scenario failed.
# Options: --reports=10000 (all scenarios together) --rate=6 (orders started per second, each with two reports)
#          --only=TEXT (only the scenarios whose name contains TEXT, e.g. --only=halted)
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | sed -n 2p)
suite="infra/fault-injection/target/fault-injection-${version}-exec.jar"
echo "Building orderwatch (tests are run by the test command, not here)..."
./mvnw -B -q -DskipTests package

# the suite JVM holds the in-process broker and Mongo server: 10,000 reports with their alerts, outboxes and
# stored Idempotency-Key answers fill 1 GB, and its collector pauses then stall the broker
exec java -XX:+UseSerialGC -Xmx3g -jar "$suite" --repo-root=. "$@"
