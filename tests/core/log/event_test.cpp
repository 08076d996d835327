#include "core/log/event.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pyprep;

namespace {

std::vector<Event> one_of_each() {
  fsrs::Parameters w = fsrs::kDefaultParameters;
  w[0] = 0.25;
  return {
      {1, 1711684180217, Review{"py-list-001", 3, 8200}},
      {2, 1711684180300, Undo{1}},
      {3, 1711684180400, SetSuspended{"py-list-001", true}},
      {4, 1711684180500, SetSuspended{"py-list-001", false}},
      {5, 1711684180600, Bury{"py-dict-002", 1711771200000}},
      {6, 1711684180700, ResetCard{"py-dict-002"}},
      {7, 1711684180800, ChangeSettings{{.new_per_day = 5, .topics = std::vector<std::string>{"basics"}}}},
      {8, 1711684180900, SetBookmarked{"py-gen-003", true}},
      {9, 1711684181000, SetBookmarked{"py-gen-003", false}},
      {10, 1711684181100, Note{"py-gen-003", "yield \"pauses\"\n\tnaïve 🐍 \\ end"}},
      {11, 1711684181200, ResetAllProgress{}},
      {12, 1711684181300, SetParameters{w, "test", FitFigures{5329, 12, 0.5123, 0.4587}}},
      {13, 1711684181400, Review{"py-gil-004", 2, 61000, "one thread at a time\n\"bytecode\" – naïve"}},
  };
}

std::string reason(std::string_view record) { return parse_record(record).error().reason; }

}  // namespace

TEST_CASE("every event type round-trips through its record") {
  for (const Event& event : one_of_each()) {
    const std::string record = to_record(event);
    CAPTURE(record);
    const Result<Event> parsed = parse_record(record);
    REQUIRE(parsed.ok());
    CHECK(*parsed == event);
    CHECK(record.find('\n') == std::string::npos);  // one record per line in a file back end
  }
}

TEST_CASE("records use the stable compact field names") {
  const std::vector<Event> events = one_of_each();
  CHECK(to_record(events[0]) ==
        R"({"id":1,"at_ms":1711684180217,"type":"review","card":"py-list-001","rating":3,"duration_ms":8200})");
  CHECK(to_record(events[1]) == R"({"id":2,"at_ms":1711684180300,"type":"undo","target":1})");
  CHECK(to_record(events[2]) == R"({"id":3,"at_ms":1711684180400,"type":"suspend","card":"py-list-001"})");
  CHECK(to_record(events[3]) == R"({"id":4,"at_ms":1711684180500,"type":"unsuspend","card":"py-list-001"})");
  CHECK(to_record(events[4]) ==
        R"({"id":5,"at_ms":1711684180600,"type":"bury","card":"py-dict-002","until_ms":1711771200000})");
  CHECK(to_record(events[5]) == R"({"id":6,"at_ms":1711684180700,"type":"reset_card","card":"py-dict-002"})");
  CHECK(to_record(events[6]) ==
        R"({"id":7,"at_ms":1711684180800,"type":"settings","changes":{"new_per_day":5,"topics":["basics"]}})");
  CHECK(to_record(events[7]) == R"({"id":8,"at_ms":1711684180900,"type":"bookmark","card":"py-gen-003"})");
  CHECK(to_record(events[8]) == R"({"id":9,"at_ms":1711684181000,"type":"unbookmark","card":"py-gen-003"})");
  CHECK(to_record(events[10]) == R"({"id":11,"at_ms":1711684181200,"type":"reset_all"})");
  CHECK(to_record(events[12]) ==
        R"({"id":13,"at_ms":1711684181400,"type":"review","card":"py-gil-004","rating":2,"duration_ms":61000,)"
        R"("answer":"one thread at a time\n\"bytecode\" – naïve"})");
  const std::string parameters = to_record(events[11]);
  CHECK(parameters.rfind(R"({"id":12,"at_ms":1711684181300,"type":"parameters","w":[0.25,1.2931,)", 0) == 0);
  CHECK(parameters.find(R"(,0.1542],"meta":{"log_loss_after":0.4587,"log_loss_before":0.5123,"scored_reviews":5329,"source":"test","steps":12}})") != std::string::npos);
}

TEST_CASE("unknown fields and whitespace are ignored") {
  const Result<Event> e = parse_record(
      R"( { "device" : "phone", "id":3, "at_ms":5, "type":"review", "card":"c", "rating":2,
            "duration_ms":10, "extra":{"nested":[1,2,{"a":null}]}, "flag":true } )");
  REQUIRE(e.ok());
  CHECK(*e == Event{3, 5, Review{"c", 2, 10}});
}

TEST_CASE("string escapes are decoded, including \\u escapes and surrogate pairs") {
  const Result<Event> e = parse_record(
      R"({"id":1,"at_ms":0,"type":"note","card":"c","text":"a\"b\\c\/d\b\f\n\r\t \u00e9 \ud83d\udc0d \ud800"})");
  REQUIRE(e.ok());
  CHECK(std::get<Note>(e->body).text == "a\"b\\c/d\b\f\n\r\t é 🐍 \xEF\xBF\xBD");
}

TEST_CASE("an out-of-range rating is kept for replay to report") {
  const Result<Event> e =
      parse_record(R"({"id":1,"at_ms":0,"type":"review","card":"c","rating":7,"duration_ms":0})");
  REQUIRE(e.ok());
  CHECK(std::get<Review>(e->body).rating == 7);
}

