"""Unit tests of the grader (web-shell/runner/grade.py) under this Python: verdicts, case
isolation, captured output, stdin, interrupts and growth fitting. Run: python3 grade_test.py"""

import math
import os
import pathlib
import sys
import tempfile
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "web-shell" / "runner"))
import grade  # noqa: E402


def run(solution, cases, names=("f",), **extra):
    job = dict(solution=solution, names=list(names), cases=[{"name": n, "code": c} for n, c in cases], **extra)
    return grade.run_to_end(grade.grade(job))


class GradeTest(unittest.TestCase):
    def setUp(self):
        self.saved_cwd = os.getcwd()
        self.scratch = tempfile.TemporaryDirectory()
        os.chdir(self.scratch.name)

    def tearDown(self):
        os.chdir(self.saved_cwd)
        self.scratch.cleanup()

    def test_a_passing_solution_passes_every_case(self):
        verdict = run("def f(x):\n    return x * 2\n", [("two", "assert f(2) == 4"), ("zero", "assert f(0) == 0")])
        self.assertEqual((verdict["status"], verdict["passed"], verdict["total"]), ("pass", 2, 2))
        self.assertEqual([c["status"] for c in verdict["cases"]], ["pass", "pass"])

    def test_a_failed_equality_shows_expected_and_actual(self):
        verdict = run("def f(x):\n    return x + 1\n", [("two", "assert f(2) == 4")])
        case = verdict["cases"][0]
        self.assertEqual((verdict["status"], case["status"]), ("fail", "fail"))
        self.assertEqual((case["expected"], case["actual"]), ("4", "3"))
        self.assertEqual(case["message"], "expected 4, got 3")

    def test_an_assert_with_a_message_shows_the_message(self):
        verdict = run("def f():\n    return False\n", [("flag", "assert f(), 'f() must be true'")])
        self.assertEqual(verdict["cases"][0]["message"], "AssertionError: f() must be true")

    def test_an_exception_is_an_error_with_its_last_line_and_the_solution_line(self):
        verdict = run("def f(xs):\n    total = 0\n    return xs[5]\n", [("index", "f([1])"), ("ok", "pass")])
        case = verdict["cases"][0]
        self.assertEqual((verdict["status"], verdict["passed"]), ("error", 1))
        self.assertEqual(case["message"], "IndexError: list index out of range")
        self.assertEqual(case["line"], 3)

    def test_a_syntax_error_points_at_its_line(self):
        verdict = run("def f(x):\n    return x +\n", [("two", "assert f(2) == 4")])
        self.assertEqual((verdict["status"], verdict["line"]), ("syntax", 2))
        self.assertTrue(verdict["message"].startswith("SyntaxError: "))
        self.assertEqual((verdict["passed"], verdict["total"]), (0, 1))

    def test_an_error_while_loading_is_an_error_with_its_line(self):
        verdict = run("x = 1\nraise RuntimeError('boom')\n", [("any", "pass")])
        self.assertEqual((verdict["status"], verdict["line"], verdict["message"]),
                         ("error", 2, "RuntimeError: boom"))

    def test_a_case_sees_only_the_promised_names(self):
        verdict = run("import math\nhelper = 3\ndef f():\n    return 1\n",
                      [("math", "math.sqrt(4)"), ("helper", "helper"), ("own import", "import math\nassert f() == 1")])
        self.assertEqual([c["status"] for c in verdict["cases"]], ["error", "error", "pass"])
        self.assertEqual(verdict["cases"][0]["message"], "NameError: name 'math' is not defined")

    def test_a_missing_promised_name_is_said(self):
        verdict = run("def g():\n    return 1\n", [("call", "f()")])
        self.assertEqual(verdict["message"], "Define f: the task asks for it.")
        self.assertEqual(verdict["status"], "error")

    def test_printed_output_is_captured_and_capped_and_stdin_is_empty(self):
        verdict = run("def f():\n    print('x' * 30000)\n    return input()\n", [("reads", "f()")])
        self.assertEqual(len(verdict["stdout"]), grade.OUTPUT_CAP)
        self.assertTrue(verdict["stdout_cut"])
        self.assertEqual(verdict["cases"][0]["message"], "EOFError: EOF when reading a line")

    def test_a_case_may_await_at_its_top_level(self):
        verdict = run("async def f():\n    return 5\n", [("await", "assert await f() == 5")])
        self.assertEqual(verdict["status"], "pass")

    def test_an_interrupt_ends_the_run_as_a_timeout_keeping_finished_cases(self):
        verdict = run("def f():\n    raise KeyboardInterrupt\n", [("first", "pass"), ("second", "f()"), ("third", "pass")])
        self.assertEqual((verdict["status"], verdict["passed"], verdict["total"]), ("timeout", 1, 3))
        self.assertEqual([c["name"] for c in verdict["cases"]], ["first"])

    def test_cases_of_a_failing_run_are_not_timed(self):
        verdict = run("def f(xs):\n    return 0\n", [("one", "assert f([1]) == 1")],
                      scale={"setup": "xs = list(range(n))", "run": "f(xs)"}, reference="def f(xs):\n    return 1\n")
        self.assertNotIn("growth", verdict)


class FitTest(unittest.TestCase):
    SIZES = [1000 * 2 ** k for k in range(6)]

    def test_growths_are_told_by_the_slope_of_log_time(self):
        self.assertEqual(grade.fitted_growth([(n, 1e-8 * n * n) for n in self.SIZES]), "n²")
        self.assertEqual(grade.fitted_growth([(n, 1e-3) for n in self.SIZES]), "1 or log n")
        self.assertEqual(grade.fitted_growth([(n, 3e-9 * n ** 3) for n in self.SIZES]), "n³ or worse")
        self.assertEqual(grade.fitted_growth([(n, 2e-7 * n) for n in self.SIZES]), "n or n log n")
        self.assertEqual(grade.fitted_growth([(n, 2e-7 * n * math.log2(n)) for n in self.SIZES]), "n or n log n")

    def test_one_slowed_run_does_not_decide_the_fit(self):
        points = [(n, 2e-7 * n) for n in self.SIZES]
        points[2] = (points[2][0], points[2][1] * 20)
        self.assertEqual(grade.fitted_growth(points), "n or n log n")

    def test_fewer_than_four_runs_above_the_timer_noise_are_too_fast_to_tell(self):
        self.assertIsNone(grade.fitted_growth([(1000, 1e-5), (2000, 3e-4), (4000, 6e-4), (8000, 1.2e-3)]))


if __name__ == "__main__":
    unittest.main()
