#!/usr/bin/env bash
# The workspace in Chromium on the generated 1,000,000-node store: search, entity pages, a network canvas of 500 nodes
# panned and expanded (p50 and p95, signed in as an analyst). Needs Debian's Chromium and the test's npm packages
# (src/test/browser: npm ci). Usage: bench/workspace.sh [--nodes 1000000] [--runs 60] [--drawn 500]
# Writes bench/results/workspace.csv.
exec "$(dirname "$0")/java.sh" -Xmx6g -- io.ipgraph.bench.WorkspaceBenchmark "$@"
