#include "core/bank/lint.h"

#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace pyprep {

namespace {

// Lowercase words of letters and digits joined by single hyphens: safe in URLs and file names.
bool is_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  char previous = 0;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && previous != '-');
    if (!ok) return false;
    previous = c;
  }
  return true;
}

// "<seed>:<line>" as in the seeds' questions.json: three digits, a colon, a line number.
bool is_seed_item_id(std::string_view s) {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (s.size() < 5 || s[3] != ':' || s[4] == '0') return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != 3 && !is_digit(s[i])) return false;
  return true;
}

// UTF-8 that was once decoded as Windows-1252 (seed 004 is like that): "’" became "â€™".
bool looks_mis_decoded(std::string_view s) {
  return s.find("â€") != std::string_view::npos || s.find("ðŸ") != std::string_view::npos;
}
constexpr const char* kMisDecoded =
    "looks mis-decoded (UTF-8 read as Windows-1252: \"â€™\" should be \"’\")";

void lint_card(const Card& card, std::vector<BankProblem>& out) {
  const auto add = [&](std::string field, std::string message) {
    out.push_back({card.topic + ".json", card.id, 0, std::move(field), 0, 0, std::move(message)});
  };
  if (!is_slug(card.id))
    add("id", quote_bank_text(card.id) +
                  " is not a slug (lowercase letters and digits, words joined by single '-')");
  for (const auto& [field, text] : {std::pair<const char*, const std::string&>{"prompt", card.prompt},
                                    {"short_answer", card.short_answer},
                                    {"answer", card.answer}})
    if (looks_mis_decoded(text)) add(field, kMisDecoded);
  for (std::size_t i = 0; i < card.key_points.size(); ++i)
    if (looks_mis_decoded(card.key_points[i]))
      add("key_points[" + std::to_string(i) + "]", kMisDecoded);
  const std::size_t points = card.key_points.size();
  if (points < 3 || points > 6)
    add("key_points", "has " + std::to_string(points) + (points == 1 ? " item" : " items") +
                          " (expected 3 to 6)");
  if (card.sources.empty()) add("sources", "has 0 items (expected at least 1)");
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < card.sources.size(); ++i) {
    const std::string& source = card.sources[i];
    const std::string field = "sources[" + std::to_string(i) + "]";
    if (!is_seed_item_id(source))
      add(field, quote_bank_text(source) +
                     " is not a seed item id (\"<seed>:<line>\", e.g. \"003:17\")");
    else if (!seen.insert(source).second)
      add(field, quote_bank_text(source) + " is listed twice");
  }
}

}  // namespace

std::vector<BankProblem> lint(const Bank& bank) {
  std::vector<BankProblem> problems;
  for (const Card& card : bank.cards) lint_card(card, problems);
  return problems;
}

}  // namespace pyprep
