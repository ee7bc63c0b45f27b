#!/usr/bin/env bash
# Chromium for the browser tests (Microsoft.Playwright drives the system browser;
# Playwright's own browser download is not used).
#
# Sourced (scripts/test.sh):
#   aksp_chromium_ensure  Installs Debian's 'chromium' package when no browser is
#                         found, then exports AKSPOSTURE_CHROMIUM (its path).
# AKSPOSTURE_CHROMIUM set beforehand names another Chromium and skips the install.

_aksp_chromium_log() { printf '[aksposture] %s\n' "$*" >&2; }

aksp_chromium_ensure() {
    if [[ -n ${AKSPOSTURE_CHROMIUM:-} ]]; then
        [[ -x $AKSPOSTURE_CHROMIUM ]] || { _aksp_chromium_log "AKSPOSTURE_CHROMIUM=$AKSPOSTURE_CHROMIUM is not an executable file"; return 1; }
        return 0
    fi

    if [[ ! -x /usr/bin/chromium ]]; then
        local -a sudo=()
        if [[ $(id -u) -ne 0 ]]; then
            if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
                sudo=(sudo -n)
            else
                _aksp_chromium_log "Chromium not found (/usr/bin/chromium). Install it with 'sudo apt-get install chromium', or set AKSPOSTURE_CHROMIUM to a Chromium binary."
                return 1
            fi
        fi

        _aksp_chromium_log "Chromium not found: installing Debian's 'chromium' package for the browser tests"
        local -a apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q)
        if ! "${apt[@]}" install --no-install-recommends chromium; then
            _aksp_chromium_log "install failed; running apt-get update and retrying"
            "${apt[@]}" update
            "${apt[@]}" install --no-install-recommends chromium
        fi
    fi

    export AKSPOSTURE_CHROMIUM=/usr/bin/chromium
}
