# shellcheck shell=bash
# Shared set-up for scripts/run-app and scripts/run-tests. Sourced, never run directly.
#
# Everything here is idempotent: a second run finds the Debian packages installed and the
# virtualenv stamp matching pyproject.toml, and says nothing.

SOMESTUDIO_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
VENV_DIR=${SOMESTUDIO_VENV:-$SOMESTUDIO_ROOT/.venv}
MIN_PYTHON=(3 11)

# Debian 12 packages the PySide6 wheel needs at run time for the xcb (X11) and offscreen
# platforms. Derived with readelf -d (NEEDED) over PySide6's Qt{Core,Gui,Widgets,Svg,Network,
# DBus,Test,PrintSupport} modules and libQt6XcbQpa, plus the platforms/, xcbglintegrations/,
# imageformats/, iconengines/, platforminputcontexts/ (compose, ibus) and tls/ plugins, each
# library mapped to its package with dpkg -S. Libraries from Priority: required packages
# (libc6, libstdc++6, zlib1g, libzstd1) are left out. Qt 6 no longer uses xinerama.
# The fonts are not linked, but without one Qt renders no text at all, and posts are full of
# emoji (colour emoji font).
# shellcheck disable=SC2034  # used by the scripts that source this file
APP_DEB_PACKAGES=(
    libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
    libgssapi-krb5-2 libbrotli1
    libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0
    libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
    libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
    fonts-dejavu-core fonts-noto-color-emoji
)

# What the test suite uses on top: a real X server and a way to drive it (smoke test), a
# private D-Bus session with a real Secret Service (keyring tests), pdftoppm (PDF reports),
# objdump (PyInstaller needs it to build the bundle), PostgreSQL and Redis (the Bluesky
# AppView of the metrics test runs on them; the test starts its own servers on 127.0.0.1),
# faketime (the unit and UI tests run again at other dates and zones).
# The journeys (tests/journeys) find controls as a screen reader does: the AT-SPI bus
# (at-spi2-core) and pyatspi for the system Python, which runs their driver.
# shellcheck disable=SC2034
TEST_DEB_PACKAGES=(
    xvfb xdotool dbus gnome-keyring poppler-utils binutils postgresql redis-server faketime
    at-spi2-core python3-gi python3-pyatspi gir1.2-atspi-2.0
)

say() { printf 'somestudio: %s\n' "$*" >&2; }
die() {
    printf 'somestudio: error: %s\n' "$*" >&2
    exit 1
}

is_root() { [[ $(id -u) -eq 0 ]]; }

_APT_UPDATED=0
apt_install() {
    local log
    log=$(mktemp)
    if ((_APT_UPDATED == 0)); then
        if ! DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -q \
            >"$log" 2>&1; then
            cat "$log" >&2
            rm -f "$log"
            die "apt-get update failed"
        fi
        _APT_UPDATED=1
    fi
    if ! DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q \
        --no-install-recommends "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        die "apt-get install failed: $*"
    fi
    rm -f "$log"
}

# Print, one a line, the given Debian packages that are not installed.
missing_debs() {
    local pkg status
    for pkg in "$@"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        # Several architectures of one package print one status each.
        [[ $status == *"install ok installed"* ]] || printf '%s\n' "$pkg"
    done
}

