#pragma once
// Scores a typed (or dictated) answer against a concept card's key points, using the match terms
// authored in the bank (format: assets/bank/README.md, "Match terms").
//
// A key point is covered when every group of its match has a phrase found in the answer, all in
// one window, none of them negated, and no `wrong` phrase found (un-negated) in that window:
// - words are compared after the same normalisation on both sides: lower case, Latin accents
//   folded, apostrophes dropped ("don't" is "dont"), abbreviations expanded ("db", "w/", "b/c",
//   "pk", digits), a light English stemmer; words of 5+ letters tolerate one typo, of 9+ two
//   (never in the first letter);
// - a phrase's words come in order, at most two other words between them, in one clause (a
//   comma, semicolon, colon or dash ends it); a trailing `*` makes its last word a prefix;
// - the window is a sentence, or a sentence and the next when that opens with a word referring
//   back ("It", "This", "So" ...); sentences end at . ! ? … and line breaks;
// - a negator (not, no, never, doesn't ...) up to three words before a phrase, in its clause,
//   negates it; inside a phrase every negator is the same word;
// - a point of two or more groups needs one group found outside an enumeration of short items
//   ("fields, relations, managers, Meta"), so a list of the topic's terms covers nothing.
// The rules for authors are in assets/bank/README.md.
//
// Deterministic and pure. Compile a card's terms once (AnswerScorer) and score many answers.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/bank/bank.h"

namespace pyprep {

// Bytes [begin, end) of the answer text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const ByteRange&) const = default;
};

struct PointScore {
  bool covered = false;
  // What made it covered, for highlighting: each found phrase of the covering window, from its
  // first word to its last, sorted and merged where they overlap. Empty when not covered.
  std::vector<ByteRange> matched;
};

struct AnswerScore {
  std::vector<PointScore> points;  // in key-point order
  double score = 0.0;              // covered points / points; 0 for a card without points
};

// The match terms of one card, normalised once.
class AnswerScorer {
 public:
  AnswerScorer() = default;  // a card without key points
  explicit AnswerScorer(const Card& card);
  explicit AnswerScorer(std::span<const KeyPointMatch> points);

  std::size_t point_count() const { return points_.size(); }
  // Whether any key point has match terms (code cards and unmigrated cards have none).
  bool has_terms() const;

  AnswerScore score(std::string_view answer) const;

 private:
  struct Word {
    std::string key;     // normalised (expanded, stemmed); for a prefix, the prefix as written
    std::string plain;   // expanded, not stemmed: a typo can derail the stemmer ("thraed")
    bool prefix = false;
    std::uint8_t typos = 0;  // edits tolerated
  };
  struct Phrase {
    std::vector<std::uint32_t> words;  // indices into words_
  };
  struct Point {
    std::vector<std::vector<std::uint32_t>> groups;  // indices into phrases_
    std::vector<std::uint32_t> wrong;
  };

  std::uint32_t add_phrase(std::string_view text);
  std::uint32_t add_word(std::string_view text);

  std::vector<Word> words_;  // distinct across the card, so each is compared once per token
  std::vector<Phrase> phrases_;
  std::vector<Point> points_;
  // Indexes into words_ that spare comparing every token with every word: by normalised key,
  // and by first letter the words that tolerate typos or are prefixes.
  std::unordered_map<std::string, std::vector<std::uint32_t>> exact_;
  std::unordered_map<std::string, std::uint32_t> word_ids_;  // "*" + prefix or key -> index
  std::array<std::vector<std::uint32_t>, 256> typo_words_, prefix_words_;
};

// One-off: compiles the card's terms and scores `answer`.
AnswerScore score_answer(const Card& card, std::string_view answer);

// The normalised form of one word as the scorer compares it (lowercase ASCII input), exposed for
// tests and the bank check: "threads" -> "thread", "db" -> "databas".
std::string normalise_word(std::string_view word);

}  // namespace pyprep
