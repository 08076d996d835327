#include "core/practice/answer_score.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/text/unicode.h"

namespace pyprep {

namespace {

// A phrase's consecutive words may have this many other words between them.
constexpr std::size_t kMaxGap = 2;
// A negator this many words before a phrase (same clause) negates it.
constexpr std::size_t kNegationReach = 3;
// Normalised words are cut to this many bytes: it bounds the cost of the typo distance.
constexpr std::size_t kMaxWordBytes = 40;


// What a character does to the word and sentence structure of an answer.
enum class CharKind : std::uint8_t {
  Word,          // part of a word
  Apostrophe,    // ' ’ ‘: dropped inside a word ("don't" is "dont"), a separator elsewhere
  SentenceEnd,   // ! ? and line breaks; "." is decided by context
  Period,        // "."
  ClauseBreak,   // , ; : and dashes: a phrase or a negation does not reach across them
  Separator,
};

struct Char {
  CharKind kind = CharKind::Separator;
  std::size_t length = 1;
  std::string_view folded;  // what a word character adds to a word
};

constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz0123456789";

Char read_char(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') return {CharKind::Word, 1, kLower.substr(c - 'a', 1)};
    if (c >= 'A' && c <= 'Z') return {CharKind::Word, 1, kLower.substr(c - 'A', 1)};
    if (c >= '0' && c <= '9') return {CharKind::Word, 1, kLower.substr(26 + c - '0', 1)};
    switch (c) {
      case '\'': return {CharKind::Apostrophe, 1, {}};
      case '!': case '?': case '\n': return {CharKind::SentenceEnd, 1, {}};
      case '.': return {CharKind::Period, 1, {}};
      case ',': case ';': case ':': return {CharKind::ClauseBreak, 1, {}};
      default: return {};
    }
  }
  // UTF-8; an invalid byte is a one-byte separator.
  const std::optional<CodePoint> decoded = decode_utf8(s, i);
  if (!decoded) return {};
  const auto [cp, length] = *decoded;
  if (is_foldable_latin(cp)) {
    const std::string_view folded = fold_latin(cp);
    return {folded.empty() ? CharKind::Separator : CharKind::Word, length, folded};
  }
  if (cp == 0x2018 || cp == 0x2019) return {CharKind::Apostrophe, length, {}};
  if (cp == 0x2013 || cp == 0x2014) return {CharKind::ClauseBreak, length, {}};  // – —
  if (cp == 0x2026) return {CharKind::SentenceEnd, length, {}};  // …
  // Punctuation, symbols and emoji separate; letters of other scripts are word characters.
  if (is_symbol(cp)) return {CharKind::Separator, length, {}};
  return {CharKind::Word, length, s.substr(i, length)};
}

template <std::size_t N>
std::string_view lookup(const std::array<std::pair<std::string_view, std::string_view>, N>& table,
                        std::string_view key) {
  auto it = std::lower_bound(table.begin(), table.end(), key,
                             [](const auto& entry, std::string_view k) { return entry.first < k; });
  return it != table.end() && it->first == key ? it->second : std::string_view{};
}

template <std::size_t N>
constexpr bool sorted(const std::array<std::pair<std::string_view, std::string_view>, N>& table) {
  for (std::size_t i = 1; i < N; ++i)
    if (!(table[i - 1].first < table[i].first)) return false;
  return true;
}

// Words that deny what follows them. All of them also compare equal to each other inside a
// phrase ("not thread safe" matches "isn't thread safe"), since they say the same.
constexpr std::array<std::string_view, 22> kNegators = {
    "arent",  "cannot", "cant",  "couldnt",  "didnt", "doesnt", "dont",     "hasnt",
    "havent", "isnt",   "mustnt", "neither", "never", "no",     "nor",      "not",
    "shouldnt", "wasnt", "werent", "without", "wont", "wouldnt",
};

static_assert(std::is_sorted(kNegators.begin(), kNegators.end()));

bool is_negator(std::string_view word) {
  return std::binary_search(kNegators.begin(), kNegators.end(), word);
}

// Shorthand in typed answers, by its lowercase form (apostrophes dropped); an expansion may be
// several words ("pk"). "w/o" and "b/c" are read by the tokenizer. Only abbreviations that are
// rarely anything else; digits are spelt out so "1 thread" is "one thread" (and "o 1" still
// matches "O(1)", as both sides are read alike).
constexpr std::array<std::pair<std::string_view, std::string_view>, 84> kAbbreviations = {{
    {"1", "one"}, {"2", "two"}, {"3", "three"}, {"4", "four"}, {"5", "five"}, {"6", "six"},
    {"7", "seven"}, {"8", "eight"}, {"9", "nine"}, {"abt", "about"}, {"addr", "address"},
    {"alloc", "allocate"}, {"approx", "approximately"}, {"arg", "argument"},
    {"async", "asynchronous"}, {"attr", "attribute"}, {"auth", "authentication"},
    {"avg", "average"}, {"b4", "before"}, {"bc", "because"}, {"bcuz", "because"},
    {"bg", "background"}, {"calc", "calculate"}, {"cb", "callback"}, {"cfg", "configuration"},
    {"config", "configuration"}, {"conn", "connection"}, {"coro", "coroutine"}, {"coz", "because"},
    {"ctx", "context"}, {"cuz", "because"}, {"db", "database"}, {"dep", "dependency"},
    {"dict", "dictionary"}, {"dir", "directory"}, {"dup", "duplicate"}, {"dupe", "duplicate"},
    {"elem", "element"}, {"env", "environment"}, {"err", "error"}, {"exec", "execute"},
    {"fk", "foreign key"}, {"fn", "function"}, {"func", "function"}, {"gen", "generator"},
    {"idx", "index"}, {"impl", "implementation"}, {"lib", "library"}, {"m2m", "many to many"},
    {"mem", "memory"}, {"meth", "method"}, {"mgr", "manager"}, {"msg", "message"},
    {"mw", "middleware"}, {"o2o", "one to one"}, {"obj", "object"}, {"param", "parameter"},
    {"perf", "performance"}, {"pk", "primary key"}, {"pkg", "package"}, {"ppl", "people"},
    {"prod", "production"}, {"prop", "property"}, {"ptr", "pointer"}, {"qs", "queryset"},
    {"r", "are"}, {"ref", "reference"}, {"repo", "repository"}, {"req", "request"},
    {"resp", "response"}, {"seq", "sequence"}, {"smth", "something"}, {"sth", "something"},
    {"sync", "synchronous"}, {"tbl", "table"}, {"tho", "though"}, {"thru", "through"},
    {"tx", "transaction"}, {"txn", "transaction"}, {"u", "you"}, {"ur", "your"}, {"val", "value"},
    {"var", "variable"}, {"w", "with"},
}};
static_assert(sorted(kAbbreviations));

// Irregular forms the suffix stemmer cannot reach, to their base form.
constexpr std::array<std::pair<std::string_view, std::string_view>, 36> kIrregular = {{
    {"began", "begin"},   {"begun", "begin"},   {"bound", "bind"},   {"built", "build"},
    {"children", "child"}, {"chose", "choose"}, {"chosen", "choose"}, {"did", "do"},
    {"done", "do"},       {"found", "find"},    {"froze", "freeze"}, {"frozen", "freeze"},
    {"gave", "give"},     {"given", "give"},    {"gone", "go"},      {"got", "get"},
    {"gotten", "get"},    {"held", "hold"},     {"indices", "index"}, {"kept", "keep"},
    {"knew", "know"},     {"known", "know"},    {"made", "make"},    {"ran", "run"},
    {"sent", "send"},     {"spent", "spend"},   {"taken", "take"},   {"threw", "throw"},
    {"thrown", "throw"},  {"took", "take"},     {"used", "use"},     {"uses", "use"},
    {"using", "use"},     {"went", "go"},       {"written", "write"}, {"wrote", "write"},
}};
static_assert(sorted(kIrregular));

bool ends_with(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() && std::string_view(w).substr(w.size() - suffix.size()) == suffix;
}

// Strips `suffix` when at least `keep` letters remain.
bool strip(std::string& w, std::string_view suffix, std::size_t keep) {
  if (!ends_with(w, suffix) || w.size() - suffix.size() < keep) return false;
  w.resize(w.size() - suffix.size());
  return true;
}

// "running" -> "runn" -> "run", keeping at least three letters ("added" stays "add").
void undouble(std::string& w) {
  const std::size_t n = w.size();
  if (n >= 4 && w[n - 1] == w[n - 2] &&
      std::string_view("bdgmnprt").find(w[n - 1]) != std::string_view::npos)
    w.pop_back();
}

void drop_final_e(std::string& w) {
  if (w.size() >= 4 && w.back() == 'e') w.pop_back();
}

// A light English stemmer for lowercase letters: not linguistically exact, only consistent, so
// that the inflections and derivations of one word meet ("serialise", "serialized",
// "serialization" -> "serializ"; "threads", "threading" -> "thread"; "caches" -> "cach").
void stem(std::string& w) {
  if (w.size() <= 3) return;
  if (ends_with(w, "ies") && w.size() >= 5) {
    w.replace(w.size() - 3, 3, "y");
  } else if (w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is")) {
    w.pop_back();
  }
  if (strip(w, "ing", 3) || strip(w, "ed", 3))
    undouble(w);
  else
    strip(w, "ly", 4);
  drop_final_e(w);
  if (!strip(w, "ion", 3) && strip(w, "er", 4)) undouble(w);
  strip(w, "at", 4);  // "validation", "validate" -> "valid"
  if (strip(w, "ment", 3)) drop_final_e(w);
  // British and American spellings: "optimis(e)" and "optimiz(e)" meet.
  if (w.size() >= 6 && (ends_with(w, "is") || ends_with(w, "ys"))) w.back() = 'z';
  if (w.size() >= 4 && w.back() == 'y') w.back() = 'i';  // "copy", "copies", "copied"
}

bool is_plain_ascii_word(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// What an abbreviation stands for, also in the plural ("args", "dbs"); empty if none.
std::string_view expansion(std::string_view w) {
  if (auto full = lookup(kAbbreviations, w); !full.empty()) return full;
  if (w.size() > 2 && w.back() == 's') return lookup(kAbbreviations, w.substr(0, w.size() - 1));
  return {};
}

// One word's normalised form; a several-word expansion is split by the tokenizer beforehand.
std::string normalise(std::string_view word) {
  if (is_negator(word)) return "not";
  std::string w(word);
  if (auto base = lookup(kIrregular, w); !base.empty()) w = base;
  if (auto full = expansion(w); !full.empty() && full.find(' ') == std::string_view::npos) w = full;
  if (is_plain_ascii_word(w)) stem(w);
  if (w.size() > kMaxWordBytes) w.resize(kMaxWordBytes);
  return w;
}

// Edits tolerated in a word of `letters` letters.
std::uint8_t typos_for(std::size_t letters) { return letters >= 9 ? 2 : letters >= 5 ? 1 : 0; }

// Optimal string alignment distance (adjacent transpositions count one), or more than `limit`.
// Three rolling rows of bytes on the stack: it runs for many word pairs per answer.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  std::uint8_t rows[3][kMaxWordBytes + 1];
  std::uint8_t *before = rows[0], *previous = rows[1], *current = rows[2];
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<std::uint8_t>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<std::uint8_t>(i);
    std::uint8_t row_min = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        best = std::min(best, before[j - 2] + 1);
      current[j] = static_cast<std::uint8_t>(best);
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    std::uint8_t* oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return previous[b.size()];
}

struct Token {
  ByteRange bytes;
  std::uint32_t sentence = 0;
  std::uint32_t clause = 0;  // counts across the answer; a negation does not cross a clause
  std::string raw;           // lower case, accents folded, apostrophes dropped
  std::string key;           // normalised
  bool negator = false;
  bool listed = false;  // an item of an enumeration ("fields, relations, managers, Meta")
};

// Enumerations: three or more clauses in a row, in one sentence, of at most this many words.
constexpr std::size_t kListItemWords = 3;
constexpr std::size_t kListItems = 3;

void mark_lists(std::vector<Token>& tokens) {
  // Clauses as token ranges, in order.
  std::vector<std::pair<std::size_t, std::size_t>> clauses;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (i == 0 || tokens[i].clause != tokens[i - 1].clause)
      clauses.push_back({i, i + 1});
    else
      clauses.back().second = i + 1;
  auto is_item = [&](std::size_t c) {
    return clauses[c].second - clauses[c].first <= kListItemWords;
  };
  for (std::size_t c = 0; c < clauses.size();) {
    std::size_t end = c;
    while (end < clauses.size() && is_item(end) &&
           tokens[clauses[end].first].sentence == tokens[clauses[c].first].sentence)
      ++end;
    if (end - c >= kListItems)
      for (std::size_t k = c; k < end; ++k)
        for (std::size_t t = clauses[k].first; t < clauses[k].second; ++t) tokens[t].listed = true;
    c = std::max(end, c + 1);
  }
}

// Abbreviations of one word that never end a sentence.
bool is_abbreviation_before_period(std::string_view raw) {
  return raw.size() == 1 || raw == "eg" || raw == "ie" || raw == "etc" || raw == "vs" ||
         raw == "cf" || raw == "approx";
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Cuts text into words, sentences and clauses. Byte ranges point into `text`.
std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::uint32_t sentence = 0, clause = 0;
  bool sentence_open = false;  // the current sentence has a word: an end starts a new one
  std::string raw;
  std::size_t word_begin = 0;

  auto push = [&](std::string word, std::size_t begin, std::size_t end) {
    if (std::string_view full = expansion(word); full.find(' ') != std::string_view::npos) {
      // "pk" is the words "primary key", both over the bytes of "pk".
      for (std::size_t at = 0; at <= full.size();) {
        std::size_t space = std::min(full.find(' ', at), full.size());
        Token t;
        t.bytes = {begin, end};
        t.sentence = sentence;
        t.clause = clause;
        t.raw = std::string(full.substr(at, space - at));
        t.key = normalise(t.raw);
        tokens.push_back(std::move(t));
        at = space + 1;
      }
      sentence_open = true;
      return;
    }
    Token t;
    t.bytes = {begin, end};
    t.sentence = sentence;
    t.clause = clause;
    t.negator = is_negator(word);
    t.key = normalise(word);
    t.raw = std::move(word);
    tokens.push_back(std::move(t));
    sentence_open = true;
  };
  auto end_sentence = [&] {
    if (sentence_open) ++sentence;
    sentence_open = false;
    ++clause;
  };
  auto next_is_word = [&](std::size_t at) {
    return at < text.size() && read_char(text, at).kind == CharKind::Word;
  };

  for (std::size_t i = 0; i < text.size();) {
    const Char ch = read_char(text, i);
    if (ch.kind == CharKind::Word) {
      if (raw.empty()) word_begin = i;
      raw += ch.folded;
      i += ch.length;
      continue;
    }
    if (ch.kind == CharKind::Apostrophe && !raw.empty() && next_is_word(i + ch.length)) {
      i += ch.length;
      continue;
    }
    if (!raw.empty()) {
      // "w/", "w/o" and "b/c" are words of typed answers.
      if (text[i] == '/' && (raw == "w" || raw == "b")) {
        const char after = i + 1 < text.size() ? static_cast<char>(text[i + 1] | 0x20) : '\0';  // lower case
        const bool pair = !next_is_word(i + 2) && ((raw == "w" && after == 'o') || (raw == "b" && after == 'c'));
        if (pair || raw == "w") {
          const std::size_t past = i + (pair ? 2 : 1);
          push(!pair ? "with" : raw == "w" ? "without" : "because", word_begin, past);
          raw.clear();
          i = past;
          continue;
        }
      }
      push(std::move(raw), word_begin, i);
      raw.clear();
    }
    switch (ch.kind) {
      case CharKind::SentenceEnd:
        end_sentence();
        break;
      case CharKind::Period: {
        // A period ends a sentence before a space or the end, unless it ends "e.g." or "etc.";
        // inside "asyncio.gather" or "3.11" it only separates words.
        const std::size_t after = i + 1;
        const bool at_break =
            after >= text.size() || is_space(text[after]) || text[after] == '"' ||
            text[after] == ')' || static_cast<unsigned char>(text[after]) >= 0x80;
        const bool after_word = i > 0 && !tokens.empty() && tokens.back().bytes.end == i;
        if (at_break && !(after_word && is_abbreviation_before_period(tokens.back().raw)))
          end_sentence();
        break;
      }
      case CharKind::ClauseBreak:
        ++clause;
        break;
      default:
        if (text[i] == '&') {
          push("and", i, i + 1);
        } else if (text[i] == '-' && i > 0 && is_space(text[i - 1])) {
          ++clause;  // " - " as a dash
        }
        break;
    }
    i += ch.length;
  }
  if (!raw.empty()) push(std::move(raw), word_begin, text.size());
  mark_lists(tokens);
  return tokens;
}

// Words that open a sentence continuing the one before: a window of two sentences needs one
// (on the labelled dev answers, any next sentence let too many stuffed ones through).
bool opens_continuation(std::string_view raw) {
  constexpr std::array<std::string_view, 24> kWords = {
      "also", "and", "because", "but", "hence", "here", "it", "its", "so", "that", "thats",
      "them", "then", "there", "these", "they", "theyre", "this", "those", "thus", "which",
      "while", "whereas", "yet"};
  return std::find(kWords.begin(), kWords.end(), raw) != kWords.end();
}

// Where a phrase was found: its first and last token.
struct Occurrence {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

}  // namespace

std::string normalise_word(std::string_view word) { return normalise(word); }

AnswerScorer::AnswerScorer(const Card& card) {
  points_.resize(card.key_points.size());
  for (std::size_t i = 0; i < card.key_points.size() && i < card.key_point_matches.size(); ++i) {
    const KeyPointMatch& match = card.key_point_matches[i];
    for (const auto& group : match.groups) {
      auto& ids = points_[i].groups.emplace_back();
      for (const std::string& phrase : group) ids.push_back(add_phrase(phrase));
    }
    for (const std::string& phrase : match.wrong) points_[i].wrong.push_back(add_phrase(phrase));
  }
}

AnswerScorer::AnswerScorer(std::span<const KeyPointMatch> points) {
  Card card;
  card.key_points.resize(points.size());
  card.key_point_matches.assign(points.begin(), points.end());
  *this = AnswerScorer(card);
}

bool AnswerScorer::has_terms() const {
  return std::any_of(points_.begin(), points_.end(),
                     [](const Point& p) { return !p.groups.empty(); });
}

std::uint32_t AnswerScorer::add_word(std::string_view text) {
  Word word;
  word.prefix = text.ends_with('*');
  if (word.prefix) {
    text.remove_suffix(1);
    word.key = std::string(text.substr(0, kMaxWordBytes));
  } else {
    word.key = normalise(text);
    std::string_view full = expansion(text);
    word.plain = std::string(full.empty() ? text : full).substr(0, kMaxWordBytes);
    word.typos = typos_for(word.plain.size());
  }
  auto [it, added] = word_ids_.try_emplace((word.prefix ? "*" : "") + word.key,
                                           static_cast<std::uint32_t>(words_.size()));
  if (!added) return it->second;
  const auto index = it->second;
  if (word.key.empty()) {
    // Never matches.
  } else if (word.prefix) {
    prefix_words_[static_cast<unsigned char>(word.key[0])].push_back(index);
  } else {
    exact_[word.key].push_back(index);
    if (word.typos) typo_words_[static_cast<unsigned char>(word.plain[0])].push_back(index);
  }
  words_.push_back(std::move(word));
  return index;
}

std::uint32_t AnswerScorer::add_phrase(std::string_view text) {
  // The answer's tokenizer reads the phrase too, so both sides are cut and folded alike; a
  // well-formed phrase (phrase_problem) has one token per word.
  Phrase phrase;
  const bool prefix = text.ends_with('*');
  if (prefix) text.remove_suffix(1);
  std::vector<Token> tokens = tokenize(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const bool last = i + 1 == tokens.size();
    phrase.words.push_back(add_word(prefix && last ? tokens[i].raw + "*" : tokens[i].raw));
  }
  phrases_.push_back(std::move(phrase));
  return static_cast<std::uint32_t>(phrases_.size() - 1);
}

AnswerScore AnswerScorer::score(std::string_view answer) const {
  AnswerScore result;
  result.points.resize(points_.size());
  const std::vector<Token> tokens = tokenize(answer);
  if (tokens.empty() || points_.empty()) return result;

  // Tokens each card word matches, in answer order.
  std::vector<std::vector<std::uint32_t>> at(words_.size());
  for (std::uint32_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    if (auto it = exact_.find(token.key); it != exact_.end())
      for (std::uint32_t w : it->second) at[w].push_back(t);
    // A typo is tolerated only after the first letter: "sync" must not match "async".
    if (is_plain_ascii_word(token.raw) && token.raw.size() <= kMaxWordBytes)
      for (std::uint32_t w : typo_words_[static_cast<unsigned char>(token.raw[0])]) {
        const Word& word = words_[w];
        if (token.key != word.key &&
            (edit_distance(token.key, word.key, word.typos) <= word.typos ||
             edit_distance(token.raw, word.plain, word.typos) <= word.typos))
          at[w].push_back(t);
      }
    const auto raw_first = static_cast<unsigned char>(token.raw[0]);
    const auto key_first = static_cast<unsigned char>(token.key.empty() ? 0 : token.key[0]);
    auto check_prefixes = [&](unsigned char first) {
      for (std::uint32_t w : prefix_words_[first]) {
        const Word& word = words_[w];
        if (token.raw.starts_with(word.key) || token.key.starts_with(word.key)) at[w].push_back(t);
      }
    };
    check_prefixes(raw_first);
    if (key_first != raw_first) check_prefixes(key_first);
  }

  // Occurrences of each phrase, un-negated ones only: its words in order within one clause,
  // at most kMaxGap words apart; tried from every start, all gap choices (at most 3^3 paths).
  std::vector<std::vector<Occurrence>> found(phrases_.size());
  for (std::size_t p = 0; p < phrases_.size(); ++p) {
    const std::vector<std::uint32_t>& words = phrases_[p].words;
    if (words.empty()) continue;
    for (std::uint32_t start : at[words[0]]) {
      // Depth-first over the next word's positions.
      std::uint32_t last = 0;
      auto extend = [&](auto&& self, std::size_t k, std::uint32_t from) -> bool {
        if (k == words.size()) {
          last = from;
          return true;
        }
        for (std::uint32_t next : at[words[k]]) {
          if (next <= from) continue;
          if (next - from > kMaxGap + 1 || tokens[next].clause != tokens[start].clause) break;
          if (self(self, k + 1, next)) return true;
        }
        return false;
      };
      if (!extend(extend, 1, start)) continue;
      bool negated = false;
      for (std::uint32_t back = 1; back <= kNegationReach && back <= start && !negated; ++back) {
        const Token& before = tokens[start - back];
        if (before.clause != tokens[start].clause) break;
        negated = before.negator;
      }
      if (!negated) found[p].push_back({start, last});
    }
  }

  const std::uint32_t sentences = tokens.back().sentence + 1;
  std::size_t covered = 0;
  struct Hit {
    Occurrence at;
    std::uint32_t sentence;
    std::uint8_t group;
  };
  // Per sentence: whether it opens with a word referring back ("It", "This", "So", ...), so a
  // window may reach into it from the sentence before.
  std::vector<std::uint8_t> continues(sentences, 0);
  for (std::size_t t = 0; t < tokens.size(); ++t)
    if (t == 0 || tokens[t].sentence != tokens[t - 1].sentence)
      continues[tokens[t].sentence] = opens_continuation(tokens[t].raw);
  std::vector<Hit> hits;               // the point's found phrases, in answer order
  std::vector<std::uint8_t> wrong_in;  // per sentence: a wrong phrase of the point is found there
  std::vector<std::uint8_t> seen;      // per group, while growing a window
  for (std::size_t i = 0; i < points_.size(); ++i) {
    const Point& point = points_[i];
    if (point.groups.empty()) continue;
    const std::size_t groups = point.groups.size();
    hits.clear();
    for (std::size_t g = 0; g < groups; ++g)
      for (std::uint32_t p : point.groups[g])
        for (const Occurrence& o : found[p])
          hits.push_back({o, tokens[o.first].sentence, static_cast<std::uint8_t>(g)});
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      return a.at.first != b.at.first ? a.at.first < b.at.first : a.group < b.group;
    });
    wrong_in.assign(sentences + 1, 0);
    for (std::uint32_t p : point.wrong)
      for (const Occurrence& o : found[p]) wrong_in[tokens[o.first].sentence] = 1;

