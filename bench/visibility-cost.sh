#!/usr/bin/env bash
# What the kernel's visibility rule costs a read: the same queries read as an analyst and with every node visible.
# Usage: bench/visibility-cost.sh [--nodes 200000] [--runs 200]
# Writes bench/results/visibility-cost.csv (median and p95 of each, and their ratio).
exec "$(dirname "$0")/java.sh" -Xmx4g -- io.ipgraph.bench.VisibilityCostBenchmark "$@"
