#!/usr/bin/env bash
# Generates data in ipgraph's import format with the seeded generator.
# Usage: bench/generate.sh [--nodes 1000000] [--seed 42] [--out target/generated.jsonl.gz]
exec "$(dirname "$0")/java.sh" -Xmx1g -- io.ipgraph.generate.DataGenerator "$@"
