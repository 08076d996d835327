// bank_check: loads assets/bank with the core loader and checks the whole question bank: format,
// unique ids and sources that exist in the seed index (tests/code_cards.py runs the code cards).
// Prints a coverage report. Exit status 0 only if everything holds.
//
// usage: bank_check [--bank DIR] [--seeds FILE] [--require-full-coverage]
// (full coverage is required only when the seed index is present: it lives outside the repo)
//
// Match terms (the typed-answer scorer's, core/practice/answer_score.h): the loader checks their shape and
// phrase syntax (reported under FORMAT); here, code cards must keep plain-string key points and,
// once the migration is complete, every key point of a concept card must carry match terms.

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bank/bank.h"
#include "core/bank/lint.h"
#include "ui/platform/bank_dir.h"

namespace fs = std::filesystem;
using namespace pyprep;

namespace {

struct Options {
  fs::path bank = fs::path(PYPREP_SOURCE_DIR) / "assets" / "bank";
  fs::path seeds = fs::path(PYPREP_SEEDS_DIR) / "questions.json";
  bool require_full_coverage = false;
};

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool has_value = i + 1 < argc;
    if (arg == "--require-full-coverage") {
      options.require_full_coverage = true;
    } else if (arg == "--bank" && has_value) {
      options.bank = argv[++i];
    } else if (arg == "--seeds" && has_value) {
      options.seeds = argv[++i];
    } else {
      return std::nullopt;
    }
  }
  return options;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The seed item ids of questions.json, in file order; nullopt if the index is absent or unusable.
std::optional<std::vector<std::string>> read_seed_ids(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return std::nullopt;
  auto index = nlohmann::json::parse(read_file(path), nullptr, false);
  if (!index.is_array()) return std::nullopt;
  std::vector<std::string> ids;
  for (const auto& item : index)
    if (item.is_object() && item.contains("id") && item["id"].is_string())
      ids.push_back(item["id"].get<std::string>());
  return ids;
}

// Words of prose in an answer, leaving out fenced code blocks.
std::size_t prose_words(const std::string& answer) {
  std::istringstream lines(answer);
  std::string line;
  bool in_code = false;
  std::size_t words = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("```", 0) == 0) {
      in_code = !in_code;
      continue;
    }
    if (in_code) continue;
    std::istringstream tokens(line);
    std::string token;
    while (tokens >> token) ++words;
  }
  return words;
}

// The fenced code blocks of an answer, without their fences.
std::vector<std::string_view> fenced_blocks(std::string_view answer) {
  std::vector<std::string_view> blocks;
  std::size_t at = 0;
  while ((at = answer.find("```", at)) != std::string_view::npos) {
    const std::size_t body = answer.find('\n', at);
    if (body == std::string_view::npos) break;
    const std::size_t end = answer.find("```", body + 1);
    if (end == std::string_view::npos) break;
    blocks.push_back(answer.substr(body + 1, end - body - 1));
    at = end + 3;
  }
  return blocks;
}

// Lines of `code` longer than `columns` characters (UTF-8 code points).
std::size_t lines_wider_than(std::string_view code, std::size_t columns) {
  std::size_t wide = 0, width = 0;
  for (std::size_t i = 0; i <= code.size(); ++i) {
    if (i == code.size() || code[i] == '\n') {
      if (width > columns) ++wide;
      width = 0;
    } else if ((static_cast<unsigned char>(code[i]) & 0xC0) != 0x80) {
      ++width;
    }
  }
  return wide;
}

// Prints `items` separated by spaces, wrapped to lines that start with `indent`.
void print_wrapped(const std::vector<std::string>& items, const std::string& indent) {
  std::string line = indent;
  for (const std::string& item : items) {
    if (line.size() > indent.size() && line.size() + 1 + item.size() > 100) {
      std::cout << line << "\n";
      line = indent;
    }
    if (line.size() > indent.size()) line += ' ';
    line += item;
  }
  if (line.size() > indent.size()) std::cout << line << "\n";
}

