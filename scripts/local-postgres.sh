#!/usr/bin/env bash
# A private PostgreSQL server for running and testing AksPosture on this machine.
#
# Why a private cluster: the portal and the integration tests need a real
# PostgreSQL, and we must not depend on (or disturb) whatever the machine runs
# on port 5432. So we keep our own cluster in the checkout's git-ignored
# .local/postgres, listening only on 127.0.0.1:${AKSPOSTURE_PG_PORT:-55432}.
#
# Sourced (scripts/run-portal.sh, scripts/test.sh):
#   aksp_pg_start  Start (or reuse) the server, create database "aksposture" and
#                  export ConnectionStrings__Posture. Sets AKSPOSTURE_PG_STARTED=1
#                  when this call started the server. If ConnectionStrings__Posture
#                  is already set, it installs and starts nothing: that database is used.
#   aksp_pg_stop   Stop the server, but only if aksp_pg_start started it.
# Run directly:
#   scripts/local-postgres.sh start|stop|status|url
#   (url prints the connection string; stop stops the server whoever started it)
#
# Sourcing changes no shell options: the real work runs in a child bash with
# `set -euo pipefail`, so even an interactive shell can source this file.

_AKSP_PG_SELF=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)/$(basename -- "${BASH_SOURCE[0]}")
_AKSP_REPO=$(cd -- "$(dirname -- "$_AKSP_PG_SELF")/.." && pwd)
AKSPOSTURE_PG_STARTED=0

_aksp_log() { printf '[aksposture] %s\n' "$*" >&2; }

# True when the user configured a database of their own.
_aksp_pg_configured() {
    [[ -n ${ConnectionStrings__Posture:-} && $ConnectionStrings__Posture != "${AKSPOSTURE_PG_LOCAL_CS:-}" ]]
}

# ---------------------------------------------------------------- sourced API

aksp_pg_start() {
    # A connection string from the user replaces the local server entirely.
    # (One exported by an earlier aksp_pg_start, here or in a parent, does not count.)
    if _aksp_pg_configured; then
        _aksp_log "ConnectionStrings__Posture is set: using the configured database, no local PostgreSQL is started"
        return 0
    fi
    local out
    out=$(bash "$_AKSP_PG_SELF" __start) || return
    # The child prints two lines: started|reused, then the connection string.
    if [[ ${out%%$'\n'*} == started ]]; then
        AKSPOSTURE_PG_STARTED=1
    fi
    export AKSPOSTURE_PG_LOCAL_CS=${out#*$'\n'}
    export ConnectionStrings__Posture=$AKSPOSTURE_PG_LOCAL_CS
}

aksp_pg_stop() {
    # Only stop what we started: a server someone else runs (another terminal's
    # run-portal.sh, say) keeps running.
    if [[ $AKSPOSTURE_PG_STARTED == 1 ]]; then
        bash "$_AKSP_PG_SELF" stop || return
        AKSPOSTURE_PG_STARTED=0
    fi
}

# ------------------------------------------------- the child (set -euo pipefail)

_aksp_die() {
    _aksp_log "$*"
    exit 1
}

# Newest installed server, unless the cluster was made by a version that is still installed.
_aksp_pg_find_bin() {
    local want="" best
    if [[ -f $PG_DATA/PG_VERSION ]]; then
        want=$(<"$PG_DATA/PG_VERSION")
        if [[ -x /usr/lib/postgresql/$want/bin/pg_ctl ]]; then
            PG_BIN=/usr/lib/postgresql/$want/bin
            return 0
        fi
    fi
    best=$(printf '%s\n' /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)
    [[ -x $best ]] || return 1
    PG_BIN=${best%/pg_ctl}
    if [[ -n $want ]]; then
        _aksp_die "$PG_DATA was made by PostgreSQL $want, which is no longer installed: install postgresql-$want, or delete $PG_ROOT to start afresh"
    fi
}

_aksp_pg_install() {
    local -a sudo=()
    if ((EUID != 0)); then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            _aksp_die "PostgreSQL server not found (/usr/lib/postgresql/*/bin/pg_ctl). Install it with 'sudo apt-get install --no-install-recommends postgresql', or set ConnectionStrings__Posture to use an existing server."
        fi
    fi
    command -v apt-get >/dev/null ||
        _aksp_die "PostgreSQL server not found and there is no apt-get: install the PostgreSQL server (15 or newer), or set ConnectionStrings__Posture to use an existing server."
    _aksp_log "PostgreSQL server not found: installing Debian's 'postgresql' package (its own cluster on port 5432 is not used)"
    local -a apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q)
    if ! "${apt[@]}" install --no-install-recommends postgresql; then
        # A fresh machine may have no package lists yet.
        _aksp_log "install failed; running apt-get update and retrying"
        "${apt[@]}" update
        "${apt[@]}" install --no-install-recommends postgresql
    fi
    _aksp_pg_find_bin || _aksp_die "PostgreSQL was installed but no /usr/lib/postgresql/*/bin/pg_ctl was found"
}

