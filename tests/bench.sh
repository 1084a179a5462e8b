#!/usr/bin/env bash
# The AidMarket benchmark (figures, not pass/fail tests):
#
#   tests/bench.sh                       100,000 products, 5,000 suppliers, 64 connections, 15 s per scenario
#   tests/bench.sh --duration 30 --connections 64 --products 100000 --suppliers 5000
#   tests/bench.sh --skip-load           only the 1,000-order concurrency check
#   tests/bench.sh --only listing,order  the baseline and the scenarios whose names contain these words
#   tests/bench.sh --keep                keep the work folder (wrk scripts and outputs, app logs)
#
# Builds the solution in Release, installs wrk if it is missing, starts a throwaway PostgreSQL
# (through tests/run.sh --exec), runs the Release app on loopback, seeds the catalog and drives
# it with wrk. Prints requests/s, p50/p99, errors and the app's peak memory per scenario, each
# as a ratio of a raw-Npgsql baseline page, then the concurrency check. Exits non-zero when the
# concurrency check fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf '[bench.sh] %s\n' "$*"; }

if ! command -v wrk >/dev/null 2>&1; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "installing wrk"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null
  else
    log "wrk is missing: install it (apt-get install wrk) and run again"; exit 1
  fi
fi

log "building AidMarket.sln (Release)"
dotnet build "$ROOT/AidMarket.sln" -c Release -nologo -v quiet >/dev/null
# PostgreSQL with its durable defaults (fsync on), as in production.
export AIDMARKET_PG_DURABLE=1
exec bash "$ROOT/tests/run.sh" --exec -- dotnet "$ROOT/tests/AidMarket.Benchmarks/bin/Release/net10.0/AidMarket.Benchmarks.dll" "$@"