void print_level_table(const Bank& bank) {
  std::map<std::string, std::array<int, 4>> counts;  // topic -> cards per level
  std::array<int, 4> totals{};
  for (const Card& card : bank.cards) {
    ++counts[card.topic][static_cast<std::size_t>(card.level)];
    ++totals[static_cast<std::size_t>(card.level)];
  }
  auto row = [](const std::string& name, const std::array<int, 4>& n) {
    std::printf("  %-12s %9d %9d %9d %9d %9d\n", name.c_str(), n[0], n[1], n[2], n[3],
                n[0] + n[1] + n[2] + n[3]);
  };
  std::printf("  %-12s %9s %9s %9s %9s %9s\n", "topic", "beginner", "junior", "mid", "senior",
              "total");
  for (const Topic& topic : known_topics()) row(topic.id, counts[topic.id]);
  row("all", totals);
  std::fflush(stdout);  // the rest of the report goes through std::cout
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse_options(argc, argv);
  if (!options) {
    std::cerr << "usage: bank_check [--bank DIR] [--seeds FILE] [--require-full-coverage]\n";
    return 2;
  }
  bool failed = false;
  std::cout << "Question bank: " << options->bank.string() << "\n";

  LoadedBank loaded = load_bank_dir(options->bank);
  const Bank& bank = loaded.bank;
  if (!loaded.problems.empty()) {
    failed = true;
    std::cout << "\nFORMAT: " << loaded.problems.size() << " problem(s)\n";
    for (const BankProblem& problem : loaded.problems) std::cout << "  " << problem.text() << "\n";
  }
  if (const std::vector<BankProblem> lapses = lint(bank); !lapses.empty()) {
    failed = true;
    std::cout << "\nAUTHORING: " << lapses.size() << " problem(s)\n";
    for (const BankProblem& problem : lapses) std::cout << "  " << problem.text() << "\n";
  }

  std::cout << "\nCards per topic and level (ids are unique: the loader rejects duplicates)\n";
  print_level_table(bank);
  std::cout << "  " << bank.cards.size() << " cards in total\n";

  // Seed coverage.
  std::cout << "\nSeed items\n";
  if (auto seed_ids = read_seed_ids(options->seeds)) {
    std::set<std::string> known(seed_ids->begin(), seed_ids->end());
    std::set<std::string> covered;
    std::vector<std::string> unknown;
    for (const Card& card : bank.cards)
      for (const std::string& source : card.sources) {
        if (known.count(source))
          covered.insert(source);
        else
          unknown.push_back(card.id + " -> " + source);
      }
    std::vector<std::string> uncovered;
    for (const std::string& id : *seed_ids)
      if (!covered.count(id)) uncovered.push_back(id);
    std::cout << "  covered: " << covered.size() << " / " << seed_ids->size() << "\n";
    if (!unknown.empty()) {
      failed = true;
      std::cout << "  UNKNOWN SOURCES (not in " << options->seeds.string() << "):\n";
      for (const std::string& line : unknown) std::cout << "    " << line << "\n";
    }
    if (!uncovered.empty()) {
      std::cout << "  uncovered (" << uncovered.size() << "):\n";
      print_wrapped(uncovered, "    ");
      if (options->require_full_coverage) {
        failed = true;
        std::cout << "  FAILED: --require-full-coverage and " << uncovered.size()
                  << " seed item(s) are uncovered\n";
      }
    }
  } else {
    // The seed lists live beside the repository, not in it: a checkout without them still
    // checks everything else.
    std::cout << "  note: no seed index at " << options->seeds.string()
              << ": source ids and coverage not checked\n";
  }

  // Code cards.
  std::vector<const Card*> runnable;
  std::vector<const Card*> not_runnable;
  for (const Card& card : bank.cards)
    if (card.code) (card.code->runnable ? runnable : not_runnable).push_back(&card);
  std::cout << "\nCode cards: " << runnable.size() + not_runnable.size() << ", runnable "
            << runnable.size() << "\n";
  for (const Card* card : not_runnable)
    std::cout << "  not runnable: " << card->id << ": " << card->code->why_not_runnable << "\n";

  std::cout << "  (tests/code_cards.py runs them)\n";

  // Match terms: concept cards get them point by point; code cards are graded by running code.
  {
    std::size_t concept_cards = 0, complete = 0, points = 0, points_with_terms = 0;
    std::vector<std::string> incomplete, code_with_terms;
    for (const Card& card : bank.cards) {
      std::size_t with_terms = 0;
      for (const KeyPointMatch& match : card.key_point_matches) with_terms += !match.groups.empty();
      if (card.kind == Kind::Code) {
        if (with_terms) code_with_terms.push_back(card.id);
        continue;
      }
      ++concept_cards;
      points += card.key_points.size();
      points_with_terms += with_terms;
      if (with_terms == card.key_points.size())
        ++complete;
      else
        incomplete.push_back(card.id + "(" + std::to_string(with_terms) + "/" +
                             std::to_string(card.key_points.size()) + ")");
    }
    std::cout << "\nMatch terms: " << complete << " / " << concept_cards
              << " concept cards complete, " << points_with_terms << " / " << points
              << " key points\n";
    if (!code_with_terms.empty()) {
      failed = true;
      std::cout << "  CODE CARDS WITH MATCH TERMS (they keep plain strings):\n";
      print_wrapped(code_with_terms, "    ");
    }
    if (!incomplete.empty()) {  // typed answers are scored against them
      failed = true;
      std::cout << "  CONCEPT CARDS WITHOUT MATCH TERMS ON EVERY POINT (" << incomplete.size() << "):\n";
      print_wrapped(incomplete, "    ");
    }
  }

  // Answer length is a writing guideline, reported for review rather than failed.
  std::vector<std::string> off_length;
  for (const Card& card : bank.cards)
    if (std::size_t words = prose_words(card.answer); words < 80 || words > 250)
      off_length.push_back(card.id + "(" + std::to_string(words) + ")");
  if (!off_length.empty()) {
    std::cout << "\nAnswers outside about 80-250 words of prose (" << off_length.size()
              << ", not a failure):\n";
    print_wrapped(off_length, "  ");
  }

  // Code fits a phone: about 60 columns show at the default text size without sideways scrolling.
  constexpr std::size_t kCodeColumns = 60;
  std::vector<std::string> wide_code;
  for (const Card& card : bank.cards) {
    std::vector<std::string_view> blocks = fenced_blocks(card.answer);
    if (card.code) {
      blocks.insert(blocks.end(), {card.code->solution, card.code->starter});
      for (const CodeCase& test : card.code->cases) blocks.push_back(test.code);
      if (card.code->scale) blocks.insert(blocks.end(), {card.code->scale->setup, card.code->scale->run});
    }
    std::size_t wide = 0;
    for (std::string_view block : blocks) wide += lines_wider_than(block, kCodeColumns);
    if (wide) wide_code.push_back(card.id + "(" + std::to_string(wide) + ")");
  }
  if (!wide_code.empty()) {
    failed = true;
    std::cout << "\nCODE LINES over " << kCodeColumns << " columns (" << wide_code.size() << " cards):\n";
    print_wrapped(wide_code, "  ");
  }

  // The short answer is what the candidate says first: on every card, complete, at most 60 words.
  std::vector<std::string> short_problems;
  for (const Card& card : bank.cards) {
    if (card.short_answer.empty())
      short_problems.push_back(card.id + "(missing)");
    else if (std::size_t words = prose_words(card.short_answer); words > 60)
      short_problems.push_back(card.id + "(" + std::to_string(words) + " words)");
  }
  if (!short_problems.empty()) {
    failed = true;
    std::cout << "\nSHORT ANSWERS missing or over 60 words (" << short_problems.size() << "):\n";
    print_wrapped(short_problems, "  ");
  }

  std::cout << "\nbank check: " << (failed ? "FAILED" : "OK") << "\n";
  return failed ? 1 : 0;
}
