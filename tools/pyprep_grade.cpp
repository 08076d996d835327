// pyprep-grade: scores typed answers with the core's scorer (core/practice/answer_score.h), for authoring
// and checking match terms from the shell.
//
// usage: pyprep-grade [--bank DIR] [--explain]
//   stdin:  one JSON object a line: {"card": "<id>", "answer": "<text>"}
//   stdout: one line per input line: {"card": "<id>", "covered": [true, false, ...], "score": 0.5}
//           (covered in key-point order; --explain adds "matched": the matched text per point),
//           or {"line": N, "error": "<reason>"} for a line that cannot be scored.
//   Blank lines are skipped. Exit status 1 if any line failed, 2 on bad usage.
// The bank defaults to the source tree's assets/bank (compiled in), else ./assets/bank. Bank
// problems go to stderr; the cards that loaded are still used.

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/practice/answer_score.h"
#include "core/bank/bank.h"
#include "ui/platform/bank_dir.h"

namespace fs = std::filesystem;
// ordered_json: fields print in the documented order.
using json = nlohmann::ordered_json;
using namespace pyprep;

namespace {

struct Options {
  fs::path bank;
  bool explain = false;
};

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--bank" && i + 1 < argc) {
      options.bank = argv[++i];
    } else if (arg == "--explain") {
      options.explain = true;
    } else {
      return std::nullopt;
    }
  }
  if (options.bank.empty()) {
    std::error_code error;
    fs::path source = fs::path(PYPREP_SOURCE_DIR) / "assets" / "bank";
    options.bank = fs::is_directory(source, error) ? source : fs::path("assets") / "bank";
  }
  return options;
}

// JSON output that survives any bytes in the input (invalid UTF-8 is replaced, not fatal).
std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse_options(argc, argv);
  if (!options) {
    std::cerr << "usage: pyprep-grade [--bank DIR] [--explain] < answers.jsonl\n";
    return 2;
  }
  LoadedBank loaded = load_bank_dir(options->bank);
  if (!loaded.problems.empty()) {
    std::cerr << "pyprep-grade: " << options->bank.string() << ": " << loaded.problems.size()
              << " problem(s); their cards are skipped\n";
    for (const BankProblem& problem : loaded.problems) std::cerr << "  " << problem.text() << "\n";
  }
  const Bank& bank = loaded.bank;
  std::unordered_map<std::string, std::string> skipped;  // card id -> its first problem
  for (const BankProblem& problem : loaded.problems)
    if (!problem.card_id.empty()) skipped.try_emplace(problem.card_id, problem.text());
  std::unordered_map<std::string, AnswerScorer> scorers;  // compiled once per card

  bool failed = false;
  std::string line;
  std::size_t number = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto fail = [&](const std::string& reason) {
      std::cout << dump({{"line", number}, {"error", reason}}) << "\n";
      failed = true;
    };
    json input = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (input.is_discarded()) {
      fail("not JSON");
      continue;
    }
    if (!input.is_object() || !input.contains("card") || !input["card"].is_string() ||
        !input.contains("answer") || !input["answer"].is_string()) {
      fail("expected an object {\"card\": \"<id>\", \"answer\": \"<text>\"}");
      continue;
    }
    const std::string id = input["card"].get<std::string>();
    const std::string answer = input["answer"].get<std::string>();
    const Card* card = bank.find(id);
    if (!card) {
      auto it = skipped.find(id);
      fail(it != skipped.end() ? "card skipped by the bank loader: " + it->second
                               : "unknown card \"" + id + "\"");
      continue;
    }
    if (card->kind == Kind::Code) {
      fail("\"" + id + "\" is a code card: it is graded by running code");
      continue;
    }
    auto [it, compiled] = scorers.try_emplace(id);
    if (compiled) it->second = AnswerScorer(*card);
    const AnswerScorer& scorer = it->second;
    if (!scorer.has_terms()) {
      fail("\"" + id + "\" has no match terms yet");
      continue;
    }
    AnswerScore score = scorer.score(answer);
    json covered = json::array(), matched = json::array();
    for (const PointScore& point : score.points) {
      covered.push_back(point.covered);
      json texts = json::array();
      for (const ByteRange& range : point.matched)
        texts.push_back(answer.substr(range.begin, range.end - range.begin));
      matched.push_back(std::move(texts));
    }
    json output = {{"card", id}, {"covered", std::move(covered)}, {"score", score.score}};
    if (options->explain) output["matched"] = std::move(matched);
    std::cout << dump(output) << "\n";
  }
  std::cout.flush();
  return failed ? 1 : 0;
}
