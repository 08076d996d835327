#include "core/log/json_scanner.h"

#include <cctype>

#include "core/text/unicode.h"

namespace pyprep {
namespace {

std::uint32_t hex4(std::string_view s) {
  std::uint32_t code = 0;
  for (std::size_t i = 0; i < 4 && i < s.size(); ++i) {
    const char c = s[i];
    code = code * 16 + static_cast<std::uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return code;
}

class JsonScanner {
 public:
  static std::optional<JsonFields> scan(std::string_view record) {
    JsonScanner scanner(record);
    JsonFields fields;
    fields.reserve(8);  // a record's usual field count: one allocation, not four
    scanner.space();
    if (!scanner.eat('{')) return std::nullopt;
    scanner.space();
    if (!scanner.eat('}')) {
      do {
        JsonValue key;
        JsonValue value;
        scanner.space();
        if (!scanner.string(key)) return std::nullopt;
        scanner.space();
        if (!scanner.eat(':') || !scanner.value(value, 1)) return std::nullopt;
        fields.emplace_back(key.text, value);
        scanner.space();
      } while (scanner.eat(','));
      if (!scanner.eat('}')) return std::nullopt;
    }
    scanner.space();
    if (scanner.at_ != record.size()) return std::nullopt;
    return fields;
  }

 private:
  static constexpr int kMaxDepth = 64;  // deeper nesting is rejected, not recursed into

  explicit JsonScanner(std::string_view s) : s_(s) {}

  bool more() const { return at_ < s_.size(); }
  char peek() const { return more() ? s_[at_] : '\0'; }
  bool eat(char c) {
    if (!more() || s_[at_] != c) return false;
    ++at_;
    return true;
  }
  void space() {
    while (more() && (s_[at_] == ' ' || s_[at_] == '\t' || s_[at_] == '\n' || s_[at_] == '\r')) ++at_;
  }
  bool digits() {
    const std::size_t start = at_;
    while (more() && s_[at_] >= '0' && s_[at_] <= '9') ++at_;
    return at_ > start;
  }

  bool string(JsonValue& out) {
    if (!eat('"')) return false;
    const std::size_t start = at_;
    out = {JsonKind::String, {}, false};
    while (more() && s_[at_] != '"') {
      const auto c = static_cast<unsigned char>(s_[at_++]);
      if (c < 0x20) return false;
      if (c >= 0x80 && !utf8_tail(c)) return false;  // kept unreadable, never rewritten as U+FFFD
      if (c != '\\') continue;
      out.escaped = true;
      const char e = peek();
      ++at_;
      if (e == 'u') {
        for (int i = 0; i < 4; ++i, ++at_) {
          if (!std::isxdigit(static_cast<unsigned char>(peek()))) return false;
        }
      } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos || e == '\0') {
        return false;
      }
    }
    out.text = s_.substr(start, at_ - start);
    return eat('"');
  }

  // After the lead byte `c` of a multi-byte UTF-8 sequence: consumes its continuation bytes and
  // says whether the sequence is well formed (shortest form, no surrogates, at most U+10FFFF).
  bool utf8_tail(unsigned char c) {
    int more_bytes = 0;
    std::uint32_t code = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      more_bytes = 1, code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      more_bytes = 2, code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      more_bytes = 3, code = c & 0x07;
    } else {
      return false;
    }
    const std::uint32_t least[] = {0, 0x80, 0x800, 0x10000};
    for (int i = 0; i < more_bytes; ++i) {
      if (!more()) return false;
      const auto next = static_cast<unsigned char>(s_[at_]);
      if ((next & 0xC0) != 0x80) return false;
      code = code << 6 | (next & 0x3F);
      ++at_;
    }
    return code >= least[more_bytes] && code <= 0x10FFFF && !(code >= 0xD800 && code < 0xE000);
  }

  bool number() {
    eat('-');
    if (!eat('0') && !digits()) return false;
    if (eat('.') && !digits()) return false;
    if (peek() == 'e' || peek() == 'E') {
      ++at_;
      if (!eat('+')) eat('-');
      if (!digits()) return false;
    }
    return true;
  }

  bool literal() {
    for (const std::string_view word : {"true", "false", "null"}) {
      if (s_.substr(at_, word.size()) == word) {
        at_ += word.size();
        return true;
      }
    }
    return false;
  }

  // Nested objects and arrays are only validated here; their text is kept for nlohmann.
  bool nested(int depth) {
    if (depth > kMaxDepth) return false;
    const char close = peek() == '{' ? '}' : ']';
    ++at_;
    space();
    if (eat(close)) return true;
    do {
      JsonValue item;
      space();
      if (close == '}') {
        if (!string(item)) return false;
        space();
        if (!eat(':')) return false;
      }
      if (!value(item, depth + 1)) return false;
      space();
    } while (eat(','));
    return eat(close);
  }

  bool value(JsonValue& out, int depth) {
    space();
    const std::size_t start = at_;
    const char c = peek();
    if (c == '"') return string(out);
    bool ok;
    if (c == '{' || c == '[') {
      out.kind = JsonKind::Nested;
      ok = nested(depth);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      out.kind = JsonKind::Number;
      ok = number();
    } else {
      out.kind = JsonKind::Literal;
      ok = literal();
    }
    out.text = s_.substr(start, at_ - start);
    return ok;
  }

  std::string_view s_;
  std::size_t at_ = 0;
};

}  // namespace


std::string unescape_json_string(const JsonValue& value) {
  if (!value.escaped) return std::string(value.text);
  std::string out;
  const std::string_view s = value.text;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    switch (c) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        std::uint32_t code = hex4(s.substr(i + 1));
        i += 4;
        const bool high = code >= 0xD800 && code < 0xDC00;
        if (high && s.substr(i + 1, 2) == "\\u") {
          const std::uint32_t low = hex4(s.substr(i + 3));
          if (low >= 0xDC00 && low < 0xE000) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        if (code >= 0xD800 && code < 0xE000) code = 0xFFFD;  // a lone surrogate
        append_utf8(out, static_cast<char32_t>(code));
        break;
      }
      default: out += c;  // " \ /
    }
  }
  return out;
}

std::optional<JsonFields> scan_json_object(std::string_view text) { return JsonScanner::scan(text); }

}  // namespace pyprep
