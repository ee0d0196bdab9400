#!/usr/bin/env bash
# The workload benchmark: W1-W6 over HTTP on the same Neo4j and data for the limit (hand-written Cypher through the
# Java driver), ipgraph and the peer (@neo4j/graphql 7 on Apollo Server, installed from npm into bench/peer).
# Usage: bench/run.sh [--quick] [--nodes N] [--seconds S]   (--quick: 20,000 nodes, 4 s per measurement)
# Writes bench/results/latest.csv (bench/results/quick.csv with --quick).
set -euo pipefail
(cd "$(dirname "$0")/peer" && [ -d node_modules/@neo4j/graphql ] || npm ci --no-audit --no-fund)
exec "$(dirname "$0")/java.sh" -Xmx4g -- io.ipgraph.bench.WorkloadBenchmark "$@"
