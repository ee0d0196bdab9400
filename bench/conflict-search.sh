#!/usr/bin/env bash
# Conflict search vs. an exhaustive scoring of every registration, on generated data.
# Usage: bench/conflict-search.sh [--registrations 200000] [--queries 200]
# Writes bench/results/conflict-search.csv (recall of the exhaustive top 20, latency p50/p95).
exec "$(dirname "$0")/java.sh" -Xmx4g -- io.ipgraph.bench.ConflictSearchBenchmark "$@"
