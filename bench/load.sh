#!/usr/bin/env bash
# Loopback load test: 20 analysts for --seconds (default 60) alone, then with abusive clients and an import running.
# Usage: bench/load.sh [--seconds 60] [--nodes 50000]
# Needs Node.js (autocannon is installed from npm into bench/load on first run). Writes bench/results/load.csv.
set -euo pipefail
(cd "$(dirname "$0")/load" && [ -d node_modules/autocannon ] || npm ci --no-audit --no-fund)
exec "$(dirname "$0")/java.sh" -Xmx3g -- io.ipgraph.bench.LoadBenchmark "$@"
