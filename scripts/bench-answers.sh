#!/usr/bin/env bash
# Benchmarks the typed-answer scorer (core/practice/answer_score.h) on the labelled answers
# (tests/answers/labelled*.jsonl) and prints figures; asserts nothing:
#  1. precision, recall and F1 over key points against the labels, per split (dev, test) and
#     overall, for the scorer and a naive token-overlap baseline;
#  2. the mean coverage given to weak answers (kinds wrong and stuffed) and to each kind;
#  3. the time per answer, native and wasm under node.
# Builds answer_bench in build/bench-native and build/bench-wasm (em++ -O2), like the other
# benchmarks; PYPREP_BENCH_NATIVE / PYPREP_BENCH_WASM name other build directories.
# Usage: scripts/bench-answers.sh [answer_bench options, e.g. --answers DIR, --bank DIR]
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
native=${PYPREP_BENCH_NATIVE:-$native}
wasm=${PYPREP_BENCH_WASM:-$wasm}

build_benchmark answer_bench
run_native answer_bench "$@"
run_wasm answer_bench --repeat 5 "$@" | sed -n '/^---/p; /^time per answer/p'  # the figures are the native ones

echo "--- summary"
awk -F'[ =]' '/^RESULT /{v[$2]=$3}
  END {
    printf "F1 over key points: dev scorer %.3f, baseline %.3f; test scorer %.3f, baseline %.3f (target: test >= 0.85)\n",
      v["dev_scorer_f1"], v["dev_baseline_f1"], v["test_scorer_f1"], v["test_baseline_f1"]
    printf "weak answers (wrong, stuffed) mean coverage: dev scorer %.1f%%, baseline %.1f%%; test scorer %.1f%%, baseline %.1f%% (target: < 25%%)\n",
      100 * v["dev_scorer_weak_coverage"], 100 * v["dev_baseline_weak_coverage"],
      100 * v["test_scorer_weak_coverage"], 100 * v["test_baseline_weak_coverage"]
    printf "time per answer: native %.0f us (%.0f us compiling the card too), wasm %.0f us (%.0f us) (target: <= 1 ms in wasm)\n",
      v["native_us_per_answer"], v["native_us_per_answer_compiling"],
      v["wasm_us_per_answer"], v["wasm_us_per_answer_compiling"]
  }' "$results"
