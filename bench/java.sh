#!/usr/bin/env bash
# Shared by the bench scripts: compiles, resolves the class path and runs a main class on a JDK 25+.
# Usage: bench/java.sh [JVM options...] -- MAIN_CLASS [arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
source bin/find-jdk.sh
JVM=()
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do JVM+=("$1"); shift; done
shift
exec "$JAVA" --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  --enable-native-access=ALL-UNNAMED "${JVM[@]}" ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$@"
