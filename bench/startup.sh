#!/usr/bin/env bash
# Start-up of ipgraph with the embedded default: seconds from the start command to the first GraphQL answer that
# reads the graph, and the peak resident memory of the process, each way of starting it:
#   mvn  the README's run command (./mvnw spring-boot:run)
#   jar  the packaged jar (java -jar target/ipgraph-*.jar)
#   aot  bin/ipgraph: the packaged jar extracted, with a JDK AOT cache (-XX:AOTCache, JDK 25); its one-time
#        preparation (extraction and a training start) is timed on its own, as row "aot,0,preparation"
# Every run is a first start on an empty store in a fresh directory, then a restart on the store it made.
# Usage: bench/startup.sh [--runs 3] [--modes "mvn jar aot"]. Writes bench/results/startup.csv
# (mode,run,store,seconds_to_first_answer,peak_rss_mb; store is empty or existing).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=3; MODES="mvn jar aot"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --modes) MODES="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source bin/find-jdk.sh
export JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$JAVA")")")"
./mvnw -q -DskipTests package
JAR=$(readlink -f "$(ls target/ipgraph-*.jar | grep -v plain | head -1)")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# a user for the probe: the password is "analyst-test-pw" (bcrypt, the test configuration's)
USER_ARGS=(--ipgraph.security.users.probe.password='{bcrypt}$2a$04$GTK1pRQ0MmPNNPzbkLdYGuXG7caa.HaC5hadFaYjXs4ir/mW1Lz.C'
  --ipgraph.security.users.probe.roles=ANALYST --server.port=18080 --ipgraph.embedded.bolt-port=17687)
echo "mode,run,store,seconds_to_first_answer,peak_rss_mb" > bench/results/startup.csv.tmp
if [[ " $MODES " == *" aot "* ]]; then
  echo "aot: bin/ipgraph prepares the extracted jar and the AOT cache (once per build)"
  rm -rf "$(dirname "$JAR")/ipgraph-aot"
  start=$(date +%s.%N)
  IPGRAPH_JAR="$JAR" bin/ipgraph --prepare-only
  printf 'aot,0,preparation,%.1f,\n' "$(echo "$(date +%s.%N) - $start" | bc)" | tee -a bench/results/startup.csv.tmp
fi
probe() {
  curl -s -o /dev/null -w '%{http_code}' -u probe:analyst-test-pw -H 'Content-Type: application/json' \
    -d '{"query":"{ companies(limit: 1) { id } }"}' http://localhost:18080/graphql 2>/dev/null || true
}
peak_kb() { # the largest VmHWM among the process and its descendants (Maven forks the application)
  local max=0 pid kb
  for pid in "$1" $(pgrep -P "$1" 2>/dev/null || true); do
    kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${kb:-0}" -gt "$max" ] && max=$kb
    [ "$pid" != "$1" ] && kb=$(peak_kb "$pid") && [ "$kb" -gt "$max" ] && max=$kb
  done
  echo "$max"
}
for mode in $MODES; do
  for run in $(seq 1 "$RUNS"); do
    dir="$WORK/$mode-$run"; mkdir -p "$dir"
    case "$mode" in
      mvn) cmd=(./mvnw -q spring-boot:run "-Dspring-boot.run.arguments=--ipgraph.embedded.data-dir=$dir/neo4j ${USER_ARGS[*]}") ;;
      jar) cmd=("$JAVA" -jar "$JAR" "--ipgraph.embedded.data-dir=$dir/neo4j" "${USER_ARGS[@]}") ;;
      aot) cmd=(env IPGRAPH_JAR="$JAR" "$PWD/bin/ipgraph" "--ipgraph.embedded.data-dir=$dir/neo4j" "${USER_ARGS[@]}") ;;
      *) echo "unknown mode $mode" >&2; exit 2 ;;
    esac
    for store in empty existing; do
      start=$(date +%s.%N)
      if [ "$mode" = mvn ]; then (exec "${cmd[@]}") >"$dir/log-$store" 2>&1 & else (cd "$dir" && exec "${cmd[@]}") >"$dir/log-$store" 2>&1 & fi
      pid=$!
      peak=0
      until [ "$(probe)" = 200 ]; do
        kill -0 "$pid" 2>/dev/null || { echo "$mode run $run: the application stopped; its log:" >&2; tail -30 "$dir/log-$store" >&2; exit 1; }
        p=$(peak_kb "$pid"); [ "$p" -gt "$peak" ] && peak=$p
        sleep 0.2
      done
      end=$(date +%s.%N)
      p=$(peak_kb "$pid"); [ "$p" -gt "$peak" ] && peak=$p
      printf '%s,%d,%s,%.1f,%.0f\n' "$mode" "$run" "$store" "$(echo "$end - $start" | bc)" "$(echo "$peak / 1024" | bc)" \
        | tee -a bench/results/startup.csv.tmp
      pkill -TERM -P "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
      sleep 2
    done
  done
done
mv bench/results/startup.csv.tmp bench/results/startup.csv
echo "written to bench/results/startup.csv"
