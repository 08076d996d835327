#!/usr/bin/env bash
# Benchmarks the scheduling core (issue 3) and prints figures; asserts nothing.
#  1. replay throughput on a real review log: native, wasm under node, and ts-fsrs in node;
#  2. prediction quality of the default FSRS-6 parameters (log loss, RMSE(bins), AUC);
#  3. replay time of a synthetic 100,000-review history, native and wasm.
# Builds what it needs in build/bench-native and build/bench-wasm (em++ -O2).
# Usage: scripts/bench-core.sh [review_logs.csv]   (default: py-fsrs's review_logs_josh.csv)
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
log=$(realpath "${1:-$root/../shared/data/fsrs-revlog/review_logs_josh.csv}")
[ -d "$root/node_modules/ts-fsrs" ] || { echo "bench-core: ts-fsrs missing; run scripts/setup.sh test" >&2; exit 1; }

build_benchmark core_bench
run_native core_bench "$log"
run_wasm core_bench "$log"
echo "--- ts-fsrs"
run node "$root/bench/ts_fsrs_replay.mjs" "$log"

echo "--- summary"
awk -F'[ =]' '/^RESULT /{v[$2]=$3}
  END {
    ts = v["ts_fsrs_josh_reviews_per_s"]
    printf "replay josh: native %.0f reviews/s = %.1fx ts-fsrs; wasm %.0f reviews/s = %.1fx ts-fsrs (%.0f reviews/s)\n",
      v["native_josh_reviews_per_s"], v["native_josh_reviews_per_s"] / ts,
      v["wasm_josh_reviews_per_s"], v["wasm_josh_reviews_per_s"] / ts, ts
    printf "synthetic 100,000 reviews: replay native %.1f ms, wasm %.1f ms; load from records (parse + replay) native %.1f ms, wasm %.1f ms; App::start native %.1f ms, wasm %.1f ms\n",
      v["native_synthetic_replay_ms"], v["wasm_synthetic_replay_ms"],
      v["native_synthetic_records_ms"], v["wasm_synthetic_records_ms"],
      v["native_synthetic_app_start_ms"], v["wasm_synthetic_app_start_ms"]
  }' "$results"
