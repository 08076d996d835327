"""Runs every runnable code card of assets/bank through the app's grader (web-shell/runner/grade.py)
under this Python, and checks that the cases would catch a broken solution.

For each card: the reference solution must pass every case; then, for each promised name that
the solution defines as a function or class, a copy of the solution with that name's bodies
replaced by `pass` must fail at least one case (otherwise nothing tests that name); and a scale
input must build and run with the reference.

usage: code_cards.py [--card ID]... [--jobs N]
Prints one line per problem and a summary; exit status 0 only if everything holds.
"""

import argparse
import ast
import concurrent.futures
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
BANK = ROOT / "assets" / "bank"
GRADER = ROOT / "web-shell" / "runner" / "grade.py"
TIMEOUT_S = 20


def code_cards():
    for path in sorted(BANK.glob("*.json")):
        for card in json.loads(path.read_text(encoding="utf-8"))["cards"]:
            if card["kind"] == "code":
                yield card


class GutBodies(ast.NodeTransformer):
    """Replaces the body of every function (methods included) inside the top-level `name`."""

    def __init__(self, name):
        self.name, self.inside = name, False

    def visit_FunctionDef(self, node):
        if self.inside:
            node.body = [ast.Pass()]
            return node
        return self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Module(self, node):
        for statement in node.body:
            if getattr(statement, "name", None) == self.name:
                self.inside = True
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    statement.body = [ast.Pass()]
                else:
                    self.visit(statement)
                self.inside = False
        return node


def gutted(solution, name):
    """The solution with `name`'s bodies emptied, or None when it defines no such function/class."""
    tree = ast.parse(solution)
    defined = [s for s in tree.body if getattr(s, "name", None) == name
               and isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    if not defined:
        return None
    tree = ast.fix_missing_locations(GutBodies(name).visit(tree))
    return ast.unparse(tree) + "\n"


def grade(solution, code, scratch):
    """Runs the grader in a fresh process; returns its verdict (status "timeout" if it hangs)."""
    job = dict(solution=solution, names=code["names"], cases=code["cases"])
    with tempfile.TemporaryDirectory(dir=scratch) as work:
        job_path, result_path = os.path.join(work, "job.json"), os.path.join(work, "result.jsonl")
        with open(job_path, "w", encoding="utf-8") as file:
            json.dump(job, file)
        try:
            run = subprocess.run([sys.executable, "-I", str(GRADER), job_path, result_path],
                                 cwd=work, stdin=subprocess.DEVNULL, capture_output=True,
                                 text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return {"status": "timeout", "cases": []}
        lines = pathlib.Path(result_path).read_text(encoding="utf-8").splitlines() \
            if os.path.exists(result_path) else []
        for line in reversed(lines):
            event = json.loads(line)
            if "verdict" in event:
                return event["verdict"]
        return {"status": "crashed", "cases": [], "message": run.stderr[-600:]}


SCALE_DRIVER = """
import json, sys
sys.path.insert(0, sys.argv[1])
import grade
job = json.load(open(sys.argv[2], encoding="utf-8"))
module = grade.load_module(job["solution"], "reference", "reference.py")
grade.MEASURE_BUDGET_S = 0  # one size only: that the input builds and runs, not how fast
print(json.dumps(grade.time_growth(module, job["names"], job["scale"])))
"""


def check_scale(card, scratch):
    """The scale input builds and runs with the reference at the smallest n."""
    code = card["code"]
    with tempfile.TemporaryDirectory(dir=scratch) as work:
        job_path, driver = os.path.join(work, "job.json"), os.path.join(work, "driver.py")
        pathlib.Path(driver).write_text(SCALE_DRIVER, encoding="utf-8")
        with open(job_path, "w", encoding="utf-8") as file:
            json.dump({"solution": code["solution"], "names": code["names"], "scale": code["scale"]}, file)
        try:
            run = subprocess.run([sys.executable, "-I", driver, str(GRADER.parent), job_path], cwd=work,
                                 stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return [f'{card["id"]}: the scale input timed out at the smallest n']
    if run.returncode != 0:
        return [f'{card["id"]}: the scale input fails: {run.stderr.strip().splitlines()[-1:]}']
    return []


def describe(verdict):
    if verdict.get("message"):
        return verdict["message"]
    failing = [c for c in verdict["cases"] if c["status"] != "pass"]
    return "; ".join(f'{c["name"]}: {c.get("message", c["status"])}' for c in failing[:3])


def check_card(card, scratch):
    """Problems of one card, as strings; empty when it holds."""
    code = card["code"]
    verdict = grade(code["solution"], code, scratch)
    if verdict["status"] != "pass":
        return [f'{card["id"]}: the reference does not pass ({verdict["status"]}): '
                f'{describe(verdict)}']
    problems = []
    for name in code["names"]:
        broken = gutted(code["solution"], name)
        if broken is None:
            continue
        if grade(broken, code, scratch)["status"] == "pass":
            problems.append(f'{card["id"]}: {name} with empty bodies still passes every case')
    if "scale" in code:
        problems += check_scale(card, scratch)
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--card", action="append", help="check only this card (repeatable)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    options = parser.parse_args()
    cards = [c for c in code_cards() if options.card is None or c["id"] in options.card]
    runnable = [c for c in cards if c["code"]["runnable"]]
    print(f"code cards: {len(cards)}, runnable {len(runnable)}, python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="pyprep-code-cards-") as scratch, \
            concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        problems = [p for found in pool.map(lambda c: check_card(c, scratch), runnable)
                    for p in found]
    for problem in problems:
        print("  FAILED: " + problem)
    failing = {problem.split(":")[0] for problem in problems}
    print(f"code cards check: {len(runnable) - len(failing)} / {len(runnable)} hold")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
