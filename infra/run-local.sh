#!/usr/bin/env bash
# Runs orderwatch on this machine: a real Kafka broker and a Mongo wire server in-process, the three services and the portal as
# separate processes, demo agencies seeded. Builds what it needs first. Ctrl-C stops everything; data stays in .data/.
# Options (all optional): --kafka-port=9092 --kafka-controller-port=9093 --mongo-port=27017 --order-registry-port=8081
#   --breach-report-port=8082 --notification-port=8083 --portal-port=8080 --smtp-port=3025 --pop3-port=3110 --data-dir=.data
#   --instances=2: two processes of each service and of the portal (ports 100 and 200 above each, e.g. 8181 and 8281),
#   a round-robin entry point on each service's usual port, so every command in the README works unchanged
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | sed -n 2p)
launcher="infra/local-stack/target/local-stack-${version}-exec.jar"
jars=("$launcher")
for s in order-registry breach-report notification portal; do jars+=("services/$s/target/$s-${version}-exec.jar"); done

needs_build=false
for jar in "${jars[@]}"; do
  if [[ ! -f "$jar" ]]; then needs_build=true; fi
done
if [[ "$needs_build" == false ]] && [[ -n "$(find pom.xml shared-schemas services infra -path '*/target' -prune -o \
      -type f -newer "$launcher" -print -quit)" ]]; then
  needs_build=true
fi
if [[ "$needs_build" == true ]]; then
  echo "Building orderwatch (tests are run by the test command, not here)..."
  ./mvnw -B -q -DskipTests package
fi

exec java -XX:+UseSerialGC -Xmx512m -jar "$launcher" --repo-root=. "$@"