# PostgreSQL refuses to run as root, so as root the server runs as the
# 'postgres' user the Debian package creates (or whoever already owns the cluster).
_aksp_pg_pick_user() {
    if ((EUID != 0)); then
        PG_USER=$(id -un)
        if [[ -e $PG_ROOT && ! -O $PG_ROOT ]]; then
            _aksp_die "$PG_ROOT belongs to $(stat -c %U "$PG_ROOT") (an earlier run as root?): run as root again, or delete it to start afresh"
        fi
        return 0
    fi
    PG_USER=postgres
    if [[ -e $PG_ROOT ]] && [[ $(stat -c %U "$PG_ROOT") != root ]]; then
        PG_USER=$(stat -c %U "$PG_ROOT")
    fi
    id -u "$PG_USER" >/dev/null 2>&1 ||
        _aksp_die "PostgreSQL refuses to run as root and there is no '$PG_USER' user to run it as: run as a normal user, or create one (useradd --system postgres)"
    command -v runuser >/dev/null || _aksp_die "runuser (util-linux) is needed to run PostgreSQL as $PG_USER"
}

# Run a server-side command as the user that owns the cluster.
_aksp_pg_as() {
    if ((EUID == 0)); then
        runuser -u "$PG_USER" -- "$@"
    else
        "$@"
    fi
}

