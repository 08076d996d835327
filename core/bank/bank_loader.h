#pragma once
// Loads and validates bank files (format: assets/bank/README.md). Loading never fails as a whole:
// every problem is reported as a value, a card with a problem is skipped, and the valid cards of
// every file are kept, so the app can show the problems next to a usable bank.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/bank/bank.h"

namespace pyprep {

struct BankFile {
  std::string name;  // shown in problems; a bank file is named "<topic>.json"
  std::string text;
};

struct BankProblem {
  std::string file;
  std::string card_id;          // empty when the card has no usable id or the problem is file-wide
  std::size_t card_number = 0;  // 1-based position in the file's "cards"; 0 when file-wide
  std::string field;            // e.g. "level", "code.runnable", "sources[2]"; empty if none
  std::size_t line = 0;         // 1-based, for invalid JSON only; 0 otherwise
  std::size_t column = 0;       // 1-based, counted in characters
  std::string message;

  // One readable line, e.g.
  // django.json: card "orm-n-plus-one": field "level": unknown level "expert" (expected ...)
  std::string text() const;
  bool operator==(const BankProblem&) const = default;
};

struct LoadedBank {
  Bank bank;  // topics in known_topics() order; cards in file order, then in order within a file
  std::vector<BankProblem> problems;
};

LoadedBank load_bank(const std::vector<BankFile>& files);

// Quotes text from a bank file for a problem message, escaping control characters so that a
// problem stays on one line.
std::string quote_bank_text(std::string_view s);

}  // namespace pyprep
