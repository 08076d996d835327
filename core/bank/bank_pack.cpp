#include "core/bank/bank_pack.h"

#include <cstdint>
#include <optional>

namespace pyprep {
namespace {

// Version 1. Counts and lengths are LEB128 varints; a string is its length then its bytes; an
// optional is a 0/1 flag then the value. Fields follow the order of the structs in bank.h.
constexpr std::string_view kMagic = "PYPREP-BANK-1\n";

class Writer {
 public:
  void number(std::uint64_t n) {
    do {
      const auto low = static_cast<unsigned char>(n & 0x7F);
      n >>= 7;
      out_.push_back(static_cast<char>(n ? low | 0x80 : low));
    } while (n);
  }
  void text(std::string_view s) {
    number(s.size());
    out_.append(s);
  }
  void texts(const std::vector<std::string>& list) {
    number(list.size());
    for (const std::string& s : list) text(s);
  }
  void raw(std::string_view s) { out_.append(s); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Writer wrote; the first failure sticks and every later read returns an empty value.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) return fail("it ends early");
      const auto byte = static_cast<unsigned char>(in_[at_++]);
      n |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return n;
    }
    return fail("a number is too long");
  }
  // A count of items that each take at least one byte: more than the bytes left is corrupt, and
  // is refused before anything is allocated for it.
  std::size_t count() {
    const std::uint64_t n = number();
    if (n > in_.size() - at_) return fail("it ends early");
    return static_cast<std::size_t>(n);
  }
  std::string text() {
    const std::size_t n = count();
    if (failed()) return {};
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  // `n` items read by `read`, stopping at the first failure: memory grows only with what is read.
  template <class Read>
  auto list(Read read) {
    std::vector<decltype(read())> items;
    for (std::size_t n = count(); n > 0 && !failed(); --n) items.push_back(read());
    return items;
  }
  std::vector<std::string> texts() {
    return list([this] { return text(); });
  }
  bool flag() {
    const std::uint64_t n = number();
    if (n > 1) return fail("a flag is neither 0 nor 1");
    return n == 1;
  }
  template <class Enum>
  Enum choice(std::size_t choices) {
    const std::uint64_t n = number();
    if (n >= choices) return static_cast<Enum>(fail("a level or kind is out of range"));
    return static_cast<Enum>(n);
  }
  bool take(std::string_view expected) {
    if (in_.substr(at_, expected.size()) != expected) return fail("it is not a packed bank of this version");
    at_ += expected.size();
    return true;
  }

  bool failed() const { return error_.has_value(); }
  bool at_end() const { return at_ == in_.size(); }
  const std::string& error() const { return *error_; }
  std::uint64_t fail(const char* why) {
    if (!error_) error_ = why;
    at_ = in_.size();
    return 0;
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  std::optional<std::string> error_;
};

void write_code(Writer& w, const CodeTask& code) {
  w.text(code.task);
  w.texts(code.names);
  w.text(code.starter);
  w.text(code.solution);
  w.number(code.cases.size());
  for (const CodeCase& c : code.cases) {
    w.text(c.name);
    w.text(c.code);
  }
  w.number(code.scale ? 1 : 0);
  if (code.scale) {
    w.text(code.scale->setup);
    w.text(code.scale->run);
  }
  w.text(code.complexity);
  w.text(code.alternatives);
  w.number(code.runnable ? 1 : 0);
  w.text(code.why_not_runnable);
  w.text(code.not_on_phone);
}

CodeTask read_code(Reader& r) {
  CodeTask code;
  code.task = r.text();
  code.names = r.texts();
  code.starter = r.text();
  code.solution = r.text();
  code.cases = r.list([&r] {
    CodeCase c;
    c.name = r.text();
    c.code = r.text();
    return c;
  });
  if (r.flag()) {
    ScaleInput scale;
    scale.setup = r.text();
    scale.run = r.text();
    code.scale = std::move(scale);
  }
  code.complexity = r.text();
  code.alternatives = r.text();
  code.runnable = r.flag();
  code.why_not_runnable = r.text();
  code.not_on_phone = r.text();
  return code;
}

void write_card(Writer& w, const Card& card) {
  w.text(card.id);
  w.text(card.topic);
  w.number(static_cast<std::uint64_t>(card.level));
  w.number(static_cast<std::uint64_t>(card.kind));
  w.text(card.prompt);
  w.text(card.short_answer);
  w.text(card.answer);
  w.texts(card.key_points);
  w.number(card.key_point_matches.size());
  for (const KeyPointMatch& match : card.key_point_matches) {
    w.number(match.groups.size());
    for (const std::vector<std::string>& group : match.groups) w.texts(group);
    w.texts(match.wrong);
  }
  w.number(card.code ? 1 : 0);
  if (card.code) write_code(w, *card.code);
  w.texts(card.sources);
  w.texts(card.tags);
}

Card read_card(Reader& r) {
  Card card;
  card.id = r.text();
  card.topic = r.text();
  card.level = r.choice<Level>(std::size(kLevels));
  card.kind = r.choice<Kind>(2);
  card.prompt = r.text();
  card.short_answer = r.text();
  card.answer = r.text();
  card.key_points = r.texts();
  card.key_point_matches = r.list([&r] {
    KeyPointMatch match;
    match.groups = r.list([&r] { return r.texts(); });
    match.wrong = r.texts();
    return match;
  });
  if (r.flag()) card.code = read_code(r);
  card.sources = r.texts();
  card.tags = r.texts();
  return card;
}

}  // namespace

std::string pack_bank(const LoadedBank& loaded) {
  Writer w;
  w.raw(kMagic);
  w.number(loaded.bank.topics.size());
  for (const Topic& topic : loaded.bank.topics) {
    w.text(topic.id);
    w.text(topic.title);
  }
  w.number(loaded.bank.cards.size());
  for (const Card& card : loaded.bank.cards) write_card(w, card);
  w.number(loaded.problems.size());
  for (const BankProblem& problem : loaded.problems) {
    w.text(problem.file);
    w.text(problem.card_id);
    w.number(problem.card_number);
    w.text(problem.field);
    w.number(problem.line);
    w.number(problem.column);
    w.text(problem.message);
  }
  return w.take();
}

Result<LoadedBank> unpack_bank(std::string_view packed) {
  Reader r(packed);
  LoadedBank loaded;
  if (r.take(kMagic)) {
    loaded.bank.topics = r.list([&r] {
      Topic topic;
      topic.id = r.text();
      topic.title = r.text();
      return topic;
    });
    loaded.bank.cards = r.list([&r] { return read_card(r); });
    loaded.problems = r.list([&r] {
      BankProblem problem;
      problem.file = r.text();
      problem.card_id = r.text();
      problem.card_number = static_cast<std::size_t>(r.number());
      problem.field = r.text();
      problem.line = static_cast<std::size_t>(r.number());
      problem.column = static_cast<std::size_t>(r.number());
      problem.message = r.text();
      return problem;
    });
    if (!r.failed() && !r.at_end()) r.fail("it has bytes after the bank");
  }
  if (r.failed()) return Error{"the packed bank is unreadable: " + r.error()};
  return loaded;
}

}  // namespace pyprep
