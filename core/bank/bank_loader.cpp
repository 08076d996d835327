#include "core/bank/bank_loader.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/bank/bank.h"

namespace pyprep {

std::string quote_bank_text(std::string_view s) {
  constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char c : s) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

namespace {

using nlohmann::json;

// The wasm build has no exceptions, so json::parse only says "discarded". A second, SAX pass over
// rejected text yields the byte where parsing stopped; values are ignored.
struct SyntaxErrorFinder {
  std::size_t position = 0;  // characters read, including the offending one
  std::string reason;

  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const json::string_t&) { return true; }
  bool string(json::string_t&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(json::string_t&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }

  bool parse_error(std::size_t pos, const std::string&, const json::exception& error) {
    position = pos;
    // nlohmann's text is "[json.exception...] parse error at line L, column C: <reason>"; its
    // column counts bytes, so keep only the reason and locate the error ourselves.
    std::string_view what = error.what();
    auto column = what.find("column ");
    auto colon = column == std::string_view::npos ? column : what.find(": ", column);
    reason = colon == std::string_view::npos ? what : what.substr(colon + 2);
    return false;
  }
};

struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

// Column in characters, not bytes, so it matches what an editor shows for UTF-8 text.
TextPosition position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  TextPosition at;
  for (std::size_t i = 0; i < offset; ++i) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string file_stem(std::string_view name) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (name.ends_with(".json")) name.remove_suffix(5);
  return std::string(name);
}

// Collects the problems of one file, or of one card in it.
class Reporter {
 public:
  Reporter(std::vector<BankProblem>& out, const std::string& file, std::size_t card_number = 0)
      : out_(out), file_(file), card_number_(card_number) {}

  void name_card(std::string id) { card_id_ = std::move(id); }

  void add(std::string field, std::string message) {
    out_.push_back({file_, card_id_, card_number_, std::move(field), 0, 0, std::move(message)});
    ++count_;
  }

  std::size_t count() const { return count_; }
  const std::string& file() const { return file_; }
  std::size_t card_number() const { return card_number_; }

