#pragma once
// Log records are read with a small scanner instead of nlohmann's DOM parser: loading a long log is
// dominated by parsing, and building a DOM per record made a 100,000-event load take ~0.8 s in
// wasm. The scanner validates the whole record as JSON but only decodes the fields it is asked
// for; nested values (settings changes, parameters) are still parsed by nlohmann.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pyprep {

enum class JsonKind : std::uint8_t { String, Number, Literal, Nested };
struct JsonValue {
  JsonKind kind = JsonKind::Literal;
  std::string_view text;  // a string's body without quotes, else the value's JSON text
  bool escaped = false;   // a string body containing backslash escapes
};
using JsonFields = std::vector<std::pair<std::string_view, JsonValue>>;

// The top-level object's fields, or nullopt when the text is not exactly one JSON object.
std::optional<JsonFields> scan_json_object(std::string_view text);
// A string value's text with its escapes decoded (a lone surrogate becomes U+FFFD).
std::string unescape_json_string(const JsonValue& value);

}  // namespace pyprep
