#!/usr/bin/env bash
# The README's first command: run the portal on this machine.
#
# Starts the private PostgreSQL (scripts/local-postgres.sh) unless
# ConnectionStrings__Posture is set, then runs the portal, which migrates the
# database on startup. Ctrl-C stops the portal, then the PostgreSQL server
# (only if this script started it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/local-postgres.sh
source scripts/local-postgres.sh

portal_pid=""
# shellcheck disable=SC2317 # only reached through the traps below
cleanup() {
    trap - EXIT INT TERM
    if [[ -n $portal_pid ]] && kill -0 "$portal_pid" 2>/dev/null; then
        # The portal runs in its own process group (setsid below), so this reaches
        # both `dotnet run` and the app it launched.
        kill -TERM -- "-$portal_pid" 2>/dev/null || true
        wait "$portal_pid" 2>/dev/null || true
    fi
    aksp_pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

aksp_pg_start

if [[ -f .config/dotnet-tools.json ]]; then
    dotnet tool restore >&2
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
export Database__MigrateOnStartup=true

echo "AksPosture portal: $ASPNETCORE_URLS"
# --no-launch-profile: launchSettings.json would otherwise override the URL and
# environment chosen above.
# Background + wait, so the traps run as soon as a signal arrives. A background
# job of a script ignores SIGINT, so the trap forwards SIGTERM to the process
# group that setsid gives it.
setsid dotnet run --project src/AksPosture.Web -c Release --no-launch-profile &
portal_pid=$!
status=0
wait "$portal_pid" || status=$?
portal_pid=""
exit "$status"
