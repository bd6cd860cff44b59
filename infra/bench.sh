#!/usr/bin/env bash
# The benchmark: starts the stack (Kafka and Mongo in-process, the services as processes), registers orders, then
# offers breach reports and missed sessions open-loop at 10, 25, 50 and 100 per second and prints, per rate, the
# time from each report to its three recipients' alerts next to Kafka's own produce-to-consume time. About 3 min.
# Results are also written to infra/benchmark/target/bench-results/.
# Options: --rates=10,25,50,100 --duration=15 (s per rate) --warmup=10 --orders=200 --profile (JFR, last rate)
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | sed -n 2p)
bench="infra/benchmark/target/benchmark-${version}-exec.jar"
if [[ ! -f "$bench" ]] || [[ -n "$(find pom.xml shared-schemas services infra -path '*/target' -prune -o \
      -type f -newer "$bench" -print -quit)" ]]; then
  echo "Building orderwatch (tests are run by the test command, not here)..."
  ./mvnw -B -q -DskipTests package
fi

exec java -XX:+UseSerialGC -Xmx1g -jar "$bench" --repo-root=. "$@"
