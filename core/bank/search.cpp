#include "core/bank/search.h"

#include <algorithm>
#include <bit>
#include <numeric>

#include "core/base/hash.h"
#include "core/text/markdown.h"
#include "core/text/unicode.h"

namespace pyprep {
namespace {

// Field weights. Each query word scores the weight of the best field it matches in a card, and a
// card's score is the sum over the query's words. Equal scores go to the card that matches in
// more fields (a card about the term names it in its tags and key points too, not only its
// prompt), then to the card whose tags name it earlier (authors list a card's subject first),
// then keep bank order.
enum Weight : std::uint8_t { kCode = 1, kAnswer = 2, kKeyPoints = 3, kTags = 4, kPrompt = 5 };

// Where a posting's snippet position points; answers rank above prompts as snippet sources
// because the prompt is already on screen next to the snippet.
enum SnippetSource : std::uint8_t { kNoSource = 0, kFromPrompt = 1, kFromAnswer = 2 };

// Terms are cut to this many bytes (index and query alike, so prefix matching still holds):
// it keeps a long run such as a URL from adding terms quadratic in its length.
constexpr std::size_t kMaxTermBytes = 48;

// Snippet sizes in bytes (characters in ASCII text).
constexpr std::size_t kSnippetBytes = 80;
constexpr std::size_t kContextBefore = 20;
constexpr std::size_t kWordCut = 20;  // what a snippet may lose to end at a space


enum class CharClass : std::uint8_t { Word, Joiner, Separator };

struct Char {
  CharClass kind = CharClass::Separator;
  std::size_t length = 1;   // bytes in the source
  std::string_view folded;  // what a word character adds to a term
};

// ASCII, by table: indexing reads every byte of the bank through here.
struct AsciiTable {
  CharClass kind[128];
  char folded[128];  // lower case
};

constexpr AsciiTable make_ascii_table() {
  AsciiTable t{};
  for (int c = 0; c < 128; ++c) {
    const bool lower = c >= 'a' && c <= 'z';
    const bool upper = c >= 'A' && c <= 'Z';
    const bool digit = c >= '0' && c <= '9';
    const bool joiner = std::string_view("_.-/:@'").find(char(c)) != std::string_view::npos;
    t.kind[c] = lower || upper || digit ? CharClass::Word
                : joiner                ? CharClass::Joiner
                                        : CharClass::Separator;
    t.folded[c] = upper ? char(c - 'A' + 'a') : char(c);
  }
  return t;
}

constexpr AsciiTable kAscii = make_ascii_table();

Char read_non_ascii(std::string_view s, std::size_t i);

// Decodes one UTF-8 character at `i` (an invalid byte is a one-byte separator) and classifies
// it. Letters of other scripts are word characters kept as they are; punctuation and symbols
// from the general punctuation block up to the arrows, shapes and emoji are separators.
inline Char read_char(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c >= 0x80) return read_non_ascii(s, i);
  return {kAscii.kind[c], 1, std::string_view(&kAscii.folded[c], 1)};
}

Char read_non_ascii(std::string_view s, std::size_t i) {
  const std::optional<CodePoint> cp = decode_utf8(s, i);
  if (!cp) return {};
  const std::size_t length = cp->length;
  if (is_foldable_latin(cp->value)) {
    const std::string_view folded = fold_latin(cp->value);
    return {folded.empty() ? CharClass::Separator : CharClass::Word, length, folded};
  }
  if (cp->value == 0x2018 || cp->value == 0x2019) return {CharClass::Joiner, length, {}};  // ‘ ’
  if (is_symbol(cp->value)) return {CharClass::Separator, length, {}};
  return {CharClass::Word, length, s.substr(i, length)};
}

// Cuts text into runs of words joined by joiners (no separator between them) and reports, for
// each word of a run, the term formed by it and the rest of the run, folded and cut to
// kMaxTermBytes. The buffers are kept between calls to save allocations.
class TermSplitter {
 public:
  // report(term, byte offset of the word in `text`, index of the word in its run)
  template <class Report>
  void split(std::string_view text, Report&& report) {
    folded_.clear();
    words_.clear();
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
      const Char ch = read_char(text, i);
      if (ch.kind == CharClass::Word) {
        if (!in_word) words_.push_back({folded_.size(), i});
        folded_ += ch.folded;
        in_word = true;
      } else {
        in_word = false;
        if (ch.kind == CharClass::Separator) flush(report);
      }
      i += ch.length;
    }
    flush(report);
  }

