#include "core/bank/bank.h"

#include <algorithm>
#include <array>

#include "core/base/enum_names.h"

namespace pyprep {

namespace {

constexpr std::array<std::string_view, 4> kLevelNames = {"beginner", "junior", "mid", "senior"};
constexpr std::array<std::string_view, 2> kKindNames = {"concept", "code"};

const std::array<Topic, 15> kKnownTopics = {{
    {"basics", "Python basics"},
    {"oop", "Object-oriented Python"},
    {"functional", "Functional Python"},
    {"stdlib", "Standard library"},
    {"internals", "CPython internals & performance"},
    {"concurrency", "Concurrency & async"},
    {"dsa", "Data structures & algorithms"},
    {"testing", "Testing & debugging"},
    {"packaging", "Packaging & delivery"},
    {"web", "Web & APIs"},
    {"django", "Django"},
    {"databases", "Databases"},
    {"distributed", "Distributed systems"},
    {"security", "Security"},
    {"career", "Craft & career"},
}};

}  // namespace

std::string_view level_name(Level level) { return kLevelNames[static_cast<std::size_t>(level)]; }

std::optional<Level> parse_level(std::string_view name) { return enum_from_name<Level>(kLevelNames, name); }

std::string_view kind_name(Kind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

std::optional<Kind> parse_kind(std::string_view name) { return enum_from_name<Kind>(kKindNames, name); }

std::span<const Topic> known_topics() { return kKnownTopics; }

const Card* Bank::find(std::string_view id) const {
  auto it = std::find_if(cards.begin(), cards.end(), [id](const Card& c) { return c.id == id; });
  return it == cards.end() ? nullptr : &*it;
}

const Topic* Bank::find_topic(std::string_view id) const {
  // A bank has at most a few dozen topics: a scan beats any index.
  auto it = std::find_if(topics.begin(), topics.end(), [id](const Topic& t) { return t.id == id; });
  return it == topics.end() ? nullptr : &*it;
}

std::optional<std::string> phrase_problem(std::string_view phrase) {
  if (phrase.empty() || phrase.front() == ' ' || phrase.back() == ' ')
    return std::string(" must be words without spaces at either end");
  std::vector<std::string_view> words;
  for (std::size_t start = 0;;) {
    std::size_t space = phrase.find(' ', start);
    words.push_back(phrase.substr(start, space == std::string_view::npos ? space : space - start));
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  if (words.size() > 4) return " has " + std::to_string(words.size()) + " words (1 to 4)";
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view word = words[i];
    if (word.ends_with('*')) {
      word.remove_suffix(1);
      if (i + 1 != words.size() || word.size() < 4)
        return std::string(": \"*\" only ends the last word, after 4 or more letters");
    }
    const bool ok = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
    if (!ok)
      return std::string(": words are lowercase letters and digits separated by single spaces");
  }
  return std::nullopt;
}

}  // namespace pyprep
