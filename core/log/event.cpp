#include "core/log/event.h"

#include <charconv>
#include <climits>
#include <optional>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/log/json_scanner.h"

namespace pyprep {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
// clang 14 (em++ 3.1.6) lacks C++20's implicit deduction for aggregates.
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// A settings change as the log holds it: only the settings it changes, by their stable names.
json settings_json(const SettingsChange& c) {
  json out = json::object();
  const auto put = [&](const char* key, const auto& value) {
    if (value) out[key] = *value;
  };
  put("desired_retention", c.desired_retention);
  put("max_interval_days", c.max_interval_days);
  put("learning_steps_min", c.learning_steps_min);
  put("relearning_steps_min", c.relearning_steps_min);
  put("fuzz", c.fuzz);
  put("new_per_day", c.new_per_day);
  put("reviews_per_day", c.reviews_per_day);
  put("day_start_hour", c.day_start_hour);
  put("topics", c.topics);
  if (c.levels) {
    json names = json::array();
    for (Level level : *c.levels) names.push_back(level_name(level));
    out["levels"] = names;
  }
  if (c.new_order) out["new_order"] = new_order_name(*c.new_order);
  put("shuffle_seed", c.shuffle_seed);
  put("leech_lapses", c.leech_lapses);
  put("suspend_leeches", c.suspend_leeches);
  if (c.theme) out["theme"] = theme_name(*c.theme);
  put("text_scale", c.text_scale);
  return out;
}

// Reads one setting's value by its type; whether it is within limits is the settings' to say.
// Unknown keys are skipped so logs from newer versions still replay.
Status read_setting(SettingsChange& c, const std::string& key, const json& v) {
  const auto number = [&](std::optional<double>& field) -> Status {
    if (!v.is_number()) return refused_setting(key);
    field = v.get<double>();
    return ok_status();
  };
  const auto whole = [&](std::optional<std::int64_t>& field) -> Status {
    if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX)) {
      return refused_setting(key);
    }
    field = v.get<std::int64_t>();
    return ok_status();
  };
  const auto boolean = [&](std::optional<bool>& field) -> Status {
    if (!v.is_boolean()) return refused_setting(key);
    field = v.get<bool>();
    return ok_status();
  };
  const auto minutes = [&](std::optional<std::vector<double>>& field) -> Status {
    if (!v.is_array()) return refused_setting(key);
    field.emplace();
    for (const json& item : v) {
      if (!item.is_number()) return refused_setting(key);
      field->push_back(item.get<double>());
    }
    return ok_status();
  };
  const auto names = [&]() -> std::optional<std::vector<std::string>> {
    if (!v.is_array()) return std::nullopt;
    std::vector<std::string> out;
    for (const json& item : v) {
      if (!item.is_string()) return std::nullopt;
      out.push_back(item.get<std::string>());
    }
    return out;
  };
  const auto named = [&](auto& field, auto parse) -> Status {
    if (!v.is_string() || !(field = parse(v.get<std::string>()))) return refused_setting(key);
    return ok_status();
  };
  if (key == "desired_retention") return number(c.desired_retention);
  if (key == "max_interval_days") return whole(c.max_interval_days);
  if (key == "learning_steps_min") return minutes(c.learning_steps_min);
  if (key == "relearning_steps_min") return minutes(c.relearning_steps_min);
  if (key == "fuzz") return boolean(c.fuzz);
  if (key == "new_per_day") return whole(c.new_per_day);
  if (key == "reviews_per_day") return whole(c.reviews_per_day);
  if (key == "day_start_hour") return whole(c.day_start_hour);
  if (key == "leech_lapses") return whole(c.leech_lapses);
  if (key == "suspend_leeches") return boolean(c.suspend_leeches);
  if (key == "text_scale") return number(c.text_scale);
  if (key == "new_order") return named(c.new_order, parse_new_order);
  if (key == "theme") return named(c.theme, parse_theme);
  if (key == "topics") {
    if (!(c.topics = names())) return refused_setting(key);
  } else if (key == "levels") {
    std::optional<std::vector<std::string>> level_names = names();
    if (!level_names) return refused_setting(key);
    c.levels.emplace();
    for (const std::string& name : *level_names) {
      const std::optional<Level> level = parse_level(name);
      if (!level) return refused_setting(key);
      c.levels->push_back(*level);
    }
  } else if (key == "shuffle_seed") {
    // A JSON value built in C++ from an int is signed even when it is >= 0.
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0)) {
      return refused_setting(key);
    }
    c.shuffle_seed = v.get<std::uint64_t>();
  }
  return ok_status();
}

