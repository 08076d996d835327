#!/usr/bin/env python3
"""A mutation check of core/: applies each small deliberate bug below, one at a time, rebuilds
core_tests, runs it, and prints CAUGHT or SURVIVED, then restores the file.
Run from the repository after scripts/setup.sh: python3 scripts/mutation_check.py
It edits the working tree while it runs; use a clone if you have uncommitted work."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (file, original, mutant): a boundary or a number off by one, a branch dropped.
MUTANTS = [
 ("core/srs/fsrs.cpp", "if (w[20] <= 0)", "if (w[20] < 0)"),
 ("core/srs/fsrs.cpp", "const int span = range.max_days - range.min_days + 1;", "const int span = range.max_days - range.min_days;"),
 ("core/srs/scheduler.cpp", "steps[0] * 3 / 2", "steps[0] * 2"),
 ("core/srs/scheduler.cpp", "if (step > 0) return StepMove{step, steps[step]};", "if (step > 1) return StepMove{step, steps[step]};"),
 ("core/srs/evaluation.cpp", "(double(i + 1) + double(j)) / 2.0", "(double(i) + double(j)) / 2.0"),
 ("core/study/queues.cpp", "? q - 1 : q;", "? q : q;"),
 ("core/study/stats.cpp", "if (age < 30) count(stats.retention_30d, passed);", "if (age <= 30) count(stats.retention_30d, passed);"),
 ("core/study/stats.cpp", "elapsed_days(entry.before.last_review_ms, entry.at_ms) < 1", "elapsed_days(entry.before.last_review_ms, entry.at_ms) <= 1"),
 ("core/log/collection.cpp", "e->passed > e->total", "e->passed >= e->total"),
 ("core/log/collection.cpp", "if (review.duration_ms < 0)", "if (review.duration_ms < -1)"),
 ("core/log/collection.cpp", "if (last.made_leech) progress.leech = false;", "if (false) progress.leech = false;"),
 ("core/log/backup.cpp", "if (text.size() > kMaxBackupBytes)", "if (text.size() >= kMaxBackupBytes)"),
 ("core/log/settings.cpp", "minutes > setting_limits::step_minutes.lo", "minutes >= setting_limits::step_minutes.lo"),
 ("core/log/json_scanner.cpp", "if (c < 0x20) return false;", "if (c < 0x1F) return false;"),
 ("core/text/markdown.cpp", "if (ticks < 3) return false;", "if (ticks < 2) return false;"),
 ("core/text/markdown.cpp", "if (indent > 3) return false;", "if (indent > 4) return false;"),
 ("core/text/soft_wrap.cpp", "start = end + 1;", "start = end + 2;"),
 ("core/practice/answer_score.cpp", "return letters >= 9 ? 2 : letters >= 5 ? 1 : 0;", "return letters >= 9 ? 2 : letters >= 6 ? 1 : 0;"),
 ("core/practice/answer_score.cpp", "if (w.size() >= 4 && w.back() == 'y') w.back() = 'i';", "if (w.size() >= 5 && w.back() == 'y') w.back() = 'i';"),
 ("core/practice/mock.cpp", "i < question && i < replies.size()", "i <= question && i < replies.size()"),
 ("core/bank/bank_loader.cpp", "if (value->size() < min_items || value->size() > max_items) {", "if (value->size() < min_items || value->size() > max_items + 1) {"),
 ("core/bank/search.cpp", "if (begin > 0) out += kEllipsis;", "if (begin > 1) out += kEllipsis;"),
 ("core/app/app.cpp", "now_ms - computed_at_ms >= max_age_ms", "now_ms - computed_at_ms > max_age_ms"),
 ("core/app/app.cpp", "for (int i = 1; i < failures && delay < kMaxRetryMs; ++i) delay *= 2;", "for (int i = 1; i <= failures && delay < kMaxRetryMs; ++i) delay *= 2;"),
]


def sh(command):
    return subprocess.run(["bash", "-c", f"cd {ROOT} && source scripts/env.sh >/dev/null 2>&1 && {command}"],
                          capture_output=True, text=True)


def main():
    build = "cmake --build --preset native --target core_tests"
    if sh(f"cmake --preset native >/dev/null && {build}").returncode or sh("build/native/tests/core_tests").returncode:
        sys.exit("core_tests must build and pass before mutating")
    caught = 0
    for path, old, new in MUTANTS:
        full = os.path.join(ROOT, path)
        source = open(full).read()
        if source.count(old) != 1:
            print(f"SKIP {path}: {old!r} is not there exactly once")
            continue
        open(full, "w").write(source.replace(old, new))
        try:
            if sh(build).returncode:
                print(f"NOBUILD {path}: {new}")
                continue
            survived = sh("build/native/tests/core_tests").returncode == 0
            caught += 0 if survived else 1
            print(f"{'SURVIVED' if survived else 'CAUGHT'} {path}: {old}  ->  {new}", flush=True)
        finally:
            open(full, "w").write(source)
    sh(build)
    print(f"{caught} of {len(MUTANTS)} mutants caught")


if __name__ == "__main__":
    main()
