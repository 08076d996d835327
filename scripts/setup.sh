#!/usr/bin/env bash
# Installs what PyPrep needs and is missing: Debian packages, Dear ImGui and SDL2 sources from
# Debian source packages, SDL2 built for wasm, and the pinned npm test tools. Idempotent and quiet
# when everything is already there. Usage: scripts/setup.sh [native|web|test]...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh"
want=("$@"); [ ${#want[@]} -gt 0 ] || want=(native web test)
wants() { local w; for w in "${want[@]}"; do [ "$w" = "$1" ] && return 0; done; return 1; }

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf 'setup: %s\n' "$*"; }
# Runs a command silently; shows its output only if it fails.
quietly() {
  local log; log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; return 1; fi
  rm -f "$log"
}

packages=(cmake ninja-build g++ pkg-config dpkg-dev python3 nlohmann-json3-dev doctest-dev
          fonts-inter fonts-jetbrains-mono python3-fonttools)
wants native && packages+=(libsdl2-dev)
wants web && packages+=(emscripten brotli librsvg2-bin)
# The bank check runs the code cards with Debian's python3 and these libraries; the sanitizer
# and fuzz steps need clang 14 with its runtimes (ASan, UBSan, libFuzzer).
wants test && packages+=(chromium nodejs brotli libsdl2-dev emscripten librsvg2-bin
                         python3-click python3-requests python3-numpy python3-msgpack
                         clang-14 libclang-rt-14-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# nodejs may come from another repository than Debian's; only its presence matters.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}")
  missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  quietly sudo_ apt-get update
  quietly sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# deb-src entries (none exist by default) for the machine's own mirror: bookworm has SDL2 2.26.5,
# trixie has Dear ImGui 1.90.1 (bookworm's 1.86 lacks touch mouse sources).
ensure_deb_src() {
  local list=/etc/apt/sources.list.d/pyprep-src.sources
  [ -f "$list" ] && return 0
  local uri
  uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' \
        | grep -E '/debian/?$' | head -1)
  [ -n "$uri" ] || uri=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' \
        | grep -E '/debian/?$' | head -1)
  [ -n "$uri" ] || { echo "setup: no Debian mirror found in apt sources" >&2; exit 1; }
  say "adding deb-src entries for $uri (bookworm, trixie)"
  printf 'Types: deb-src\nURIs: %s\nSuites: bookworm trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$uri" | sudo_ tee "$list" >/dev/null
  quietly sudo_ apt-get update
}

fetch_source() { # name=version directory
  local spec=$1 dir=$2
  [ -d "$dir" ] && return 0
  ensure_deb_src
  say "fetching Debian source $spec"
  # apt downloads as the _apt user: the download directory must be reachable by it.
  local tmp; tmp=$(mktemp -d); chmod 755 "$tmp"
  (cd "$tmp" && quietly apt-get source -qq --download-only "$spec" && \
     quietly dpkg-source -x --skip-patches -- *.dsc unpacked)
  mv "$tmp/unpacked" "$dir"
  rm -rf "$tmp"
}

mkdir -p "$PYPREP_DEPS"
fetch_source imgui=1.90.1+ds-1 "$PYPREP_IMGUI"
if wants web || wants test; then
  fetch_source libsdl2=2.26.5+dfsg-1 "$PYPREP_DEPS/sdl2-src"
  if [ ! -f "$PYPREP_SDL2_WASM/lib/libSDL2.a" ]; then
    say "building SDL2 for wasm once (about 2 minutes)"
    rm -rf "$PYPREP_DEPS/sdl2-wasm-build"
    quietly emcmake cmake -S "$PYPREP_DEPS/sdl2-src" -B "$PYPREP_DEPS/sdl2-wasm-build" -G Ninja \
      -DCMAKE_BUILD_TYPE=Release -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
      -DCMAKE_INSTALL_PREFIX="$PYPREP_SDL2_WASM"
    quietly cmake --build "$PYPREP_DEPS/sdl2-wasm-build"
    quietly cmake --install "$PYPREP_DEPS/sdl2-wasm-build"
    rm -rf "$PYPREP_DEPS/sdl2-wasm-build"
  fi
fi

if wants test || wants web; then
  stamp="$root/node_modules/.pyprep-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$root/package-lock.json" "$stamp"; then
    say "installing pinned npm tools (package-lock.json)"
    (cd "$root" && quietly npm ci --no-audit --no-fund)
    cp "$root/package-lock.json" "$stamp"
  fi
fi