TEST_CASE("malformed records are rejected with a reason") {
  CHECK(reason("") == "not a JSON object");
  CHECK(reason("[1,2]") == "not a JSON object");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"reset_all"} x)") == "not a JSON object");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"reset_all")") == "not a JSON object");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"reset_all",})") == "not a JSON object");
  CHECK(reason(R"({"id":01,"at_ms":0,"type":"reset_all"})") == "not a JSON object");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"note","card":"c","text":"bad \x escape"})") ==
        "not a JSON object");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"note","card":"c","text":"raw)" "\n" R"(newline"})") ==
        "not a JSON object");
  CHECK(reason(R"({"at_ms":0,"type":"reset_all"})") == "missing field 'id'");
  CHECK(reason(R"({"id":-1,"at_ms":0,"type":"reset_all"})") == "field 'id' must be a whole number >= 0");
  CHECK(reason(R"({"id":1,"at_ms":"now","type":"reset_all"})") == "field 'at_ms' must be a whole number");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"review","card":"c","rating":3.5,"duration_ms":0})") ==
        "field 'rating' must be a whole number");
  CHECK(reason(R"({"id":1,"at_ms":99999999999999999999,"type":"reset_all"})") ==
        "field 'at_ms' is out of range");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"review","card":7,"rating":3,"duration_ms":0})") ==
        "field 'card' must be a string");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"review","card":"c","duration_ms":0})") ==
        "missing field 'rating'");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"teleport"})") == "unknown event type 'teleport'");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"settings","changes":[1]})") ==
        "field 'changes' must be an object");
  CHECK(reason(R"({"id":1,"at_ms":0,"type":"parameters","w":[1,2],"meta":{}})") ==
        "field 'w' must be an array of 21 numbers");
}

TEST_CASE("deeply nested values are rejected instead of exhausting the stack") {
  const std::string deep = R"({"id":1,"at_ms":0,"type":"reset_all","x":)" + std::string(100000, '[') +
                           std::string(100000, ']') + "}";
  CHECK(reason(deep) == "not a JSON object");
}

TEST_CASE("the id of a rejected record is still found when it has one") {
  CHECK(record_id(R"({"id":41,"at_ms":0,"type":"teleport"})") == 41u);
  CHECK_FALSE(record_id(R"({"id":41,"at_ms":0,)").has_value());
  CHECK_FALSE(record_id(R"({"at_ms":0})").has_value());
}

TEST_CASE("card_of names the card of card events and nothing for collection-wide ones") {
  const std::vector<Event> events = one_of_each();
  CHECK(*card_of(events[0].body) == "py-list-001");
  CHECK(*card_of(events[9].body) == "py-gen-003");
  CHECK(card_of(events[1].body) == nullptr);
  CHECK(card_of(events[6].body) == nullptr);
  CHECK(card_of(events[10].body) == nullptr);
}

TEST_CASE("a record with invalid UTF-8 is unreadable (kept as it is), valid UTF-8 round-trips") {
  const auto reason = [](std::string_view record) { return parse_record(record).error().reason; };
  CHECK(reason("{\"id\":1,\"at_ms\":0,\"type\":\"note\",\"card\":\"c\",\"text\":\"\xff\"}") == "not a JSON object");
  CHECK(reason("{\"id\":1,\"at_ms\":0,\"type\":\"note\",\"card\":\"\xc3\",\"text\":\"\"}") == "not a JSON object");
  CHECK(reason("{\"id\":1,\"at_ms\":0,\"type\":\"note\",\"card\":\"c\",\"text\":\"\xc0\xaf\"}") == "not a JSON object");  // overlong
  CHECK(reason("{\"id\":1,\"at_ms\":0,\"type\":\"note\",\"card\":\"c\",\"text\":\"\xed\xa0\x80\"}") == "not a JSON object");  // surrogate
  CHECK(reason("{\"id\":1,\"at_ms\":0,\"type\":\"note\",\"card\":\"c\",\"text\":\"\xf4\x90\x80\x80\"}") == "not a JSON object");  // > U+10FFFF
  const std::string valid = "{\"id\":1,\"at_ms\":0,\"type\":\"note\",\"card\":\"c\",\"text\":\"caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x90\x8d\"}";
  Result<Event> event = parse_record(valid);
  REQUIRE(event.ok());
  CHECK(std::get<Note>(event->body).text == "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x90\x8d");
  CHECK(to_record(*event) == valid);
}

TEST_CASE("a review's typed answer is optional, and one that is not a string makes the record unreadable") {
  const Result<Event> without = parse_record(R"({"id":1,"at_ms":5,"type":"review","card":"c","rating":3,"duration_ms":9})");
  REQUIRE(without.ok());
  CHECK(std::get<Review>(without->body).typed_answer.empty());
  CHECK_FALSE(parse_record(R"({"id":1,"at_ms":5,"type":"review","card":"c","rating":3,"duration_ms":9,"answer":7})").ok());
}

TEST_CASE("a raw control character in a string makes the record unreadable; a space does not") {
  CHECK(reason("{\"id\":1,\"at_ms\":0,\"type\":\"note\",\"card\":\"c\",\"text\":\"a\x1f b\"}") == "not a JSON object");
  CHECK(reason("{\"id\":1,\"at_ms\":0,\"type\":\"note\",\"card\":\"c\",\"text\":\"a\x01 b\"}") == "not a JSON object");
  const Result<Event> spaced = parse_record("{\"id\":1,\"at_ms\":0,\"type\":\"note\",\"card\":\"c\",\"text\":\"a  b\"}");
  REQUIRE(spaced.ok());
  CHECK(std::get<Note>(spaced->body).text == "a  b");
}