 private:
  struct Word {
    std::size_t folded_begin;
    std::size_t offset;
  };

  template <class Report>
  void flush(Report& report) {
    for (std::size_t w = 0; w < words_.size(); ++w) {
      const std::string_view term =
          std::string_view(folded_).substr(words_[w].folded_begin, kMaxTermBytes);
      report(term, words_[w].offset, w);
    }
    folded_.clear();
    words_.clear();
  }

  std::string folded_;
  std::vector<Word> words_;
};

// The bytes of the text a query term matched at `offset`: words and their joiners until the
// term's folded length is covered, then to the end of that word ("dec" shows as "decorator",
// "select_rel" as "select_related").
std::size_t matched_length(std::string_view text, std::size_t offset, std::size_t term_length) {
  std::size_t folded = 0;
  std::size_t end = offset;
  for (std::size_t i = offset; i < text.size();) {
    const Char ch = read_char(text, i);
    if (ch.kind == CharClass::Separator) break;
    if (ch.kind == CharClass::Joiner && folded >= term_length) break;
    i += ch.length;
    if (ch.kind == CharClass::Word) {
      folded += ch.folded.size();
      end = i;
    }
  }
  return end - offset;
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool is_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Runs of whitespace as single spaces, trimmed: the texts snippets are cut from, stored this way
// so a snippet is one substring.
std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = i;
    while (end < text.size() && !is_whitespace(text[end])) ++end;
    out += text.substr(i, end - i);
    i = end;
    while (i < text.size() && is_whitespace(text[i])) ++i;
    if (!out.empty() && i < text.size()) out += ' ';
  }
  return out;
}

// About kSnippetBytes of `text` (whitespace already collapsed) around [match, match + length),
// starting and ending at a space where one is near, and always at a UTF-8 character boundary.
void make_snippet(std::string_view text, std::size_t match, std::size_t length, SearchHit& hit) {
  std::size_t begin = match > kContextBefore ? match - kContextBefore : 0;
  while (begin < match && is_continuation_byte(text[begin])) ++begin;
  if (begin > 0) {
    const std::size_t space = text.find(' ', begin);
    if (space < match) begin = space + 1;
  }
  std::size_t end = std::max(std::min(text.size(), begin + kSnippetBytes), match + length);
  while (end < text.size() && is_continuation_byte(text[end])) --end;
  if (end < text.size()) {
    const std::size_t from = std::max(end - std::min(end, kWordCut), match + length);
    const std::size_t space = text.substr(from, end - from).rfind(' ');
    if (space != std::string_view::npos) end = from + space;
    while (end > match + length && text[end - 1] == ' ') --end;
  }
  constexpr std::string_view kEllipsis = "…";
  std::string& out = hit.snippet;
  out.reserve(end - begin + 2 * kEllipsis.size());
  if (begin > 0) out += kEllipsis;
  if (length > 0) {
    hit.highlight_offset = out.size() + (match - begin);
    hit.highlight_length = length;
  }
  out += text.substr(begin, end - begin);
  if (end < text.size()) out += kEllipsis;
}