# As root the checkout may sit under a 0700 directory (/root, mktemp -d), which
# the postgres user cannot pass through. Grant traverse-only (x) permission on
# exactly the ancestors that block it, and say so.
_aksp_pg_grant_traverse() {
    if _aksp_pg_as test -x "$PG_ROOT"; then
        return 0
    fi
    local -a parts changed=()
    local dir="" i how="chmod o+x"
    if command -v setfacl >/dev/null; then
        how="setfacl -m u:$PG_USER:x"
    fi
    IFS=/ read -ra parts <<<"${PG_ROOT#/}"
    # Top-down, so each test only fails because of the directory itself.
    for ((i = 0; i < ${#parts[@]} - 1; i++)); do
        dir+=/${parts[i]}
        if ! _aksp_pg_as test -x "$dir"; then
            if [[ $how == chmod* ]]; then
                chmod o+x "$dir"
            else
                setfacl -m "u:$PG_USER:x" "$dir"
            fi
            changed+=("$dir")
        fi
    done
    local list
    printf -v list '%s, ' "${changed[@]}"
    _aksp_log "gave user $PG_USER traverse-only access ($how) to ${list%, }: PostgreSQL refuses to run as root, so it runs as $PG_USER and must reach $PG_ROOT"
    _aksp_pg_as test -x "$PG_ROOT" ||
        _aksp_die "user $PG_USER still cannot reach $PG_ROOT: move the checkout (e.g. under /srv or /tmp) or run as a normal user"
}

# Folder, password and cluster, each made once.
_aksp_pg_init() {
    mkdir -p "$PG_ROOT"
    if ((EUID == 0)); then
        chown "$PG_USER:" "$PG_ROOT"
    fi
    chmod 700 "$PG_ROOT"
    if ((EUID == 0)); then
        _aksp_pg_grant_traverse
    fi

    if [[ ! -s $PG_PWFILE ]]; then
        if [[ -f $PG_DATA/PG_VERSION ]]; then
            _aksp_die "$PG_PWFILE is missing for the existing cluster: delete $PG_ROOT to start afresh"
        fi
        (umask 077 && od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$PG_PWFILE")
    fi
    if ((EUID == 0)); then
        chown "$PG_USER:" "$PG_PWFILE" # initdb, running as $PG_USER, reads it
    fi
    chmod 600 "$PG_PWFILE"

    if [[ ! -f $PG_DATA/PG_VERSION ]]; then
        _aksp_log "creating the private PostgreSQL cluster in $PG_DATA (first run)"
        # scram for every connection (socket included); no locale, so the same
        # sort order everywhere; UTF8 because the portal stores arbitrary text.
        _aksp_pg_as "$PG_BIN/initdb" -D "$PG_DATA" -U aksposture --pwfile="$PG_PWFILE" \
            --auth=scram-sha-256 --encoding=UTF8 --no-locale >"$PG_ROOT/initdb.log" 2>&1 ||
            { cat "$PG_ROOT/initdb.log" >&2; _aksp_die "initdb failed (see above)"; }
    fi
}

_aksp_pg_is_running() {
    _aksp_pg_as "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1
}

_aksp_pg_psql() {
    PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
        -h 127.0.0.1 -p "$PG_PORT" -U aksposture -d postgres "$@"
}

_aksp_pg_ensure_db() {
    local exists i
    # pg_ctl -w waited for a server we started; a reused one may still be starting.
    for ((i = 0; i < 30; i++)); do
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
        sleep 1
    done
    exists=$(_aksp_pg_psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'aksposture'") || return 1
    if [[ $exists != 1 ]]; then
        _aksp_log "creating database aksposture"
        _aksp_pg_psql -c 'CREATE DATABASE aksposture' || return 1
    fi
}

# Sets PG_STATE to started or reused.
_aksp_pg_do_start() {
    _aksp_pg_find_bin || _aksp_pg_install
    _aksp_pg_pick_user
    _aksp_pg_init
    PG_PASSWORD=$(<"$PG_PWFILE")

    if _aksp_pg_is_running; then
        PG_STATE=reused
        local port
        port=$(sed -n 4p "$PG_DATA/postmaster.pid")
        if [[ -n $port && $port != "$PG_PORT" ]]; then
            _aksp_log "the server is already running on port $port, not $PG_PORT: using it as it is"
            PG_PORT=$port
        fi
        _aksp_log "reusing the PostgreSQL server already running on 127.0.0.1:$PG_PORT ($PG_DATA)"
    else
        # The socket lives in our private folder; a Unix socket path is limited
        # to ~107 bytes, and we only use TCP, so a deep checkout simply goes without.
        local sock="-k '$PG_ROOT'"
        if ((${#PG_ROOT} + 20 > 100)) || [[ $PG_ROOT == *"'"* ]]; then
            sock="-k ''"
        fi
        # 3>&-: the server must not inherit the pipe aksp_pg_start reads the
        # result from, or that read would wait for the server to exit.
        _aksp_log "starting PostgreSQL on 127.0.0.1:$PG_PORT ($PG_DATA, log $PG_LOG)"
        if ! _aksp_pg_as "$PG_BIN/pg_ctl" start -s -w -t 60 -D "$PG_DATA" -l "$PG_LOG" \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT $sock" 3>&-; then
            tail -n 15 "$PG_LOG" >&2 || true
            _aksp_die "PostgreSQL did not start (log: $PG_LOG). If port $PG_PORT is taken, set AKSPOSTURE_PG_PORT to a free one."
        fi
        PG_STATE=started
    fi

    if ! _aksp_pg_ensure_db; then
        # Leave nothing running that nobody will stop.
        if [[ $PG_STATE == started ]]; then
            _aksp_pg_as "$PG_BIN/pg_ctl" stop -s -w -m fast -D "$PG_DATA" || true
        fi
        _aksp_die "could not prepare database aksposture on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
    fi
}

_aksp_pg_do_stop() {
    if [[ ! -e $PG_ROOT ]] || ! _aksp_pg_find_bin; then
        _aksp_log "no local PostgreSQL to stop"
        return 0
    fi
    _aksp_pg_pick_user
    if _aksp_pg_is_running; then
        _aksp_pg_as "$PG_BIN/pg_ctl" stop -s -w -m fast -D "$PG_DATA"
        _aksp_log "stopped the local PostgreSQL server ($PG_DATA)"
    else
        _aksp_log "the local PostgreSQL server is not running ($PG_DATA)"
    fi
}

_aksp_pg_connection_string() {
    [[ -s $PG_PWFILE ]] || _aksp_die "no local PostgreSQL yet: run '$0 start' first"
    local port=$PG_PORT
    if [[ -f $PG_DATA/postmaster.pid ]]; then
        port=$(sed -n 4p "$PG_DATA/postmaster.pid")
    fi
    printf 'Host=127.0.0.1;Port=%s;Database=aksposture;Username=aksposture;Password=%s\n' "$port" "$(<"$PG_PWFILE")"
}

_aksp_pg_main() {
    PG_PORT=${AKSPOSTURE_PG_PORT:-55432}
    PG_ROOT=$_AKSP_REPO/.local/postgres
    PG_DATA=$PG_ROOT/data
    PG_LOG=$PG_ROOT/postgres.log
    PG_PWFILE=$PG_ROOT/password
    # The server user may not be able to enter the caller's directory.
    cd /

    case ${1:-} in
        __start) # for aksp_pg_start: messages to stderr, the result on stdout
            exec 3>&1 1>&2
            _aksp_pg_do_start
            printf '%s\n' "$PG_STATE" >&3
            _aksp_pg_connection_string >&3
            ;;
        start)
            if _aksp_pg_configured; then
                _aksp_log "ConnectionStrings__Posture is set: using the configured database, no local PostgreSQL is started"
                return 0
            fi
            _aksp_pg_do_start
            _aksp_log "PostgreSQL is ready on 127.0.0.1:$PG_PORT; '$0 url' prints the connection string"
            ;;
        stop) _aksp_pg_do_stop ;;
        status)
            if [[ -e $PG_ROOT ]] && _aksp_pg_find_bin && _aksp_pg_pick_user && _aksp_pg_is_running; then
                _aksp_log "running: 127.0.0.1:$(sed -n 4p "$PG_DATA/postmaster.pid") ($PG_DATA)"
            else
                _aksp_log "not running ($PG_DATA)"
                return 3
            fi
            ;;
        url) _aksp_pg_connection_string ;;
        *)
            _aksp_log "usage: $0 start|stop|status|url (or source it and call aksp_pg_start / aksp_pg_stop)"
            return 2
            ;;
    esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    _aksp_pg_main "$@"
fi
