"""Grades a solution against a code card's named cases.

The same file runs under CPython (the bank check, `python3 grade.py JOB RESULT`) and under
Pyodide (the app's worker and scripts/run-code.mjs, which call `grade(job, report)` and await
it). A job is a dict:

    {"solution": "<the user's Python>", "names": ["reverse_words"],
     "cases": [{"name": "three words", "code": "assert reverse_words('a b c') == 'c b a'"}]}

With "scale" ({"setup", "run"}) and "reference" (the card's solution) as well, a solution that
passes every case is then timed against the reference at growing n (verdict["growth"]).

The solution runs as `__main__` from the file solution.py in the current directory (so
multiprocessing's spawned children can import it again). Each case runs in a namespace of its
own that holds only the promised `names`, so a case cannot lean on what one solution happens to
import. `assert actual == expected` in a case reports both values when it fails.
"""

import ast
import builtins
import gc
import inspect
import io
import json
import math
import sys
import time
import traceback
import types

SOLUTION_FILE = "solution.py"
OUTPUT_CAP = 20_000  # characters of captured stdout and stderr together
VALUE_CAP = 300  # characters of an expected or actual value's repr


class CappedText(io.TextIOBase):
    """A text stream that keeps the first `cap` characters written to it."""

    def __init__(self, cap):
        self.cap, self.parts, self.size, self.cut = cap, [], 0, False

    def writable(self):
        return True

    def write(self, text):
        room = self.cap - self.size
        if len(text) > room:
            self.cut = True
            text = text[: max(room, 0)]
        self.parts.append(text)
        self.size += len(text)
        return len(text)

    def text(self):
        return "".join(self.parts)


class Mismatch(AssertionError):
    def __init__(self, actual, expected):
        super().__init__("values differ")
        self.actual, self.expected = shorten(repr(actual)), shorten(repr(expected))


def shorten(text):
    return text if len(text) <= VALUE_CAP else text[: VALUE_CAP - 1] + "…"


def expect_equal(actual, expected):
    if not actual == expected:
        raise Mismatch(actual, expected)


class EqualityAsserts(ast.NodeTransformer):
    """Turns `assert a == b` (without a message) into `_pyprep_expect_equal(a, b)`."""

    def visit_Assert(self, node):
        test = node.test
        if (node.msg is None and isinstance(test, ast.Compare) and len(test.ops) == 1
                and isinstance(test.ops[0], ast.Eq)):
            call = ast.Call(ast.Name("_pyprep_expect_equal", ast.Load()),
                            [test.left, test.comparators[0]], [])
            return ast.copy_location(ast.Expr(call), node)
        return node