json parameters_meta(const SetParameters& e) {
  json meta = json::object();
  if (!e.source.empty()) meta["source"] = e.source;
  if (e.fit) {
    meta["scored_reviews"] = e.fit->scored_reviews;
    meta["steps"] = e.fit->steps;
    meta["log_loss_before"] = e.fit->log_loss_before;
    meta["log_loss_after"] = e.fit->log_loss_after;
  }
  return meta;
}

// The meta object is for people reading the log: what it holds is taken when it has the right type.
void read_parameters_meta(SetParameters& e, const json& meta) {
  if (meta.contains("source") && meta["source"].is_string()) e.source = meta["source"].get<std::string>();
  const auto count = [&](const char* key, std::uint64_t& field) {
    if (!meta.contains(key) || !meta[key].is_number_unsigned()) return false;
    field = meta[key].get<std::uint64_t>();
    return true;
  };
  const auto loss = [&](const char* key, double& field) {
    if (!meta.contains(key) || !meta[key].is_number()) return false;
    field = meta[key].get<double>();
    return true;
  };
  FitFigures fit;
  const bool counted = count("scored_reviews", fit.scored_reviews) && count("steps", fit.steps);
  if (counted && loss("log_loss_before", fit.log_loss_before) && loss("log_loss_after", fit.log_loss_after)) {
    e.fit = fit;
  }
}

// Record fields by event type; ordered_json keeps id, at_ms and type first for people reading a
// log.
void write_body(ordered_json& out, const EventBody& body) {
  std::visit(
      Overloaded{
          [&](const Review& e) {
            out["type"] = "review";
            out["card"] = e.card_id;
            out["rating"] = e.rating;
            out["duration_ms"] = e.duration_ms;
            if (!e.typed_answer.empty()) out["answer"] = e.typed_answer;
          },
          [&](const Undo& e) {
            out["type"] = "undo";
            out["target"] = e.target_id;
            if (!e.target_writer.empty()) out["target_by"] = e.target_writer;
          },
          [&](const SetSuspended& e) {
            out["type"] = e.suspended ? "suspend" : "unsuspend";
            out["card"] = e.card_id;
          },
          [&](const Bury& e) {
            out["type"] = "bury";
            out["card"] = e.card_id;
            out["until_ms"] = e.until_ms;
          },
          [&](const ResetCard& e) {
            out["type"] = "reset_card";
            out["card"] = e.card_id;
          },
          [&](const ChangeSettings& e) {
            out["type"] = "settings";
            out["changes"] = settings_json(e.changes);
          },
          [&](const SetBookmarked& e) {
            out["type"] = e.bookmarked ? "bookmark" : "unbookmark";
            out["card"] = e.card_id;
          },
          [&](const Note& e) {
            out["type"] = "note";
            out["card"] = e.card_id;
            out["text"] = e.text;
          },
          [&](const ResetAllProgress&) { out["type"] = "reset_all"; },
          [&](const SetParameters& e) {
            out["type"] = "parameters";
            out["w"] = e.weights;
            out["meta"] = parameters_meta(e);
          },
          [&](const BackupMade& e) {
            out["type"] = "backup";
            out["records"] = e.records;
          },
          [&](const Draft& e) {
            out["type"] = "draft";
            out["card"] = e.card_id;
            out["code"] = e.code;
          },
          [&](const ResetDraft& e) {
            out["type"] = "reset_draft";
            out["card"] = e.card_id;
          },
          [&](const CodeRun& e) {
            out["type"] = "code_run";
            out["card"] = e.card_id;
            out["status"] = e.status;
            out["passed"] = e.passed;
            out["total"] = e.total;
            out["duration_ms"] = e.duration_ms;
          },
          [&](const MockStart& e) {
            out["type"] = "mock_start";
            out["plan"] = e.plan;
            out["cards"] = e.card_ids;
            out["limits_s"] = e.limits_s;
          },
          [&](const MockAnswer& e) {
            out["type"] = "mock_answer";
            out["mock"] = e.mock;
            out["card"] = e.card_id;
            out["how"] = e.how;
            out["seconds"] = e.seconds;
            if (e.how == "typed") out["answer"] = e.answer;
            if (e.how == "aloud") out["self"] = e.self;
            if (e.how == "code") {
              out["status"] = e.status;
              out["passed"] = e.passed;
              out["total"] = e.total;
            }
          },
          [&](const MockEnd& e) {
            out["type"] = "mock_end";
            out["mock"] = e.mock;
          },
      },
      body);
}