    // The first window holding a phrase of every group: from a found phrase, the ones after it
    // in its sentence and the next (if that one refers back). A wrong phrase in the window's
    // sentences, or in the next one after a one-sentence window (a wrong claim is often a
    // sentence of its own), vetoes it.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> window;  // sentences [first, last]
    for (std::size_t a = 0; a < hits.size() && !window; ++a) {
      seen.assign(groups, 0);
      std::size_t missing = groups;
      // A point of two or more groups needs one found outside an enumeration: naming the topic's
      // terms in a list does not state how they relate.
      bool unlisted = groups < 2;
      for (std::size_t b = a; b < hits.size(); ++b) {
        const Hit& hit = hits[b];
        if (hit.sentence > hits[a].sentence + 1 ||
            (hit.sentence != hits[a].sentence && !continues[hit.sentence]))
          break;
        if (!seen[hit.group]) {
          seen[hit.group] = 1;
          --missing;
        }
        unlisted = unlisted || !tokens[hit.at.first].listed;
        if (missing == 0 && unlisted) {
          const std::uint32_t first = hits[a].sentence;
          const std::uint32_t last = std::max(hit.sentence, std::min(first + 1, sentences - 1));
          bool wrong = false;
          for (std::uint32_t k = first; k <= last; ++k) wrong = wrong || wrong_in[k];
          if (!wrong) window = {first, hit.sentence};
          break;
        }
      }
    }
    if (!window) continue;

    PointScore& out = result.points[i];
    out.covered = true;
    ++covered;
    for (const Hit& hit : hits)
      if (hit.sentence >= window->first && hit.sentence <= window->second)
        out.matched.push_back({tokens[hit.at.first].bytes.begin, tokens[hit.at.last].bytes.end});
    std::sort(out.matched.begin(), out.matched.end(),
              [](const ByteRange& a, const ByteRange& b) {
                return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
              });
    std::vector<ByteRange> merged;
    for (const ByteRange& r : out.matched) {
      if (!merged.empty() && r.begin <= merged.back().end)
        merged.back().end = std::max(merged.back().end, r.end);
      else
        merged.push_back(r);
    }
    out.matched = std::move(merged);
  }
  result.score = static_cast<double>(covered) / static_cast<double>(points_.size());
  return result;
}

AnswerScore score_answer(const Card& card, std::string_view answer) {
  return AnswerScorer(card).score(answer);
}

}  // namespace pyprep