def compile_case(code, name):
    tree = EqualityAsserts().visit(ast.parse(code, f"<case {name}>"))
    ast.fix_missing_locations(tree)
    return compile(tree, f"<case {name}>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


def last_line(error):
    return traceback.format_exception_only(type(error), error)[-1].strip()


def solution_line(error):
    """The line of the solution where `error` was raised (the innermost such frame), or None."""
    line = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == SOLUTION_FILE:
            line = lineno
    return line


def load_solution(source):
    """Runs `source` as __main__; returns (module, None) or (None, a verdict saying why not)."""
    try:
        code = compile(source, SOLUTION_FILE, "exec")
    except SyntaxError as error:
        return None, {"status": "syntax", "line": error.lineno, "offset": error.offset,
                      "message": f"{type(error).__name__}: {error.msg}"}
    with open(SOLUTION_FILE, "w", encoding="utf-8") as file:
        file.write(source)
    module = types.ModuleType("__main__")
    module.__file__ = SOLUTION_FILE
    module.__builtins__ = builtins
    sys.modules["__main__"] = module
    try:
        exec(code, module.__dict__)
    except BaseException as error:  # noqa: B036 - a solution may raise SystemExit too
        if isinstance(error, KeyboardInterrupt):
            raise
        return None, {"status": "error", "line": solution_line(error),
                      "message": last_line(error)}
    return module, None


async def run_case(case, module, names, settle):
    namespace = {"__builtins__": builtins, "__name__": "__case__",
                 "_pyprep_expect_equal": expect_equal}
    for name in names:
        if name in module.__dict__:
            namespace[name] = module.__dict__[name]
    result = {"name": case["name"], "status": "pass"}
    raised = None
    try:
        code = compile_case(case["code"], case["name"])
        outcome = eval(code, namespace)
        if inspect.iscoroutine(outcome):
            await settle(outcome)
    except Mismatch as error:
        raised = error
        result.update(status="fail", expected=error.expected, actual=error.actual,
                      message=f"expected {error.expected}, got {error.actual}")
    except AssertionError as error:
        raised = error
        result.update(status="fail", message=last_line(error))
    except BaseException as error:  # noqa: B036 - SystemExit from a solution is its failure
        if isinstance(error, KeyboardInterrupt):
            raise
        raised = error
        result.update(status="error", message=last_line(error))
    line = solution_line(raised) if raised else None
    if line is not None:
        result["line"] = line
    return result


async def grade(job, report=lambda event: None, settle=None):
    """Grades job["solution"]; calls report() with each case's result; returns the verdict."""
    if settle is None:
        settle = settle_by_awaiting if sys.platform == "emscripten" else settle_in_new_loop
    started = time.perf_counter()
    output = CappedText(OUTPUT_CAP)
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(""), output, output
    results = []
    try:
        verdict = await grade_captured(job, report, settle, results)
    except KeyboardInterrupt:
        # The host's time limit: it interrupts a run that takes too long. Caught here so the
        # interrupt never escapes into the event loop that drives this coroutine.
        verdict = {"status": "timeout", "total": len(job["cases"]), "cases": results,
                   "passed": sum(result["status"] == "pass" for result in results)}
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    verdict["stdout"] = output.text()
    verdict["stdout_cut"] = output.cut
    verdict["duration_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return verdict


async def grade_captured(job, report, settle, results):
    cases, names = job["cases"], job["names"]
    module, failure = load_solution(job["solution"])
    if failure:
        return dict(failure, passed=0, total=len(cases), cases=[])
    missing = [name for name in names if name not in module.__dict__]
    for case in cases:
        result = await run_case(case, module, names, settle)
        results.append(result)
        report(result)
    passed = sum(result["status"] == "pass" for result in results)
    statuses = {result["status"] for result in results}
    status = "error" if "error" in statuses else "fail" if "fail" in statuses else "pass"
    verdict = {"status": status, "passed": passed, "total": len(cases), "cases": results}
    if missing:
        verdict["message"] = "Define " + ", ".join(missing) + ": the task asks for it."
    if status == "pass" and job.get("scale") and job.get("reference"):
        verdict["growth"] = measure(job, module)
    return verdict


async def settle_by_awaiting(coroutine):
    # Pyodide: grade() itself runs on the browser's event loop, which cannot be nested.
    return await coroutine


async def settle_in_new_loop(coroutine):
    # CPython: grade() is driven without an event loop (see run_to_end), so a case may start one.
    import asyncio
    return asyncio.run(coroutine)


def run_to_end(coroutine):
    """Runs a coroutine that never suspends (grade() under CPython) without an event loop."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    raise RuntimeError("grade() suspended outside an event loop")


# How the time grows with n, from the slope of log(time) against log(n): a slope near 1 is n (or
# n log n: the two cannot be told apart over the sizes a phone can time), near 2 is n², and so on.
GROWTH_BANDS = [(0.3, "1 or log n"), (0.8, "between log n and n"), (1.25, "n or n log n"),
                (1.75, "between n log n and n²"), (2.5, "n²"), (float("inf"), "n³ or worse")]
MEASURE_BUDGET_S = 1.4  # per solution; both together stay near 3 s
SLOWEST_RUN_S = 0.35    # no larger n once one run takes this long
TOO_FAST_S = 0.0002     # shorter runs are timer noise; with fewer than 4 longer ones, say so


def load_module(source, name, filename):
    module = types.ModuleType(name)
    module.__file__ = filename
    module.__builtins__ = builtins
    sys.modules[name] = module  # dataclasses and pickle look a class's module up by name
    exec(compile(source, filename, "exec"), module.__dict__)
    return module


def time_growth(module, names, scale):
    """[(n, median seconds)] for n = 125, 250, 500, … while the budget (setup included) lasts; small
    sizes cost little for a fast solution and give a slow one enough sizes before it gets slow."""
    setup = compile(scale.get("setup", ""), "<scale setup>", "exec")
    run = compile(scale["run"], "<scale run>", "exec")
    points, started_all, n = [], time.perf_counter(), 125
    while time.perf_counter() - started_all < MEASURE_BUDGET_S and n <= 512_000:
        times = []
        for _ in range(3):
            namespace = {"__builtins__": builtins, "n": n}
            namespace.update({name: module.__dict__[name] for name in names if name in module.__dict__})
            exec(setup, namespace)
            gc.collect()
            gc.disable()  # a collection inside one timing is noise, not growth
            try:
                started = time.perf_counter()
                exec(run, namespace)
                times.append(time.perf_counter() - started)
            finally:
                gc.enable()
            if times[-1] > SLOWEST_RUN_S:
                break
        times.sort()
        points.append((n, times[len(times) // 2]))
        if times[-1] > SLOWEST_RUN_S:
            break
        n *= 2
    return points


def fitted_growth(points):
    """How the time grows, as a GROWTH_BANDS label, or None when fewer than four sizes took long
    enough for the timer to tell. The slope is the median of the slopes between every two sizes
    (Theil-Sen), so one run slowed by the machine does not decide it."""
    timed = [(math.log(n), math.log(t)) for n, t in points if t >= TOO_FAST_S]
    if len(timed) < 4:
        return None
    slopes = sorted((y2 - y1) / (x2 - x1) for i, (x1, y1) in enumerate(timed) for x2, y2 in timed[i + 1:])
    middle = len(slopes) // 2
    slope = slopes[middle] if len(slopes) % 2 else (slopes[middle - 1] + slopes[middle]) / 2
    return next(label for limit, label in GROWTH_BANDS if slope < limit)


def growth_of(module, names, scale):
    points = time_growth(module, names, scale)
    return {"points": points, "growth": fitted_growth(points)}


def measure(job, module):
    """Times the user's solution (already loaded) and the reference at growing n."""
    scale, names = job["scale"], job["names"]
    try:
        reference = load_module(job["reference"], "reference", "reference.py")
        theirs = growth_of(reference, names, scale)
        yours = growth_of(module, names, scale)
    except Exception as error:  # a broken scale input, or the user's code failing at large n
        return {"error": last_line(error)}
    common = [n for n, _ in yours["points"] if n in dict(theirs["points"])]
    result = {"yours": yours, "reference": theirs}
    if common:
        n = max(common)
        result.update(at_n=n, yours_s=dict(yours["points"])[n], reference_s=dict(theirs["points"])[n])
    return result


def main(job_path, result_path):
    with open(job_path, encoding="utf-8") as file:
        job = json.load(file)
    with open(result_path, "w", encoding="utf-8") as out:
        def report(event):
            out.write(json.dumps({"case": event}) + "\n")
            out.flush()
        verdict = run_to_end(grade(job, report))
        out.write(json.dumps({"verdict": verdict}) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: grade.py JOB.json RESULT.jsonl")
    main(sys.argv[1], sys.argv[2])