 private:
  std::vector<BankProblem>& out_;
  const std::string& file_;
  std::size_t card_number_;
  std::string card_id_;
  std::size_t count_ = 0;
};

void report_unknown_fields(const json& object, std::initializer_list<std::string_view> known,
                           const std::string& prefix, Reporter& report) {
  for (const auto& [key, value] : object.items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      report.add(prefix + key, "unknown field");
}

// The required member `key` of `object`, or null after reporting it missing.
const json* member(const json& object, const std::string& key, const std::string& path,
                   Reporter& report) {
  auto it = object.find(key);
  if (it == object.end()) {
    report.add(path, "missing");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> read_text(const json& object, const std::string& key,
                                     const std::string& path, Reporter& report,
                                     bool allow_blank = false) {
  const json* value = member(object, key, path, report);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    report.add(path, std::string("must be a string, not ") + value->type_name());
    return std::nullopt;
  }
  const auto& text = value->get_ref<const std::string&>();
  if (!allow_blank && is_blank(text)) {
    report.add(path, "must not be empty");
    return std::nullopt;
  }
  return text;
}

std::optional<std::vector<std::string>> read_text_list(const json& object, const std::string& key,
                                                       std::size_t min_items,
                                                       std::size_t max_items, Reporter& report) {
  const json* value = member(object, key, key, report);
  if (!value) return std::nullopt;
  if (!value->is_array()) {
    report.add(key, std::string("must be an array of strings, not ") + value->type_name());
    return std::nullopt;
  }
  std::size_t problems_before = report.count();
  std::vector<std::string> items;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    std::string path = key + "[" + std::to_string(i) + "]";
    if (!item.is_string()) {
      report.add(path, std::string("must be a string, not ") + item.type_name());
    } else if (is_blank(item.get_ref<const std::string&>())) {
      report.add(path, "must not be empty");
    } else {
      items.push_back(item.get<std::string>());
    }
  }
  if (value->size() < min_items || value->size() > max_items) {
    std::string expected = max_items == std::numeric_limits<std::size_t>::max()
                               ? "at least " + std::to_string(min_items)
                               : std::to_string(min_items) + " to " + std::to_string(max_items);
    report.add(key, "has " + std::to_string(value->size()) +
                        (value->size() == 1 ? " item" : " items") + " (expected " + expected + ")");
  }
  if (report.count() != problems_before) return std::nullopt;
  return items;
}

// A list of match phrases at `path` (an array of 1 to `max_items` well-formed, distinct phrases;
// `min_items` 0 for `wrong`).
std::optional<std::vector<std::string>> read_phrases(const json& value, const std::string& path,
                                                     std::size_t min_items, std::size_t max_items,
                                                     Reporter& report) {
  if (!value.is_array()) {
    report.add(path, std::string("must be an array of phrases, not ") + value.type_name());
    return std::nullopt;
  }
  std::size_t problems_before = report.count();
  if (value.size() < min_items || value.size() > max_items)
    report.add(path, "has " + std::to_string(value.size()) +
                         (value.size() == 1 ? " phrase" : " phrases") + " (expected " +
                         std::to_string(min_items) + " to " + std::to_string(max_items) + ")");
  std::vector<std::string> phrases;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const json& item = value[i];
    std::string item_path = path + "[" + std::to_string(i) + "]";
    if (!item.is_string()) {
      report.add(item_path, std::string("must be a string, not ") + item.type_name());
      continue;
    }
    const auto& phrase = item.get_ref<const std::string&>();
    if (auto problem = phrase_problem(phrase)) {
      report.add(item_path, quote_bank_text(phrase) + *problem);
    } else if (std::find(phrases.begin(), phrases.end(), phrase) != phrases.end()) {
      report.add(item_path, "repeats " + quote_bank_text(phrase));
    } else {
      phrases.push_back(phrase);
    }
  }
  if (report.count() != problems_before) return std::nullopt;
  return phrases;
}

// One key point: the point's text as a string, or an object {"point", "match", "wrong"} that
// adds the match terms the typed-answer scorer uses (core/practice/answer_score.h).
std::optional<std::pair<std::string, KeyPointMatch>> read_key_point(const json& item,
                                                                    const std::string& path,
                                                                    Reporter& report) {
  if (item.is_string()) {
    const auto& text = item.get_ref<const std::string&>();
    if (is_blank(text)) {
      report.add(path, "must not be empty");
      return std::nullopt;
    }
    return std::pair{text, KeyPointMatch{}};
  }
  if (!item.is_object()) {
    report.add(path, std::string("must be a string or an object {point, match, wrong}, not ") +
                         item.type_name());
    return std::nullopt;
  }
  std::size_t problems_before = report.count();
  auto point = read_text(item, "point", path + ".point", report);
  KeyPointMatch match;
  if (const json* groups = member(item, "match", path + ".match", report)) {
    if (!groups->is_array() || groups->empty() || groups->size() > kMaxMatchGroups) {
      report.add(path + ".match", "must be an array of 1 to " + std::to_string(kMaxMatchGroups) +
                                      " groups (arrays of phrases), not " +
                                      (groups->is_array() ? "an array of " +
                                                                std::to_string(groups->size())
                                                          : std::string(groups->type_name())));
    } else {
      for (std::size_t g = 0; g < groups->size(); ++g)
        if (auto phrases = read_phrases((*groups)[g], path + ".match[" + std::to_string(g) + "]",
                                        1, kMaxGroupPhrases, report))
          match.groups.push_back(std::move(*phrases));
    }
  }
  if (auto wrong = item.find("wrong"); wrong != item.end())
    if (auto phrases = read_phrases(*wrong, path + ".wrong", 0, kMaxWrongPhrases, report))
      match.wrong = std::move(*phrases);
  report_unknown_fields(item, {"point", "match", "wrong"}, path + ".", report);
  if (report.count() != problems_before || !point) return std::nullopt;
  return std::pair{std::move(*point), std::move(match)};
}

// `key_points`: each a string or an object with match terms.
void read_key_points(const json& card_value, Card& card, Reporter& report) {
  const json* value = member(card_value, "key_points", "key_points", report);
  if (!value) return;
  if (!value->is_array()) {
    report.add("key_points", std::string("must be an array of strings or objects, not ") +
                                 value->type_name());
    return;
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    std::string path = "key_points[" + std::to_string(i) + "]";
    if (auto point = read_key_point((*value)[i], path, report)) {
      card.key_points.push_back(std::move(point->first));
      card.key_point_matches.push_back(std::move(point->second));
    }
  }
}

bool is_identifier(std::string_view s) {
  auto letter = [](char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (s.empty() || !letter(s.front())) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return letter(c) || (c >= '0' && c <= '9'); });
}

// `cases`: an array of {name, code} with names unique within the card; not empty when the
// cases run.
std::vector<CodeCase> read_cases(const json& code, bool runnable, Reporter& report) {
  std::vector<CodeCase> cases;
  const json* value = member(code, "cases", "code.cases", report);
  if (!value) return cases;
  if (!value->is_array() || (runnable && value->empty())) {
    report.add("code.cases", "must be a non-empty array of {name, code}");
    return cases;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    std::string path = "code.cases[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      report.add(path, std::string("must be an object, not ") + item.type_name());
      continue;
    }
    auto name = read_text(item, "name", path + ".name", report);
    auto source = read_text(item, "code", path + ".code", report);
    report_unknown_fields(item, {"name", "code"}, path + ".", report);
    if (name && !seen.insert(*name).second) report.add(path + ".name", "repeats " + quote_bank_text(*name));
    if (name && source) cases.push_back({std::move(*name), std::move(*source)});
  }
  return cases;
}

