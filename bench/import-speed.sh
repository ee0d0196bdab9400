#!/usr/bin/env bash
# Import speed on generated data: ipgraph's importer vs. plain UNWIND ... MERGE batches (the limit) vs. one
# transaction per entity, each into a fresh embedded database, with the peak heap.
# Usage: bench/import-speed.sh [--nodes 1000000] [--batch 5000] [--sample 20000]
# Writes bench/results/import-speed.csv; the generated file is kept in target/bench/.
exec "$(dirname "$0")/java.sh" -Xmx6g -- io.ipgraph.bench.ImportSpeedBenchmark "$@"
