#!/usr/bin/env bash
# Installs what the tests need and runs every test. `.ci/run` calls this same script.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ ! -d "$root/../shared/data" ]]; then
  echo "test.sh: ../shared/data is missing; the tests read the real public lists from there" >&2
  exit 2
fi

# The PostgreSQL store's tests need a server: one is installed if missing and started on loopback for this run.
# Under CI a server that cannot start fails the run; elsewhere those tests are skipped, and say so.
source "$root/scripts/test-postgres.sh"
skip_postgres=()
if ! cordon_test_postgres_start; then
  if [[ -n "${CI:-}" ]]; then
    echo "test.sh: no PostgreSQL server for the PostgreSQL store's tests; under CI that fails the run" >&2
    exit 2
  fi
  echo "test.sh: the PostgreSQL store's tests will be skipped" >&2
  skip_postgres=(--filter "FullyQualifiedName!~Cordon.Postgres.Tests")
fi
trap cordon_test_postgres_stop EXIT

dotnet build Cordon.slnx -c Release -nologo -v quiet -warnaserror
log="$(mktemp)"
set +e
dotnet test Cordon.slnx -c Release --no-build -nologo "${skip_postgres[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The server's integration tests once more, against PostgreSQL: the same tests, each server on a database of its own.
if [[ ${#skip_postgres[@]} -eq 0 ]]; then
  echo "test.sh: the server's tests again, on PostgreSQL" >&2
  CORDON_TEST_SERVER_STORE=postgres dotnet test tests/Cordon.Server.Tests/Cordon.Server.Tests.csproj -c Release --no-build -nologo "$@" 2>&1 | tee -a "$log"
  [[ ${PIPESTATUS[0]} -ne 0 ]] && status=1
fi
set -e

# One closing line for the whole run, summed over the test assemblies.
awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      v = $(i + 1); gsub(/,/, "", v)
      if ($i == "Failed:") failed += v
      if ($i == "Passed:") passed += v
      if ($i == "Skipped:") skipped += v
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
rm -f "$log"
exit "$status"