std::optional<ScaleInput> read_scale(const json& code, Reporter& report) {
  auto value = code.find("scale");
  if (value == code.end()) return std::nullopt;
  if (!value->is_object()) {
    report.add("code.scale", std::string("must be an object, not ") + value->type_name());
    return std::nullopt;
  }
  ScaleInput scale;
  if (auto s = read_text(*value, "setup", "code.scale.setup", report, /*allow_blank=*/true)) scale.setup = *s;
  if (auto s = read_text(*value, "run", "code.scale.run", report)) scale.run = *s;
  report_unknown_fields(*value, {"setup", "run"}, "code.scale.", report);
  return scale;
}

std::optional<CodeTask> read_code(const json& value, Reporter& report) {
  if (!value.is_object()) {
    report.add("code", std::string("must be an object, not ") + value.type_name());
    return std::nullopt;
  }
  std::size_t problems_before = report.count();
  CodeTask code;
  auto text = [&](const char* key, std::string& into, bool allow_blank = false) {
    if (auto s = read_text(value, key, std::string("code.") + key, report, allow_blank))
      into = std::move(*s);
  };
  text("solution", code.solution);
  text("complexity", code.complexity);
  text("alternatives", code.alternatives);
  if (const json* runnable = member(value, "runnable", "code.runnable", report)) {
    if (runnable->is_boolean())
      code.runnable = runnable->get<bool>();
    else
      report.add("code.runnable", std::string("must be true or false, not ") +
                                      runnable->type_name());
  }
  text("task", code.task);
  text("starter", code.starter);
  if (auto names = value.find("names"); names == value.end()) {
    report.add("code.names", "missing");
  } else if (!names->is_array() || names->empty()) {
    report.add("code.names", "must be a non-empty array of Python names");
  } else {
    for (const json& name : *names) {
      if (name.is_string() && is_identifier(name.get_ref<const std::string&>()))
        code.names.push_back(name.get<std::string>());
      else
        report.add("code.names", "has " + name.dump() + ", which is not a Python name");
    }
  }
  code.cases = read_cases(value, code.runnable, report);
  code.scale = read_scale(value, report);
  if (!code.runnable) {
    text("why_not_runnable", code.why_not_runnable);
  } else if (auto why = value.find("why_not_runnable"); why != value.end()) {
    if (!why->is_string() || !is_blank(why->get_ref<const std::string&>()))
      report.add("code.why_not_runnable", "given, but runnable is true");
  }
  if (value.contains("not_on_phone")) text("not_on_phone", code.not_on_phone);
  report_unknown_fields(value,
                        {"task", "names", "starter", "solution", "cases", "scale",
                         "complexity", "alternatives", "runnable", "why_not_runnable",
                         "not_on_phone"},
                        "code.", report);
  if (report.count() != problems_before) return std::nullopt;
  return code;
}

// Where an id was first seen, to point a duplicate at it.
struct IdUse {
  std::string file;
  std::size_t card_number;
};

class Loader {
 public:
  void load_file(const BankFile& file);
  LoadedBank finish();

 private:
  std::optional<Card> read_card(const json& value, const std::string& topic, Reporter& report);

  LoadedBank loaded_;
  std::unordered_map<std::string, IdUse> id_uses_;
  std::unordered_map<std::string, std::string> topic_files_;  // topic id -> file declaring it
};