// The first index in [lo, hi) for which `pred` is false, or hi; `pred` must hold for a prefix of
// the range only. (std::ranges::partition_point over an iota view, which Emscripten's libc++
// lacks.)
template <class Pred>
std::size_t partition_point(std::size_t lo, std::size_t hi, Pred pred) {
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (pred(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// Interns terms: open addressing over one byte arena. Building the index looks up every word of
// the bank, and a node-based map spends most of that time on cache misses.
class TermTable {
 public:
  TermTable() : slots_(1024) {}

  // The term's id (ids count up from 0 in order of first appearance).
  std::uint32_t intern(std::string_view term) {
    if (2 * (size() + 1) > slots_.size()) grow();
    const std::uint32_t hash = hash_of(term);
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& slot = slots_[i];
      if (slot.id_plus_one == 0) {
        slot = {hash, std::uint32_t(size() + 1)};
        arena_ += term;
        begin_.push_back(std::uint32_t(arena_.size()));
        return slot.id_plus_one - 1;
      }
      if (slot.hash == hash && this->term(slot.id_plus_one - 1) == term)
        return slot.id_plus_one - 1;
    }
  }

  std::string_view term(std::uint32_t id) const {
    return std::string_view(arena_).substr(begin_[id], begin_[id + 1] - begin_[id]);
  }

  std::size_t size() const { return begin_.size() - 1; }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t id_plus_one = 0;  // 0: empty
  };

  static std::uint32_t hash_of(std::string_view s) { return static_cast<std::uint32_t>(fnv1a64(s)); }

  void grow() {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.id_plus_one == 0) continue;
      std::size_t i = slot.hash & (slots_.size() - 1);
      while (slots_[i].id_plus_one != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::string arena_;
  std::vector<std::uint32_t> begin_ = {0};  // term i is arena_[begin_[i], begin_[i + 1])
};

}  // namespace

SearchIndex::SearchIndex(const Bank& bank) {
  TermTable terms;
  std::vector<std::uint32_t> posting_term;  // parallel to postings_ until they are sorted
  std::vector<std::uint32_t> last_posting;  // by term: its latest posting, maybe another card's
  TermSplitter splitter;

  cards_.reserve(bank.cards.size());
  for (std::uint32_t c = 0; c < bank.cards.size(); ++c) {
    const Card& card = bank.cards[c];
    cards_.push_back({card.topic, collapse_whitespace(card.prompt),
                      collapse_whitespace(markdown::plain_text(markdown::parse(card.answer)))});
    const CardText& text = cards_.back();

    auto add = [&](std::string_view field, std::uint8_t weight, std::uint8_t source,
                   std::uint8_t tag = 255) {
      splitter.split(field, [&](std::string_view term, std::size_t offset, std::size_t) {
        const std::uint32_t id = terms.intern(term);
        if (id == last_posting.size()) last_posting.push_back(std::uint32_t(-1));
        std::uint32_t& last = last_posting[id];
        if (last == std::uint32_t(-1) || postings_[last].card != c) {
          last = std::uint32_t(postings_.size());
          postings_.push_back({c, 0, 0, 255, kNoSource});
          posting_term.push_back(id);
        }
        Posting& p = postings_[last];
        p.fields |= std::uint8_t(1u << weight);
        p.tag_rank = std::min(p.tag_rank, tag);
        if (source > p.snippet_source) {
          p.snippet_source = source;
          p.snippet_position = std::uint32_t(offset);
        }
      });
    };
    add(text.prompt, kPrompt, kFromPrompt);
    for (std::size_t t = 0; t < card.tags.size(); ++t)
      add(card.tags[t], kTags, kNoSource, std::uint8_t(std::min<std::size_t>(t, 254)));
    if (const Topic* topic = bank.find_topic(card.topic)) add(topic->title, kTags, kNoSource);
    for (const std::string& point : card.key_points) add(point, kKeyPoints, kNoSource);
    add(text.answer, kAnswer, kFromAnswer);
    add(markdown::plain_text(markdown::parse(card.short_answer)), kAnswer, kNoSource);
    if (card.code) add(card.code->solution, kCode, kNoSource);
  }

  // Lay the terms out in byte order and their postings in term order (a stable counting sort,
  // so each term's postings stay in card order).
  std::vector<std::uint32_t> sorted(terms.size());
  std::iota(sorted.begin(), sorted.end(), 0);
  std::sort(sorted.begin(), sorted.end(),
            [&](std::uint32_t a, std::uint32_t b) { return terms.term(a) < terms.term(b); });
  std::vector<std::uint32_t> rank(sorted.size());
  term_begin_.reserve(sorted.size() + 1);
  for (std::uint32_t r = 0; r < sorted.size(); ++r) {
    rank[sorted[r]] = r;
    terms_ += terms.term(sorted[r]);
    term_begin_.push_back(std::uint32_t(terms_.size()));
  }

  posting_begin_.assign(sorted.size() + 1, 0);
  for (std::uint32_t term : posting_term) ++posting_begin_[rank[term] + 1];
  std::partial_sum(posting_begin_.begin(), posting_begin_.end(), posting_begin_.begin());
  std::vector<std::uint32_t> next(posting_begin_.begin(), posting_begin_.end() - 1);
  std::vector<Posting> ordered(postings_.size());
  for (std::size_t i = 0; i < postings_.size(); ++i)
    ordered[next[rank[posting_term[i]]]++] = postings_[i];
  postings_ = std::move(ordered);
}

std::vector<SearchHit> SearchIndex::search(std::string_view query,
                                           const SearchFilter& filter) const {
  const std::size_t card_count = cards_.size();
  std::vector<std::uint32_t> score(card_count, 0);
  for (std::size_t c = 0; c < card_count; ++c) {
    const CardText& card = cards_[c];
    score[c] = allows(filter.topics, card.topic) ? 1 : 0;  // 1 means "still in", real scores add to it
  }

  struct Anchor {
    std::uint8_t source = kNoSource;
    std::uint32_t position = 0;
    std::uint32_t term_length = 0;
  };
  std::vector<Anchor> anchors(card_count);
  std::vector<std::uint8_t> best(card_count);
  std::vector<std::uint8_t> fields(card_count);
  std::vector<std::uint32_t> breadth(card_count, 0);
  std::vector<std::uint8_t> word_tag_rank(card_count);
  std::vector<std::uint32_t> tag_rank(card_count, 0);  // summed over the query's words
  TermSplitter splitter;
  auto term_at = [&](std::size_t i) {
    return std::string_view(terms_).substr(term_begin_[i], term_begin_[i + 1] - term_begin_[i]);
  };
  const std::size_t term_count = term_begin_.size() - 1;

  // Each run of the query (a word, or words joined by punctuation) is one AND term.
  splitter.split(query, [&](std::string_view prefix, std::size_t, std::size_t index) {
    if (index != 0) return;
    // The terms starting with `prefix` are contiguous, and so are their postings.
    const std::size_t lo =
        partition_point(0, term_count, [&](std::size_t t) { return term_at(t) < prefix; });
    const std::size_t hi = partition_point(
        lo, term_count, [&](std::size_t t) { return term_at(t).starts_with(prefix); });
    std::fill(best.begin(), best.end(), 0);
    std::fill(fields.begin(), fields.end(), 0);
    std::fill(word_tag_rank.begin(), word_tag_rank.end(), 255);
    for (std::uint32_t i = posting_begin_[lo]; i < posting_begin_[hi]; ++i) {
      const Posting& p = postings_[i];
      if (score[p.card] == 0) continue;
      // The best field's weight is the highest bit set.
      best[p.card] = std::max(best[p.card], std::uint8_t(std::bit_width(p.fields) - 1));
      fields[p.card] |= p.fields;
      word_tag_rank[p.card] = std::min(word_tag_rank[p.card], p.tag_rank);
      Anchor& anchor = anchors[p.card];
      if (p.snippet_source > anchor.source ||
          (p.snippet_source == anchor.source && p.snippet_source != kNoSource &&
           p.snippet_position < anchor.position)) {
        anchor = {p.snippet_source, p.snippet_position, std::uint32_t(prefix.size())};
      }
    }
    for (std::size_t c = 0; c < card_count; ++c) {
      score[c] = best[c] == 0 ? 0 : score[c] + best[c];
      breadth[c] += std::uint32_t(std::popcount(fields[c]));
      tag_rank[c] += word_tag_rank[c];
    }
  });

  std::vector<SearchHit> hits;
  for (std::size_t c = 0; c < card_count; ++c)
    if (score[c] > 0) hits.push_back({c, {}, 0, 0});
  std::stable_sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    if (score[a.card] != score[b.card]) return score[a.card] > score[b.card];
    if (breadth[a.card] != breadth[b.card]) return breadth[a.card] > breadth[b.card];
    return tag_rank[a.card] < tag_rank[b.card];
  });
  for (SearchHit& hit : hits) {
    const CardText& card = cards_[hit.card];
    const Anchor& anchor = anchors[hit.card];
    const std::string_view text = anchor.source == kFromPrompt ? card.prompt : card.answer;
    const std::size_t length =
        anchor.source == kNoSource ? 0 : matched_length(text, anchor.position, anchor.term_length);
    make_snippet(text, anchor.source == kNoSource ? 0 : anchor.position, length, hit);
  }
  return hits;
}

}  // namespace pyprep
