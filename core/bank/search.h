#pragma once
// Full-text search over the bank: prompts, answers, key points, tags, topic titles and code
// solutions. Built once per bank; a query then costs a few binary searches and a scan of the
// matching postings, cheap enough to run on every keystroke.
//
// Matching ignores case, Latin accents and punctuation: text is cut into words at anything that
// is not a letter or digit, and words joined without a space by "_", ".", "-", "/", ":", "@" or
// an apostrophe also form one term, so "select_related", "asyncio.gather" and "__slots__" are
// found as typed. Each query word must match the start of a term in the card (prefix match), and
// every query word must match (AND).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/bank/bank.h"

namespace pyprep {

struct SearchFilter {
  std::vector<std::string> topics;  // topic ids; empty means every topic
};

struct SearchHit {
  std::size_t card = 0;  // index into Bank::cards
  // About 80 bytes of the answer around the first match, or of the prompt when the answer has
  // none, or the answer's start when the match is elsewhere (tags, code) or the query is empty.
  // Cut at spaces where near and always between UTF-8 characters; "…" marks a cut; whitespace
  // is collapsed to single spaces.
  std::string snippet;
  // The matched word within the snippet, in bytes; length 0 when the snippet shows no match.
  std::size_t highlight_offset = 0;
  std::size_t highlight_length = 0;
};

class SearchIndex {
 public:
  SearchIndex() = default;  // an index of no cards
  explicit SearchIndex(const Bank& bank);

  // Matching cards, best first: a word matching the prompt counts most, then tags and the topic
  // title, key points, the answer, and the code solution; ties keep bank order. An empty query
  // (or one of punctuation only) returns every card that passes the filter, in bank order.
  std::vector<SearchHit> search(std::string_view query, const SearchFilter& filter = {}) const;

 private:
  struct Posting {
    std::uint32_t card = 0;
    std::uint32_t snippet_position = 0;  // byte offset of the term's first occurrence
    std::uint8_t fields = 0;             // the fields it occurs in, one bit per field weight
    std::uint8_t tag_rank = 255;         // the first of the card's tags it occurs in; 255: none
    std::uint8_t snippet_source = 0;     // where snippet_position points: none, prompt, answer
  };
  struct CardText {
    std::string topic;
    // Whitespace runs collapsed to one space: snippets are cut from these as they are.
    std::string prompt;
    std::string answer;  // the plain text of the markdown answer
  };

  std::vector<CardText> cards_;
  // Terms in byte order, concatenated; term i is terms_[term_begin_[i], term_begin_[i + 1]).
  // The postings of term i are postings_[posting_begin_[i], posting_begin_[i + 1]), so the
  // postings of all terms sharing a prefix are one contiguous range.
  std::string terms_;
  std::vector<std::uint32_t> term_begin_ = {0};
  std::vector<std::uint32_t> posting_begin_ = {0};
  std::vector<Posting> postings_;
};

}  // namespace pyprep