// Reads the fields of one record; the first problem found becomes the error.
class Fields {
 public:
  explicit Fields(JsonFields fields) : fields_(std::move(fields)) {}

  const std::optional<Error>& error() const { return error_; }

  std::string text(const char* key) {
    const JsonValue* v = find(key, JsonKind::String, "a string");
    return v ? unescape_json_string(*v) : std::string();
  }
  // Empty when the field is absent.
  std::string optional_text(const char* key) {
    for (const auto& field : fields_) {
      if (field.first == key) return text(key);
    }
    return {};
  }
  std::int64_t integer(const char* key) { return whole<std::int64_t>(key, "a whole number"); }
  std::vector<std::string> texts(const char* key) {
    return array_of<std::string>(key, &json::is_string, "strings");
  }
  std::vector<std::int64_t> integers(const char* key) {
    return array_of<std::int64_t>(key, &json::is_number_integer, "whole numbers");
  }
  std::uint64_t unsigned_integer(const char* key) {
    return whole<std::uint64_t>(key, "a whole number >= 0");
  }
  json object(const char* key) {
    const json value = nested(key);
    if (value.is_object()) return value;
    fail(std::string("field '") + key + "' must be an object");
    return json::object();
  }
  fsrs::Parameters parameters(const char* key) {
    fsrs::Parameters w{};
    const json value = nested(key);
    if (!value.is_array() || value.size() != w.size()) {
      fail(std::string("field '") + key + "' must be an array of 21 numbers");
      return w;
    }
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (!value[i].is_number()) {
        fail(std::string("field '") + key + "' must hold only numbers");
        return w;
      }
      w[i] = value[i].get<double>();
    }
    return w;
  }

 private:
  const JsonValue* find(const char* key, JsonKind kind, const char* expected) {
    const JsonValue* found = nullptr;
    const std::string_view wanted(key);
    for (const auto& [name, value] : fields_) {
      if (name == wanted) found = &value;  // the last of repeated keys wins, as in nlohmann
    }
    if (!found) {
      fail(std::string("missing field '") + key + "'");
    } else if (found->kind != kind) {
      fail(std::string("field '") + key + "' must be " + expected);
      found = nullptr;
    }
    return found;
  }

  template <class Integer>
  Integer whole(const char* key, const char* expected) {
    const JsonValue* v = find(key, JsonKind::Number, expected);
    if (!v) return 0;
    Integer n = 0;
    const char* end = v->text.data() + v->text.size();
    const auto [ptr, ec] = std::from_chars(v->text.data(), end, n);
    if (ec == std::errc::result_out_of_range) {
      fail(std::string("field '") + key + "' is out of range");
    } else if (ec != std::errc() || ptr != end) {
      fail(std::string("field '") + key + "' must be " + expected);
    }
    return n;
  }

  // An array whose every item passes `is_item` (a json member test), read as T.
  template <class T>
  std::vector<T> array_of(const char* key, bool (json::*is_item)() const noexcept, const char* items) {
    const json value = nested(key);
    if (!value.is_array()) {
      fail(std::string("field '") + key + "' must be an array of " + items);
      return {};
    }
    std::vector<T> out;
    for (const json& item : value) {
      if (!(item.*is_item)()) {
        fail(std::string("field '") + key + "' must hold only " + items);
        return {};
      }
      out.push_back(item.get<T>());
    }
    return out;
  }

  json nested(const char* key) {
    const JsonValue* v = find(key, JsonKind::Nested, "an object or array");
    return v ? json::parse(v->text, nullptr, false) : json();
  }

  void fail(std::string reason) {
    if (!error_) error_ = Error{std::move(reason)};
  }
  JsonFields fields_;
  std::optional<Error> error_;
};

