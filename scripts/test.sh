#!/usr/bin/env bash
# The README's second command (and CI's, via .ci/run): build and run all tests.
#
# Integration tests create and drop their own uniquely named databases on the
# server in ConnectionStrings__Posture, so that user must be a superuser: the
# private PostgreSQL from scripts/local-postgres.sh is one. Set
# ConnectionStrings__Posture to test against another server instead.
# Extra arguments go to `dotnet test` (e.g. --filter Category=Unit).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/local-postgres.sh
source scripts/local-postgres.sh
# shellcheck source=scripts/chromium.sh
source scripts/chromium.sh

# Stop the server on any exit, but only if this script started it.
trap aksp_pg_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

aksp_chromium_ensure
aksp_pg_start

if [[ -f .config/dotnet-tools.json ]]; then
    dotnet tool restore
fi

status=0
dotnet test AksPosture.sln -c Release "$@" || status=$?
exit "$status"
