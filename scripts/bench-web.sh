#!/usr/bin/env bash
# Web benchmarks: builds the release web app, then in headless Chromium (phone profile) prints
#   scripts/bench-web.sh         shipped sizes, first-frame and reload times and their start-up
#                                phases, against a bare Dear ImGui page; frames in 10 s idle; CPU
#                                per frame while scrolling the longest answer;
#   scripts/bench-web.sh python  code runs: Run → verdict for a cold runner (first run after a
#                                launch, runtime from the service-worker cache) and a warm one, an
#                                infinite loop until ready again, memory, the runtime's size.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/env.sh
scripts/setup.sh web test
cmake --preset web >/dev/null
cmake --build --preset web >/dev/null
case "${1:-web}" in
  web) node bench/web_bench.mjs ;;
  python) node bench/python_bench.mjs ;;
  *) echo "usage: scripts/bench-web.sh [web|python]" >&2; exit 2 ;;
esac