Result<EventBody> read_body(const std::string& type, Fields& f) {
  if (type == "review") {
    Review e;
    e.card_id = f.text("card");
    const std::int64_t rating = f.integer("rating");
    // Out-of-range ratings are a replay problem, not a format one; keep them recognisable.
    e.rating = rating >= INT32_MIN && rating <= INT32_MAX ? static_cast<int>(rating) : 0;
    e.duration_ms = f.integer("duration_ms");
    e.typed_answer = f.optional_text("answer");
    return EventBody(std::move(e));
  }
  if (type == "undo") {
    const std::uint64_t target = f.unsigned_integer("target");
    return EventBody(Undo{target, f.optional_text("target_by")});
  }
  if (type == "suspend" || type == "unsuspend") {
    return EventBody(SetSuspended{f.text("card"), type == "suspend"});
  }
  if (type == "bury") {
    std::string card = f.text("card");
    return EventBody(Bury{std::move(card), f.integer("until_ms")});
  }
  if (type == "reset_card") return EventBody(ResetCard{f.text("card")});
  if (type == "settings") {
    ChangeSettings e;
    const json changes = f.object("changes");
    for (const auto& [key, value] : changes.items()) {
      if (Status read = read_setting(e.changes, key, value); !read) return read.error();
    }
    return EventBody(std::move(e));
  }
  if (type == "bookmark" || type == "unbookmark") {
    return EventBody(SetBookmarked{f.text("card"), type == "bookmark"});
  }
  if (type == "note") {
    std::string card = f.text("card");
    return EventBody(Note{std::move(card), f.text("text")});
  }
  if (type == "reset_all") return EventBody(ResetAllProgress{});
  if (type == "parameters") {
    SetParameters e;
    e.weights = f.parameters("w");
    read_parameters_meta(e, f.object("meta"));
    return EventBody(std::move(e));
  }
  if (type == "backup") return EventBody(BackupMade{f.unsigned_integer("records")});
  if (type == "draft") {
    std::string card = f.text("card");
    return EventBody(Draft{std::move(card), f.text("code")});
  }
  if (type == "reset_draft") return EventBody(ResetDraft{f.text("card")});
  if (type == "code_run") {
    CodeRun e{f.text("card"), f.text("status")};
    e.passed = f.integer("passed");
    e.total = f.integer("total");
    e.duration_ms = f.integer("duration_ms");
    return EventBody(std::move(e));
  }
  if (type == "mock_start") {
    MockStart e;
    e.plan = f.text("plan");
    e.card_ids = f.texts("cards");
    e.limits_s = f.integers("limits_s");
    return EventBody(std::move(e));
  }
  if (type == "mock_answer") {
    MockAnswer e;
    e.mock = f.text("mock");
    e.card_id = f.text("card");
    e.how = f.text("how");
    e.seconds = f.integer("seconds");
    if (e.how == "typed") e.answer = f.text("answer");
    if (e.how == "aloud") e.self = f.integer("self");
    if (e.how == "code") {
      e.status = f.text("status");
      e.passed = f.integer("passed");
      e.total = f.integer("total");
    }
    return EventBody(std::move(e));
  }
  if (type == "mock_end") return EventBody(MockEnd{f.text("mock")});
  return Error{"unknown event type '" + type + "'"};
}

}  // namespace

const std::string* card_of(const EventBody& body) {
  return std::visit(
      [](const auto& e) -> const std::string* {
        if constexpr (requires { e.card_id; }) {
          return &e.card_id;
        } else {
          return nullptr;
        }
      },
      body);
}

std::string to_record(const Event& event) {
  ordered_json out;
  out["id"] = event.id;
  if (!event.writer.empty()) out["by"] = event.writer;
  out["at_ms"] = event.at_ms;
  write_body(out, event.body);
  // Replacing invalid UTF-8 (from a pasted note) keeps dump() from failing.
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Event> parse_record(std::string_view record) {
  std::optional<JsonFields> scanned = scan_json_object(record);
  if (!scanned) return Error{"not a JSON object"};
  Fields fields(std::move(*scanned));
  Event event;
  event.id = fields.unsigned_integer("id");
  event.writer = fields.optional_text("by");
  event.at_ms = fields.integer("at_ms");
  const std::string type = fields.text("type");
  if (fields.error()) return *fields.error();
  Result<EventBody> body = read_body(type, fields);
  if (!body) return body.error();
  if (fields.error()) return *fields.error();
  event.body = std::move(*body);
  return event;
}

std::string event_key(std::uint64_t id, std::string_view writer) {
  std::string key(writer);
  if (!key.empty()) key += ':';
  return key + std::to_string(id);
}

std::optional<std::uint64_t> record_id(std::string_view record) {
  std::optional<JsonFields> scanned = scan_json_object(record);
  if (!scanned) return std::nullopt;
  Fields fields(std::move(*scanned));
  const std::uint64_t id = fields.unsigned_integer("id");
  if (fields.error()) return std::nullopt;
  return id;
}

}  // namespace pyprep
