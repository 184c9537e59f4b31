#!/usr/bin/env bash
# Measures how soon a silo process holding one large stream serves it again after a restart (issue 4's target:
# 1,000,000 entries in under 5 s). Builds the stream with the real stream grain, copies its journal into SQLite,
# starts the silo (Release build) and times process start -> ready -> first XLEN.
#   scripts/measure-restart-time.sh [ENTRIES]     default 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
ORLEANSSTREAMS_RESTART_ENTRIES="${1:-1000000}" dotnet test tests/OrleansStreams.Silo.Tests -c Release \
  --filter "FullyQualifiedName~Durability.RestartTimeTests" --logger "console;verbosity=detailed" \
  | grep -E "entries \(|Passed |Failed |budget"
