#pragma once
// The question bank: topics and cards as loaded from assets/bank/<topic>.json
// (format documented in assets/bank/README.md). Card ids are stable: progress is keyed on them.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pyprep {

enum class Level { Beginner, Junior, Mid, Senior };
inline constexpr Level kLevels[] = {Level::Beginner, Level::Junior, Level::Mid, Level::Senior};
enum class Kind { Concept, Code };

// The names used in bank files ("beginner", "code", ...).
std::string_view level_name(Level level);
std::optional<Level> parse_level(std::string_view name);
std::string_view kind_name(Kind kind);
std::optional<Kind> parse_kind(std::string_view name);

// A choice of topics or levels, as study and search filter by: an empty choice allows every one.
template <class T>
bool allows(const std::vector<T>& choice, const T& value) {
  return choice.empty() || std::find(choice.begin(), choice.end(), value) != choice.end();
}

// One named check of a code task: Python that raises when the solution is wrong.
struct CodeCase {
  std::string name;
  std::string code;
  bool operator==(const CodeCase&) const = default;
};

// How to build an input of size n for measuring growth: `setup` (untimed, sees `n`) then `run`.
struct ScaleInput {
  std::string setup;
  std::string run;
  bool operator==(const ScaleInput&) const = default;
};

struct CodeTask {
  std::string task;                // markdown: what to write, with the signature the cases call
  std::vector<std::string> names;  // what the solution must define; the only names cases see
  std::string starter;             // Python the editor opens with
  std::string solution;            // Python
  std::vector<CodeCase> cases;
  std::optional<ScaleInput> scale;
  std::string complexity;
  std::string alternatives;
  bool runnable = true;
  std::string why_not_runnable;
  std::string not_on_phone;  // why it runs only under desktop Python; empty when it runs anywhere
  bool operator==(const CodeTask&) const = default;
};

// Match terms of one key point (format: assets/bank/README.md), which the typed-answer scorer
// (core/practice/answer_score.h) uses to tell whether an answer covers the point. `groups` is
// empty for a plain-string point.
struct KeyPointMatch {
  std::vector<std::vector<std::string>> groups;  // every group needs one of its phrases
  std::vector<std::string> wrong;                // phrases that state the point wrongly
  bool operator==(const KeyPointMatch&) const = default;
};

// Why a bank phrase is malformed, or nullopt when it is well formed: 1 to 4 words of lowercase
// letters and digits separated by single spaces, `*` only at the end of the last word after 4+
// characters. The reason reads after the phrase, which the caller quotes (it may hold anything).
std::optional<std::string> phrase_problem(std::string_view phrase);

// Shape limits of match terms (the loader and the bank check enforce them).
inline constexpr std::size_t kMaxMatchGroups = 4;
inline constexpr std::size_t kMaxGroupPhrases = 10;
inline constexpr std::size_t kMaxWrongPhrases = 10;

struct Card {
  std::string id;
  std::string topic;
  Level level = Level::Beginner;
  Kind kind = Kind::Concept;
  std::string prompt;
  std::string short_answer;  // what to say in the first 30 seconds; empty in older banks
  std::string answer;        // markdown subset: the depth after the short answer
  std::vector<std::string> key_points;
  // Parallel to key_points once loaded (a hand-built card may leave it empty).
  std::vector<KeyPointMatch> key_point_matches;
  std::optional<CodeTask> code;  // present when kind == Code
  std::vector<std::string> sources;
  std::vector<std::string> tags;
  bool operator==(const Card&) const = default;
};

struct Topic {
  std::string id;
  std::string title;
  bool operator==(const Topic&) const = default;
};

// The topics a bank file may declare, in the order the app lists them.
std::span<const Topic> known_topics();

struct Bank {
  std::vector<Topic> topics;
  std::vector<Card> cards;
  // Scans: lookups by id come from tools and tests, a few per run, never from a frame.
  const Card* find(std::string_view id) const;
  const Topic* find_topic(std::string_view id) const;
};

}  // namespace pyprep
