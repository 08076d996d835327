#!/usr/bin/env bash
# Builds the libFuzzer harnesses of the core's parsers (tests/fuzz/*_fuzz.cpp, CMake preset
# "fuzz" in build/fuzz; clang 14 with ASan + UBSan) and runs each for the given seconds.
# Prints one line per harness: its name, the inputs it executed, and the crashes it found (0, or
# the file holding the crashing input; the sanitizer's report follows on stderr).
# Exits non-zero if any harness crashed or could not run.
# Usage: scripts/fuzz.sh [seconds per harness, default 60]
# Reproduce a crash: build/fuzz/tests/fuzz/<name>_fuzz <crash file>
set -uo pipefail
seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [seconds]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=build/fuzz

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { nice cmake --preset fuzz && nice cmake --build --preset fuzz; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "fuzz: the harnesses did not build" >&2
  exit 1
fi

# Seeds: the committed ones (tests/fuzz/seeds/<name>/) plus, for the bank loader, one small topic
# file per bank file (its first concept card and first code card), made from assets/bank/*.json.
mkdir -p "$build/seeds/bank_loader"
/usr/bin/python3 - "$build/seeds/bank_loader" assets/bank/*.json <<'EOF'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for path in map(pathlib.Path, sys.argv[2:]):
    bank = json.loads(path.read_text(encoding="utf-8"))
    cards = bank.get("cards", [])
    picked = [c for kind in ("concept", "code")
              for c in [next((c for c in cards if c.get("kind") == kind), None)] if c]
    small = dict(bank, cards=picked)
    (out / path.name).write_text(json.dumps(small, indent=2, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
EOF

failed=0
for source in tests/fuzz/*_fuzz.cpp; do
  harness=$(basename "$source" .cpp)
  name=${harness%_fuzz}
  corpus="$build/corpus/$name" crashes="$build/crashes/$name"
  mkdir -p "$corpus"
  rm -rf "$crashes" && mkdir -p "$crashes"
  seed_dirs=()
  for dir in "tests/fuzz/seeds/$name" "$build/seeds/$name"; do
    [ -d "$dir" ] && seed_dirs+=("$dir")
  done
  # New inputs go to the first directory (the corpus kept in build/fuzz between runs).
  nice "$build/tests/fuzz/$harness" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
    -print_final_stats=1 -dict=tests/fuzz/json.dict -artifact_prefix="$crashes/" \
    "$corpus" "${seed_dirs[@]}" >"$log" 2>&1
  rc=$?
  runs=$(grep -a -m1 '^stat::number_of_executed_units:' "$log" | awk '{print $2}')
  crash=$(find "$crashes" -type f | head -1)
  if [ -n "$crash" ]; then
    printf '%-14s %10s executions  crashes: %s\n' "$name" "${runs:-?}" "$crash"
  elif [ "$rc" != 0 ]; then
    printf '%-14s %10s executions  crashes: none written, but the run failed (exit %s)\n' \
      "$name" "${runs:-?}" "$rc"
  else
    printf '%-14s %10s executions  crashes: 0\n' "$name" "${runs:-?}"
  fi
  if [ -n "$crash" ] || [ "$rc" != 0 ]; then
    failed=1
    # The report: the harness's own message or the sanitizer's, without libFuzzer's progress.
    grep -a -v -E '^#[0-9]+|^(INFO|MS|NOTE|stat::|Done|base unit|Dictionary|0x| +Combine)|^\s*(NEW_FUNC|$)' "$log" \
      | grep -a -v -E ' in (fuzzer::|__sanitizer_print_stack_trace|__libc_start|_start|abort|raise|__pthread_kill)|libc\.so' \
      | head -40 >&2
  fi
done
exit "$failed"
