#!/usr/bin/env bash
# Watches under load: the generated file imported with no watch and with 1,000 mark watches (the ratio of the import
# rates), then the time from a conflicting registration's commit to its alert (queryable, and at a loopback webhook).
# Usage: bench/watches.sh [--nodes 1000000] [--watches 1000] [--probes 50]
# Generates target/bench/generated-<nodes>.jsonl when it is not there (as bench/import-speed.sh does). Writes bench/results/watches.csv.
exec "$(dirname "$0")/java.sh" -Xmx6g -- io.ipgraph.bench.WatchBenchmark "$@"