void Loader::load_file(const BankFile& file) {
  Reporter report(loaded_.problems, file.name);

  json root = json::parse(file.text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    SyntaxErrorFinder finder;
    json::sax_parse(file.text, &finder, json::input_format_t::json, /*strict=*/true);
    TextPosition at = position_of(file.text, finder.position == 0 ? 0 : finder.position - 1);
    loaded_.problems.push_back(
        {file.name, "", 0, "", at.line, at.column, "invalid JSON: " + finder.reason});
    return;
  }
  if (!root.is_object()) {
    report.add("", std::string("must be a JSON object, not ") + root.type_name());
    return;
  }

  auto topic = read_text(root, "topic", "topic", report);
  if (!topic) return;
  auto known = known_topics();
  auto topic_info = std::find_if(known.begin(), known.end(),
                                 [&](const Topic& t) { return t.id == *topic; });
  if (topic_info == known.end()) {
    std::string expected;
    for (const Topic& t : known) expected += (expected.empty() ? "" : ", ") + t.id;
    report.add("topic",
               "unknown topic " + quote_bank_text(*topic) + " (expected one of " + expected + ")");
    return;
  }
  // Problems below concern the file, not its cards: the cards still load.
  if (std::string stem = file_stem(file.name); stem != *topic)
    report.add("topic", quote_bank_text(*topic) + " does not match the file name (expected " +
                            quote_bank_text(*topic + ".json") + ")");
  if (auto [it, first] = topic_files_.emplace(*topic, file.name); !first)
    report.add("topic", quote_bank_text(*topic) + " is already declared by " + it->second);
  if (auto title = read_text(root, "title", "title", report); title && *title != topic_info->title)
    report.add("title", quote_bank_text(*title) + " differs from the topic's title " +
                            quote_bank_text(topic_info->title));
  report_unknown_fields(root, {"topic", "title", "cards"}, "", report);

  const json* cards = member(root, "cards", "cards", report);
  if (!cards) return;
  if (!cards->is_array()) {
    report.add("cards", std::string("must be an array, not ") + cards->type_name());
    return;
  }
  for (std::size_t i = 0; i < cards->size(); ++i) {
    Reporter card_report(loaded_.problems, file.name, i + 1);
    if (auto card = read_card((*cards)[i], *topic, card_report))
      loaded_.bank.cards.push_back(std::move(*card));
  }
}

std::optional<Card> Loader::read_card(const json& value, const std::string& topic,
                                      Reporter& report) {
  if (!value.is_object()) {
    report.add("", std::string("must be an object, not ") + value.type_name());
    return std::nullopt;
  }
  Card card;
  card.topic = topic;

  if (auto id = read_text(value, "id", "id", report)) {
    report.name_card(*id);
    auto [first_use, is_new] =
        id_uses_.try_emplace(*id, IdUse{report.file(), report.card_number()});
    if (!is_new)
      report.add("id", "duplicate id, also used by card #" +
                           std::to_string(first_use->second.card_number) + " of " +
                           first_use->second.file);
    card.id = std::move(*id);
  }
  if (auto level = read_text(value, "level", "level", report)) {
    if (auto parsed = parse_level(*level))
      card.level = *parsed;
    else
      report.add("level", "unknown level " + quote_bank_text(*level) +
                              " (expected beginner, junior, mid or senior)");
  }
  std::optional<Kind> kind;
  if (auto name = read_text(value, "kind", "kind", report)) {
    kind = parse_kind(*name);
    if (kind)
      card.kind = *kind;
    else
      report.add("kind", "unknown kind " + quote_bank_text(*name) + " (expected concept or code)");
  }
  if (auto prompt = read_text(value, "prompt", "prompt", report)) card.prompt = std::move(*prompt);
  if (value.contains("short_answer"))
    if (auto short_answer = read_text(value, "short_answer", "short_answer", report))
      card.short_answer = std::move(*short_answer);
  if (auto answer = read_text(value, "answer", "answer", report)) card.answer = std::move(*answer);
  read_key_points(value, card, report);

  auto code = value.find("code");
  if (kind == Kind::Code && code == value.end()) {
    report.add("code", "missing (required when kind is \"code\")");
  } else if (kind == Kind::Concept && code != value.end()) {
    report.add("code", "unexpected (only cards of kind \"code\" have one)");
  } else if (kind == Kind::Code) {
    card.code = read_code(*code, report);
  }

  if (auto sources =
          read_text_list(value, "sources", 0, std::numeric_limits<std::size_t>::max(), report))
    card.sources = std::move(*sources);
  if (auto tags = read_text_list(value, "tags", 0, std::numeric_limits<std::size_t>::max(), report))
    card.tags = std::move(*tags);

  report_unknown_fields(value,
                        {"id", "level", "kind", "prompt", "short_answer", "answer", "key_points",
                         "code", "sources", "tags"},
                        "", report);
  if (report.count() != 0) return std::nullopt;
  return card;
}

LoadedBank Loader::finish() {
  for (const Topic& topic : known_topics())
    if (topic_files_.count(topic.id)) loaded_.bank.topics.push_back(topic);
  return std::move(loaded_);
}

}  // namespace

std::string BankProblem::text() const {
  std::string out = file;
  if (line != 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!card_id.empty())
    out += "card " + quote_bank_text(card_id) + ": ";
  else if (card_number != 0)
    out += "card #" + std::to_string(card_number) + ": ";
  if (!field.empty()) out += "field " + quote_bank_text(field) + ": ";
  return out + message;
}

LoadedBank load_bank(const std::vector<BankFile>& files) {
  Loader loader;
  for (const BankFile& file : files) loader.load_file(file);
  return loader.finish();
}

}  // namespace pyprep
