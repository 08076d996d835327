#!/usr/bin/env bash
# Sets up what is missing and runs every test: the core's doctest unit tests and the bank check
# (native, through ctest), the unit tests again under ASan + UBSan, a short run of each fuzz
# harness, then the end-to-end tests of the web build in headless Chromium.
# Ends with one line: "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/env.sh
scripts/setup.sh native web test || { echo "0 passed, 1 failed"; exit 1; }

passed=0 failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step() { echo; echo "== $*"; }

# Runs a ctest preset and adds its doctest cases to the totals ("[doctest] test cases: T | P
# passed | F failed"); a run that aborts (a sanitizer) leaves no summary and counts as a failure.
run_doctest() {
  ctest --preset "$1" -V 2>&1 | tee "$log" >/dev/null
  doctest_passed=$(grep -oE 'test cases: *[0-9]+ \| *[0-9]+ passed' "$log" | awk '{s+=$5} END {print s+0}')
  doctest_failed=$(grep -oE '[0-9]+ failed \| *[0-9]+ skipped' "$log" | awk '{s+=$1} END {print s+0}')
  grep -E '\[doctest\] (test cases|Status)|Test +#|tests passed|FAILED|Failed' "$log" || true
  grep -E -B2 -A12 'ERROR:|FAILED!|runtime error:' "$log" | head -80 || true
  passed=$((passed + doctest_passed)) failed=$((failed + doctest_failed))
  for suite in core_tests native_runner; do
    if grep -qE "Test +#[0-9]+: $suite " "$log" && ! grep -qE "$suite .*Passed" "$log" && [ "$doctest_failed" = 0 ]; then
      failed=$((failed + 1))
    fi
  done
}

step "native build"
if cmake --preset native >/dev/null && cmake --build --preset native; then
  step "unit tests (ctest)"
  run_doctest native
  # The other ctest tests (bank and code-card checks, the grader, the runners) count as one each;
  # doctest executables (core_tests, native_runner) are counted by their cases above.
  others_passed=$(grep -E 'Test +#[0-9]+: ' "$log" | grep -vE 'core_tests|native_runner' | grep -c ' Passed' || true)
  others_failed=$(grep -E 'Test +#[0-9]+: ' "$log" | grep -vE 'core_tests|native_runner' | grep -vc ' Passed' || true)
  passed=$((passed + others_passed)) failed=$((failed + others_failed))
else
  echo "native build failed"; failed=$((failed + 1))
fi

step "sanitizers (core_tests under ASan + UBSan, clang 14)"
if cmake --preset asan >/dev/null && cmake --build --preset asan; then
  run_doctest asan
else
  echo "sanitizer build failed"; failed=$((failed + 1))
fi

step "fuzz smoke (each harness 10 s)"
scripts/fuzz.sh 10 2>&1 | tee "$log"
# One test per harness: passed when it found no crash. A build failure counts as one failure.
fuzz_passed=$(grep -cE ' executions  crashes: 0$' "$log" || true)
fuzz_failed=$(grep -E ' executions  crashes: ' "$log" | grep -vcE 'crashes: 0$' || true)
[ "$fuzz_passed" -gt 0 ] || [ "$fuzz_failed" -gt 0 ] || fuzz_failed=1
passed=$((passed + fuzz_passed)) failed=$((failed + fuzz_failed))

step "web build"
if cmake --preset web >/dev/null && cmake --build --preset web; then
  step "end-to-end tests (headless Chromium, phone profile)"
  node --test --test-concurrency=1 --test-reporter=tap tests/e2e/ 2>&1 | tee "$log" \
    | grep -E '^(not )?ok |^# (pass|fail)|^ +(error|expected|actual|location):|test\.mjs:[0-9]+' | head -120
  e2e_passed=$(grep -E '^# pass ' "$log" | awk '{print $3}')
  e2e_failed=$(grep -E '^# fail ' "$log" | awk '{print $3}')
  passed=$((passed + ${e2e_passed:-0})) failed=$((failed + ${e2e_failed:-1}))
else
  echo "web build failed"; failed=$((failed + 1))
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
