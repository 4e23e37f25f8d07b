#!/usr/bin/env bash
# Runs every test project against real services. Provisions what the tests need (PostgreSQL, Chromium, tmux,
# the Twilio reference tools, the SMTP recorder), fails when a required service cannot be started, and ends with one line:
# "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
. scripts/postgres.sh
. scripts/chromium.sh
. scripts/tmux.sh

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
trap pg_stop EXIT

pg_start
chromium_install
tmux_install

if [ -n "${CALLCENTER_TEST_SQLSERVER:-}" ]; then
  echo "test.sh: SQL Server live tests enabled (CALLCENTER_TEST_SQLSERVER is set)"
else
  echo "test.sh: SQL Server live tests not run (set CALLCENTER_TEST_SQLSERVER to a connection string to run them);"
  echo "         every SQL Server script and statement is still parsed with ScriptDom."
fi

echo "test.sh: installing the Twilio reference tools (tools/twilio-reference)"
(cd tools/twilio-reference && npm ci --no-audit --no-fund)
echo "test.sh: installing the SMTP recorder the email tests send to (tools/smtp-recorder)"
(cd tools/smtp-recorder && npm ci --no-audit --no-fund)

dotnet build CallCenter.sln -c Release -nologo -v quiet

status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "test.sh: running $name"
  dotnet test "$project" -c Release --no-build -nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
expected=$(ls tests/*.Tests/*.Tests.csproj | wc -l)
found=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$found" -ne "$expected" ]; then
  echo "test.sh: only $found of $expected test projects produced results" >&2
  status=1; failed=$((failed + expected - found))
fi

echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