# Make sure the given Debian packages are installed: install them as root, otherwise print
# the exact command and stop.
ensure_debs() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "not a Debian-based system: not checking system libraries (see README, Set up)"
        return 0
    fi
    local missing=()
    mapfile -t missing < <(missing_debs "$@")
    ((${#missing[@]} == 0)) && return 0
    if is_root; then
        say "installing Debian packages: ${missing[*]}"
        apt_install "${missing[@]}"
    else
        printf 'somestudio: error: missing Debian packages: %s\n' "${missing[*]}" >&2
        printf 'Install them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends %s\n' \
            "${missing[*]}" >&2
        exit 1
    fi
}

# Succeed when "$1" is a Python interpreter at least MIN_PYTHON.
python_ok() {
    "$1" -c "import sys; sys.exit(sys.version_info < (${MIN_PYTHON[0]}, ${MIN_PYTHON[1]}))" \
        >/dev/null 2>&1
}

find_python() {
    local candidate
    for candidate in "${SOMESTUDIO_PYTHON:-}" python3 python3.13 python3.12 python3.11; do
        [[ -n $candidate ]] || continue
        if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

create_venv() {
    local python
    if ! python=$(find_python); then
        if is_root && command -v apt-get >/dev/null 2>&1; then
            say "installing Debian packages: python3 python3-venv"
            apt_install python3 python3-venv
            python=$(find_python) || die "no Python >= ${MIN_PYTHON[0]}.${MIN_PYTHON[1]} found"
        else
            die "Python >= ${MIN_PYTHON[0]}.${MIN_PYTHON[1]} is needed (set SOMESTUDIO_PYTHON to its path)"
        fi
    fi
    say "creating virtualenv $VENV_DIR with $python"
    if ! "$python" -m venv "$VENV_DIR" >/dev/null 2>&1; then
        # Debian splits ensurepip off into python3-venv.
        [[ -f $VENV_DIR/pyvenv.cfg ]] && rm -rf -- "$VENV_DIR"
        if is_root && command -v apt-get >/dev/null 2>&1; then
            say "installing Debian package: python3-venv"
            apt_install python3-venv
            "$python" -m venv "$VENV_DIR" || die "could not create $VENV_DIR"
        else
            die "'$python -m venv' does not work; install it with: sudo apt-get install -y python3-venv"
        fi
    fi
}

# ensure_venv app|dev: a working .venv with this checkout installed in editable mode.
# pip runs only when pyproject.toml changed since the last install (stamp inside the venv).
ensure_venv() {
    local flavour=$1 spec=. stamp_file want have=""
    [[ $flavour == dev ]] && spec=".[dev]"
    if [[ -x $VENV_DIR/bin/python ]] && ! python_ok "$VENV_DIR/bin/python"; then
        say "virtualenv $VENV_DIR is broken or too old: recreating it"
        [[ -f $VENV_DIR/pyvenv.cfg ]] || die "$VENV_DIR is not a virtualenv; move it away"
        rm -rf -- "$VENV_DIR"
    fi
    [[ -x $VENV_DIR/bin/python ]] || create_venv

    stamp_file=$VENV_DIR/.somestudio-install-stamp
    want=$(sha256sum "$SOMESTUDIO_ROOT/pyproject.toml" | cut -d' ' -f1)
    [[ -f $stamp_file ]] && have=$(<"$stamp_file")
    # A dev install contains everything the app needs.
    if [[ $have == "$want dev" || ($flavour == app && $have == "$want app") ]]; then
        return 0
    fi

    say "installing $spec into $VENV_DIR (first run, or pyproject.toml changed)"
    local log
    log=$(mktemp)
    if ! (cd "$SOMESTUDIO_ROOT" && "$VENV_DIR/bin/python" -m pip install \
        --disable-pip-version-check --no-input -q -e "$spec") >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        die "pip install failed"
    fi
    rm -f "$log"
    printf '%s %s\n' "$want" "$flavour" >"$stamp_file"
}

# Debian packages the virtualenv's own interpreter needs for building the PyInstaller bundle:
# a Debian-packaged Python keeps its shared library (libpython3.X.so) in a separate package.
venv_python_debs() {
    local base version
    command -v dpkg-query >/dev/null 2>&1 || return 0
    base=$("$VENV_DIR/bin/python" -c 'import os, sys; print(os.path.realpath(sys._base_executable))')
    version=$("$VENV_DIR/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    if dpkg-query -S "$base" >/dev/null 2>&1; then
        printf 'libpython%s\n' "$version"
    fi
}

# Compile the translation catalogues (resources/translations/*.ts → .qm, only those whose
# .ts is newer): the .qm files are built, never committed.
build_translations() {
    "$VENV_DIR/bin/python" -m somestudio.ui.catalogue || die "could not compile the translations"
}
