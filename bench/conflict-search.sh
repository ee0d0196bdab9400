#!/usr/bin/env bash
# Conflict search vs. an exhaustive scoring of every registration, on generated data.
# Usage: bench/conflict-search.sh [--registrations 200000] [--queries 200]
# Writes bench/results/conflict-search.csv (recall of the exhaustive top 20, latency p50/p95).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
JAVA=""
for candidate in "${JAVA_HOME:-/nonexistent}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if [ -x "$candidate" ] && [ "$(major "$candidate")" -ge 25 ] 2>/dev/null; then JAVA="$candidate"; break; fi
done
[ -n "$JAVA" ] || { echo "needs a JDK 25 (JAVA_HOME or /usr/lib/jvm)" >&2; exit 1; }
exec "$JAVA" --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  --enable-native-access=ALL-UNNAMED -Xmx4g \
  ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.ipgraph.bench.ConflictSearchBenchmark "$@"
