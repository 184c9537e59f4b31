#!/usr/bin/env bash
# Runs every test: installs the test dependencies, builds once, runs all test projects, prints one summary line,
# then checks the container image.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
dotnet build OrleansStreams.sln -c Release -warnaserror
status=0
dotnet test OrleansStreams.sln -c Release --no-build --logger "trx" --results-directory "$results" || status=$?
/usr/bin/python3 scripts/summarize-trx.py "$results"
# The silo's OCI image: built with the SDK from a loopback base, unpacked, started, asked PING.
scripts/test-container.sh || status=$?
exit $status
