#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bank/bank.h"
#include "core/bank/bank_loader.h"

using namespace pyprep;
using nlohmann::json;

namespace {

// Two valid cards, one of each kind.
const char* const kBasics = R"({
  "topic": "basics",
  "title": "Python basics",
  "cards": [
    {
      "id": "mutable-default-argument",
      "level": "junior",
      "kind": "concept",
      "prompt": "Why is a list a dangerous default argument?",
      "answer": "Defaults are evaluated **once**, when `def` runs.",
      "key_points": ["evaluated once", "shared between calls", "use None as the sentinel"],
      "sources": ["003:60", "002:20"],
      "tags": ["functions", "gotcha"]
    },
    {
      "id": "reverse-words",
      "level": "beginner",
      "kind": "code",
      "prompt": "Reverse the order of words in a sentence.",
      "answer": "Split, reverse, join:\n\n```python\n' '.join(reversed(s.split()))\n```",
      "key_points": ["split on whitespace", "reversed or [::-1]", "join with a space"],
      "code": {
        "task": "Write `reverse_words(s)`.",
        "names": ["reverse_words"],
        "starter": "def reverse_words(s):\n    ...\n",
        "solution": "def reverse_words(s):\n    return ' '.join(reversed(s.split()))\n",
        "cases": [{"name": "three words", "code": "assert reverse_words('a b c') == 'c b a'"}],
        "complexity": "O(n) time and space",
        "alternatives": "A manual two-pointer pass avoids the list but is longer.",
        "runnable": true
      },
      "sources": ["000:21"],
      "tags": []
    }
  ]
})";

json basics() { return json::parse(kBasics); }

LoadedBank load_one(const json& file, const std::string& name = "basics.json") {
  return load_bank({{name, file.dump(2)}});
}

// The one problem `loaded` reports (a copy: callers pass temporaries).
BankProblem only_problem(const LoadedBank& loaded) {
  REQUIRE(loaded.problems.size() == 1);
  return loaded.problems.front();
}

std::vector<std::string> ids(const Bank& bank) {
  std::vector<std::string> out;
  for (const Card& card : bank.cards) out.push_back(card.id);
  return out;
}

}  // namespace

TEST_SUITE("bank") {

TEST_CASE("a valid file loads every card with all its fields") {
  LoadedBank loaded = load_bank({{"basics.json", kBasics}});
  CHECK(loaded.problems.empty());
  REQUIRE(loaded.bank.cards.size() == 2);

  const Card& concept_card = loaded.bank.cards[0];
  CHECK(concept_card.id == "mutable-default-argument");
  CHECK(concept_card.topic == "basics");
  CHECK(concept_card.level == Level::Junior);
  CHECK(concept_card.kind == Kind::Concept);
  CHECK(concept_card.prompt == "Why is a list a dangerous default argument?");
  CHECK(concept_card.answer == "Defaults are evaluated **once**, when `def` runs.");
  CHECK(concept_card.key_points.size() == 3);
  CHECK(concept_card.sources == std::vector<std::string>{"003:60", "002:20"});
  CHECK(concept_card.tags == std::vector<std::string>{"functions", "gotcha"});
  CHECK_FALSE(concept_card.code.has_value());

  const Card& code = loaded.bank.cards[1];
  CHECK(code.kind == Kind::Code);
  CHECK(code.level == Level::Beginner);
  REQUIRE(code.code.has_value());
  CHECK(code.code->solution.starts_with("def reverse_words"));
  CHECK(code.code->task == "Write `reverse_words(s)`.");
  CHECK(code.code->names == std::vector<std::string>{"reverse_words"});
  CHECK(code.code->starter == "def reverse_words(s):\n    ...\n");
  REQUIRE(code.code->cases.size() == 1);
  CHECK(code.code->cases[0].name == "three words");
  CHECK(code.code->cases[0].code == "assert reverse_words('a b c') == 'c b a'");
  CHECK_FALSE(code.code->scale.has_value());
  CHECK(code.code->not_on_phone.empty());
  CHECK(code.code->complexity == "O(n) time and space");
  CHECK(code.code->runnable);
  CHECK(code.code->why_not_runnable.empty());

  REQUIRE(loaded.bank.topics.size() == 1);
  CHECK(loaded.bank.topics[0].id == "basics");
  CHECK(loaded.bank.topics[0].title == "Python basics");
}

TEST_CASE("find returns the card or topic with an id and null for an unknown id") {
  LoadedBank loaded = load_bank({{"basics.json", kBasics}});
  const Bank& bank = loaded.bank;
  REQUIRE(bank.find("reverse-words") != nullptr);
  CHECK(bank.find("reverse-words")->prompt == "Reverse the order of words in a sentence.");
  CHECK(bank.find("mutable-default-argument")->level == Level::Junior);
  CHECK(bank.find("no-such-card") == nullptr);
  CHECK(bank.find("") == nullptr);
  REQUIRE(bank.find_topic("basics") != nullptr);
  CHECK(bank.find_topic("basics")->title == "Python basics");
  CHECK(bank.find_topic("django") == nullptr);
}

TEST_CASE("known topics are the fifteen topics of the format, in listing order") {
  auto topics = known_topics();
  REQUIRE(topics.size() == 15);
  CHECK(topics.front().id == "basics");
  CHECK(topics[4].title == "CPython internals & performance");
  CHECK(topics.back().id == "career");
  CHECK(topics.back().title == "Craft & career");
}

TEST_CASE("level and kind names round-trip and reject anything else") {
  for (Level level : {Level::Beginner, Level::Junior, Level::Mid, Level::Senior})
    CHECK(parse_level(level_name(level)) == level);
  for (Kind kind : {Kind::Concept, Kind::Code}) CHECK(parse_kind(kind_name(kind)) == kind);
  CHECK(level_name(Level::Mid) == "mid");
  CHECK_FALSE(parse_level("expert").has_value());
  CHECK_FALSE(parse_level("Senior").has_value());
  CHECK_FALSE(parse_kind("").has_value());
}

TEST_CASE("bank topics follow the known order whatever the file order") {
  json oop = {{"topic", "oop"}, {"title", "Object-oriented Python"}, {"cards", json::array()}};
  LoadedBank loaded = load_bank({{"oop.json", oop.dump()}, {"basics.json", kBasics}});
  CHECK(loaded.problems.empty());
  REQUIRE(loaded.bank.topics.size() == 2);
  CHECK(loaded.bank.topics[0].id == "basics");
  CHECK(loaded.bank.topics[1].id == "oop");
}

TEST_CASE("problem text names the file, the card and the field") {
  json file = basics();
  file["topic"] = "django";
  file["title"] = "Django";
  file["cards"][0]["id"] = "orm-n-plus-one";
  file["cards"][0]["level"] = "expert";
  LoadedBank loaded = load_one(file, "django.json");
  CHECK(only_problem(loaded).text() ==
        "django.json: card \"orm-n-plus-one\": field \"level\": unknown level \"expert\" "
        "(expected beginner, junior, mid or senior)");
  CHECK(loaded.problems[0].card_number == 1);
}

TEST_CASE("invalid JSON is reported with its line and column, counted in characters") {
  // Line 3 holds "é" (two bytes): the column still counts it as one character.
  std::string text = "{\n  \"topic\": \"basics\",\n  \"title\": \"é\" x\n}";
  LoadedBank loaded = load_bank({{"basics.json", text}});
  BankProblem problem = only_problem(loaded);
  CHECK(problem.line == 3);
  CHECK(problem.column == 16);
  CHECK(problem.text().starts_with("basics.json:3:16: invalid JSON: "));
  CHECK(problem.text().find("parse error at") == std::string::npos);
  CHECK(loaded.bank.cards.empty());
}

TEST_CASE("invalid JSON at the end of the text points just past the last character") {
  LoadedBank loaded = load_bank({{"basics.json", "{\n  \"topic\": "}});
  CHECK(only_problem(loaded).line == 2);
  CHECK(only_problem(loaded).column == 12);
}

TEST_CASE("a broken file keeps every other file") {
  LoadedBank loaded = load_bank({{"oop.json", "{ not json"}, {"basics.json", kBasics}});
  CHECK(only_problem(loaded).file == "oop.json");
  CHECK(loaded.bank.cards.size() == 2);
}

TEST_CASE("a bad card is skipped and the other cards of its file are kept") {
  json file = basics();
  file["cards"][0].erase("prompt");
  LoadedBank loaded = load_one(file);
  CHECK(only_problem(loaded).text() ==
        "basics.json: card \"mutable-default-argument\": field \"prompt\": missing");
  CHECK(ids(loaded.bank) == std::vector<std::string>{"reverse-words"});
  CHECK(loaded.bank.find("mutable-default-argument") == nullptr);
}

TEST_CASE("a short answer is optional, read when present and checked like other prose") {
  json file = basics();
  file["cards"][0]["short_answer"] = "Defaults are built **once**, so calls share one list.";
  LoadedBank loaded = load_one(file);
  REQUIRE(loaded.problems.empty());
  CHECK(loaded.bank.cards[0].short_answer ==
        "Defaults are built **once**, so calls share one list.");
  CHECK(loaded.bank.cards[1].short_answer.empty());

  file["cards"][0]["short_answer"] = "";
  CHECK(only_problem(load_one(file)).field == "short_answer");
  file["cards"][0]["short_answer"] = 7;
  CHECK(only_problem(load_one(file)).field == "short_answer");
}

TEST_CASE("every missing card field is reported") {
  for (const char* field :
       {"id", "level", "kind", "prompt", "answer", "key_points", "sources", "tags"}) {
    CAPTURE(field);
    json file = basics();
    file["cards"][0].erase(field);
    LoadedBank loaded = load_one(file);
    CHECK(only_problem(loaded).field == field);
    CHECK(only_problem(loaded).message == "missing");
    CHECK(loaded.bank.cards.size() == 1);
  }
}

TEST_CASE("problem text stays on one line whatever the file contains") {
  json file = basics();
  file["cards"][0]["id"] = "two\nlines";
  file["cards"][0]["level"] = "a\tb";
  LoadedBank loaded = load_one(file);
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].text() ==
        "basics.json: card \"two\\nlines\": field \"level\": unknown level \"a\\x09b\" (expected "
        "beginner, junior, mid or senior)");
  for (const BankProblem& problem : loaded.problems)
    CHECK(problem.text().find('\n') == std::string::npos);
}

TEST_CASE("a card without an id is named by its position") {
  json file = basics();
  file["cards"][1].erase("id");
  CHECK(only_problem(load_one(file)).text() == "basics.json: card #2: field \"id\": missing");
}

TEST_CASE("mistyped fields are reported with the type found") {
  json file = basics();
  file["cards"][0]["level"] = 3;
  file["cards"][0]["tags"] = "gotcha";
  file["cards"][0]["key_points"][1] = nullptr;
  file["cards"][1]["code"]["runnable"] = "yes";
  LoadedBank loaded = load_one(file);
  REQUIRE(loaded.problems.size() == 4);
  CHECK(loaded.problems[0].field == "level");
  CHECK(loaded.problems[0].message == "must be a string, not number");
  CHECK(loaded.problems[1].field == "key_points[1]");
  CHECK(loaded.problems[1].message == "must be a string or an object {point, match, wrong}, not null");
  CHECK(loaded.problems[2].field == "tags");
  CHECK(loaded.problems[2].message == "must be an array of strings, not string");
  CHECK(loaded.problems[3].field == "code.runnable");
  CHECK(loaded.problems[3].message == "must be true or false, not string");
  CHECK(loaded.bank.cards.empty());
}

TEST_CASE("a card that is not an object is reported by position") {
  json file = basics();
  file["cards"][0] = "card";
  CHECK(only_problem(load_one(file)).text() ==
        "basics.json: card #1: must be an object, not string");
}

TEST_CASE("the file itself must be an object with topic, title and an array of cards") {
  CHECK(only_problem(load_bank({{"basics.json", "[]"}})).message ==
        "must be a JSON object, not array");
  json file = basics();
  file["cards"] = json::object();
  CHECK(only_problem(load_one(file)).text() ==
        "basics.json: field \"cards\": must be an array, not object");
  file.erase("cards");
  CHECK(only_problem(load_one(file)).field == "cards");
}

TEST_CASE("duplicate ids across files: the later card is skipped and points at the first") {
  json oop = basics();
  oop["topic"] = "oop";
  oop["title"] = "Object-oriented Python";
  oop["cards"].erase(0);
  LoadedBank loaded = load_bank({{"basics.json", kBasics}, {"oop.json", oop.dump()}});
  CHECK(only_problem(loaded).text() ==
        "oop.json: card \"reverse-words\": field \"id\": duplicate id, also used by card #2 of "
        "basics.json");
  CHECK(loaded.bank.cards.size() == 2);
  CHECK(loaded.bank.find("reverse-words")->topic == "basics");
}

TEST_CASE("an unknown topic skips its file and keeps the others") {
  json file = basics();
  file["topic"] = "cooking";
  LoadedBank loaded = load_bank({{"cooking.json", file.dump()}, {"oop.json", R"({
    "topic": "oop", "title": "Object-oriented Python", "cards": []})"}});
  CHECK(only_problem(loaded).text().starts_with(
      "cooking.json: field \"topic\": unknown topic \"cooking\" (expected one of basics, oop, "));
  CHECK(loaded.bank.cards.empty());
  REQUIRE(loaded.bank.topics.size() == 1);
  CHECK(loaded.bank.topics[0].id == "oop");
}

TEST_CASE("a topic that disagrees with its file name or title is reported, its cards kept") {
  json file = basics();
  file["title"] = "Basics";
  LoadedBank loaded = load_one(file, "assets/bank/oop.json");
  REQUIRE(loaded.problems.size() == 2);
  CHECK(loaded.problems[0].text() ==
        "assets/bank/oop.json: field \"topic\": \"basics\" does not match the file name "
        "(expected \"basics.json\")");
  CHECK(loaded.problems[1].text() ==
        "assets/bank/oop.json: field \"title\": \"Basics\" differs from the topic's title "
        "\"Python basics\"");
  CHECK(loaded.bank.cards.size() == 2);
}

TEST_CASE("a topic declared by two files is reported") {
  LoadedBank loaded = load_bank({{"basics.json", kBasics}, {"basics.json", R"({
    "topic": "basics", "title": "Python basics", "cards": []})"}});
  CHECK(only_problem(loaded).message == "\"basics\" is already declared by basics.json");
}

TEST_CASE("an unknown kind is reported") {
  json file = basics();
  file["cards"][0]["kind"] = "quiz";
  CHECK(only_problem(load_one(file)).message ==
        "unknown kind \"quiz\" (expected concept or code)");
}

TEST_CASE("an empty or blank prompt or answer is reported") {
  for (const char* field : {"prompt", "answer"}) {
    for (const char* text : {"", "  \n\t"}) {
      CAPTURE(field);
      json file = basics();
      file["cards"][0][field] = text;
      CHECK(only_problem(load_one(file)).text() ==
            "basics.json: card \"mutable-default-argument\": field \"" + std::string(field) +
                "\": must not be empty");
    }
  }
}

TEST_CASE("a key point must not be empty") {
  json file = basics();
  file["cards"][0]["key_points"] = {"a", "b", " "};
  CHECK(only_problem(load_one(file)).field == "key_points[2]");
}

TEST_CASE("a card that breaks only authoring rules loads: the rules are lint's, not the loader's") {
  json file = basics();
  json& card = file["cards"][0];
  card["id"] = "Mutable Default";
  card["prompt"] = "What\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s a closure?";
  card["key_points"] = {"a", "b"};
  card["sources"] = json::array();
  const LoadedBank loaded = load_one(file);
  CHECK(loaded.problems.empty());
  REQUIRE(loaded.bank.cards.size() == 2);
  CHECK(loaded.bank.cards[0].id == "Mutable Default");
  CHECK(loaded.bank.cards[0].key_points.size() == 2);
}

TEST_CASE("a key point is a string or an object with match terms, kept parallel") {
  json file = basics();
  file["cards"][0]["key_points"][1] = {
      {"point", "shared between calls"},
      {"match", json::array({json::array({"shared", "same list"}),
                             json::array({"every call", "between calls"})})},
      {"wrong", {"new list each call"}}};
  file["cards"][0]["key_points"][2] = {{"point", "use None as the sentinel"},
                                       {"match", {{"none"}}}};
  LoadedBank loaded = load_one(file);
  CHECK(loaded.problems.empty());
  REQUIRE(loaded.bank.cards.size() == 2);
  const Card& card = loaded.bank.cards[0];
  CHECK(card.key_points ==
        std::vector<std::string>{"evaluated once", "shared between calls", "use None as the sentinel"});
  REQUIRE(card.key_point_matches.size() == 3);
  CHECK(card.key_point_matches[0].groups.empty());  // the plain string
  CHECK(card.key_point_matches[0].wrong.empty());
  CHECK(card.key_point_matches[1].groups ==
        std::vector<std::vector<std::string>>{{"shared", "same list"}, {"every call", "between calls"}});
  CHECK(card.key_point_matches[1].wrong == std::vector<std::string>{"new list each call"});
  CHECK(card.key_point_matches[2].groups == std::vector<std::vector<std::string>>{{"none"}});
  CHECK(card.key_point_matches[2].wrong.empty());
  // Plain-string cards get empty match terms for every point.
  CHECK(loaded.bank.cards[1].key_point_matches.size() == 3);
}

TEST_CASE("a malformed key point object is reported with its path and reason") {
  auto problem_with = [](json point) {
    json file = basics();
    file["cards"][0]["key_points"][1] = std::move(point);
    LoadedBank loaded = load_one(file);
    CHECK(loaded.bank.cards.size() == 1);  // the card is skipped, the other kept
    return only_problem(loaded);
  };
  const json group = json::array({"shared"});
  auto check = [&](json point, const std::string& field, const std::string& message) {
    BankProblem problem = problem_with(std::move(point));
    CHECK(problem.card_id == "mutable-default-argument");
    CHECK(problem.field == field);
    CHECK(problem.message == message);
  };
  check(42, "key_points[1]", "must be a string or an object {point, match, wrong}, not number");
  check({{"match", {group}}}, "key_points[1].point", "missing");
  check({{"point", " "}, {"match", {group}}}, "key_points[1].point", "must not be empty");
  check({{"point", 3}, {"match", {group}}}, "key_points[1].point", "must be a string, not number");
  check({{"point", "p"}}, "key_points[1].match", "missing");
  check({{"point", "p"}, {"match", "shared"}}, "key_points[1].match",
        "must be an array of 1 to 4 groups (arrays of phrases), not string");
  check({{"point", "p"}, {"match", json::array()}}, "key_points[1].match",
        "must be an array of 1 to 4 groups (arrays of phrases), not an array of 0");
  check({{"point", "p"}, {"match", {group, group, group, group, group}}}, "key_points[1].match",
        "must be an array of 1 to 4 groups (arrays of phrases), not an array of 5");
  check({{"point", "p"}, {"match", {group, "shared"}}}, "key_points[1].match[1]",
        "must be an array of phrases, not string");
  check({{"point", "p"}, {"match", {json::array()}}}, "key_points[1].match[0]",
        "has 0 phrases (expected 1 to 10)");
  json eleven = json::array();
  for (int i = 0; i < 11; ++i) eleven.push_back("phrase " + std::to_string(i));
  check({{"point", "p"}, {"match", {eleven}}}, "key_points[1].match[0]",
        "has 11 phrases (expected 1 to 10)");
  check({{"point", "p"}, {"match", json::array({json::array({"shared", 7})})}}, "key_points[1].match[0][1]",
        "must be a string, not number");
  check({{"point", "p"}, {"match", {{"Shared"}}}}, "key_points[1].match[0][0]",
        "\"Shared\": words are lowercase letters and digits separated by single spaces");
  check({{"point", "p"}, {"match", {{"refer* to"}}}}, "key_points[1].match[0][0]",
        "\"refer* to\": \"*\" only ends the last word, after 4 or more letters");
  check({{"point", "p"}, {"match", {{"a b c d e"}}}}, "key_points[1].match[0][0]",
        "\"a b c d e\" has 5 words (1 to 4)");
  check({{"point", "p"}, {"match", json::array({json::array({"shared", "shared"})})}}, "key_points[1].match[0][1]",
        "repeats \"shared\"");
  // A phrase holding a line break is quoted on one line, as every problem is.
  check({{"point", "p"}, {"match", {{"two\nlines"}}}}, "key_points[1].match[0][0]",
        "\"two\\nlines\": words are lowercase letters and digits separated by single spaces");
  check({{"point", "p"}, {"match", {group}}, {"wrong", "fresh"}}, "key_points[1].wrong",
        "must be an array of phrases, not string");
  check({{"point", "p"}, {"match", {group}}, {"wrong", eleven}}, "key_points[1].wrong",
        "has 11 phrases (expected 0 to 10)");
  check({{"point", "p"}, {"match", {group}}, {"wrong", {"new_list"}}}, "key_points[1].wrong[0]",
        "\"new_list\": words are lowercase letters and digits separated by single spaces");
  check({{"point", "p"}, {"match", {group}}, {"matches", {group}}}, "key_points[1].matches",
        "unknown field");
  // An empty wrong list is allowed.
  json file = basics();
  file["cards"][0]["key_points"][1] = {{"point", "p"}, {"match", {group}}, {"wrong", json::array()}};
  CHECK(load_one(file).problems.empty());
}

TEST_CASE("a code card needs a code block and a concept card must not have one") {
  json file = basics();
  file["cards"][1].erase("code");
  CHECK(only_problem(load_one(file)).text() ==
        "basics.json: card \"reverse-words\": field \"code\": missing (required when kind is "
        "\"code\")");

  file = basics();
  file["cards"][0]["code"] = file["cards"][1]["code"];
  CHECK(only_problem(load_one(file)).text() ==
        "basics.json: card \"mutable-default-argument\": field \"code\": unexpected (only cards "
        "of kind \"code\" have one)");
}

TEST_CASE("every missing field of a code block is reported") {
  for (const char* field :
       {"task", "names", "starter", "solution", "cases", "complexity", "alternatives", "runnable"}) {
    CAPTURE(field);
    json file = basics();
    file["cards"][1]["code"].erase(field);
    CHECK(only_problem(load_one(file)).field == "code." + std::string(field));
  }
}

TEST_CASE("a code block that is not runnable must say why") {
  json file = basics();
  auto& code = file["cards"][1]["code"];
  code["runnable"] = false;
  CHECK(only_problem(load_one(file)).text() ==
        "basics.json: card \"reverse-words\": field \"code.why_not_runnable\": missing");
  code["why_not_runnable"] = "";
  CHECK(only_problem(load_one(file)).message == "must not be empty");
  code["why_not_runnable"] = "needs a running Redis server";
  LoadedBank loaded = load_one(file);
  CHECK(loaded.problems.empty());
  CHECK_FALSE(loaded.bank.find("reverse-words")->code->runnable);
  CHECK(loaded.bank.find("reverse-words")->code->why_not_runnable ==
        "needs a running Redis server");
}

TEST_CASE("a runnable code block has no reason not to run") {
  json file = basics();
  file["cards"][1]["code"]["why_not_runnable"] = "network";
  CHECK(only_problem(load_one(file)).message == "given, but runnable is true");
}

TEST_CASE("cases are a non-empty list of uniquely named {name, code}") {
  json file = basics();
  auto& cases = file["cards"][1]["code"]["cases"];
  cases = json::array();
  CHECK(only_problem(load_one(file)).text() ==
        "basics.json: card \"reverse-words\": field \"code.cases\": must be a non-empty array of {name, code}");
  cases = {{{"name", "one"}, {"code", "pass"}}, {{"name", "one"}, {"code", "pass"}}};
  BankProblem repeated = only_problem(load_one(file));
  CHECK(repeated.field == "code.cases[1].name");
  CHECK(repeated.message == "repeats \"one\"");
  cases = {{{"name", "one"}, {"code", " "}}};
  CHECK(only_problem(load_one(file)).field == "code.cases[0].code");
  cases = {{{"name", "one"}, {"code", "pass"}, {"expect", 1}}};
  CHECK(only_problem(load_one(file)).field == "code.cases[0].expect");
}

TEST_CASE("names are Python identifiers") {
  json file = basics();
  auto& names = file["cards"][1]["code"]["names"];
  names = {"reverse_words", "2fast"};
  CHECK(only_problem(load_one(file)).message == "has \"2fast\", which is not a Python name");
  names = json::array();
  CHECK(only_problem(load_one(file)).message == "must be a non-empty array of Python names");
}

TEST_CASE("scale and not_on_phone are optional, and read when given") {
  json file = basics();
  auto& code = file["cards"][1]["code"];
  code["scale"] = {{"setup", "s = 'a ' * n"}, {"run", "reverse_words(s)"}};
  code["not_on_phone"] = "starts processes";
  LoadedBank loaded = load_one(file);
  REQUIRE(loaded.problems.empty());
  const CodeTask& task = *loaded.bank.find("reverse-words")->code;
  REQUIRE(task.scale.has_value());
  CHECK(task.scale->setup == "s = 'a ' * n");
  CHECK(task.scale->run == "reverse_words(s)");
  CHECK(task.not_on_phone == "starts processes");
  code["scale"] = {{"setup", ""}};
  CHECK(only_problem(load_one(file)).field == "code.scale.run");
}

TEST_CASE("unknown fields are reported, so a misspelt optional field cannot go unnoticed") {
  json file = basics();
  file["cards"][0]["tag"] = {"x"};
  file["cards"][1]["code"]["complexty"] = "O(1)";
  file["version"] = 2;
  LoadedBank loaded = load_one(file);
  REQUIRE(loaded.problems.size() == 3);
  CHECK(loaded.problems[0].text() == "basics.json: field \"version\": unknown field");
  CHECK(loaded.problems[1].field == "tag");
  CHECK(loaded.problems[2].field == "code.complexty");
}

TEST_CASE("all problems of a card are reported at once") {
  json file = basics();
  file["cards"][0]["level"] = "expert";
  file["cards"][0]["kind"] = "quiz";
  file["cards"][0]["prompt"] = "";
  CHECK(load_one(file).problems.size() == 3);
}

TEST_CASE("the loader survives truncated, corrupted and mistyped variants of a valid file") {
  const std::string valid = basics().dump(2);
  auto check_survives = [](const std::string& text) {
    LoadedBank loaded = load_bank({{"basics.json", text}});
    CHECK(loaded.bank.cards.size() <= 2);
    for (const BankProblem& problem : loaded.problems) CHECK_FALSE(problem.text().empty());
    return loaded;
  };

  for (std::size_t length = 0; length < valid.size(); ++length) {
    LoadedBank loaded = check_survives(valid.substr(0, length));
    CHECK_FALSE(loaded.problems.empty());
  }

  std::mt19937 random(20240611);
  std::uniform_int_distribution<int> any_byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string text = valid;
    for (int flips = 1 + round % 4; flips > 0; --flips)
      text[random() % text.size()] = static_cast<char>(any_byte(random));
    check_survives(text);
  }
  for (int round = 0; round < 200; ++round) {
    std::string noise(random() % 300, '\0');
    for (char& c : noise) c = static_cast<char>(any_byte(random));
    check_survives(noise);
  }
  check_survives(std::string(100000, '['));
  check_survives(std::string(100000, '{'));
  check_survives("\xEF\xBB\xBF" + valid);  // a byte order mark

  // Every value in the file, in turn, replaced by every JSON type.
  const json replacements[] = {nullptr, true, 7, -1.5, "", "x", json::array(), json::object()};
  json document = basics();
  std::vector<json::json_pointer> pointers;
  json leaves = document.flatten();
  for (const auto& [pointer, value] : leaves.items()) {
    json::json_pointer at(pointer);
    for (; !at.empty(); at = at.parent_pointer()) pointers.push_back(at);
  }
  std::sort(pointers.begin(), pointers.end());
  pointers.erase(std::unique(pointers.begin(), pointers.end()), pointers.end());
  for (const auto& pointer : pointers) {
    for (const json& replacement : replacements) {
      json mutated = document;
      mutated[pointer] = replacement;
      check_survives(mutated.dump());
    }
  }
}

TEST_CASE("phrase_problem accepts 1-4 lowercase words and a final prefix star") {
  for (const char* ok : {"gil", "one thread", "o log n", "a b c d", "serializ*", "call parent*",
                         "pep 703", "3t"})
    CHECK_MESSAGE(!phrase_problem(ok), ok);
  for (const char* bad : {"", " gil", "gil ", "one  thread", "a b c d e", "One thread", "o(n)",
                          "select_related", "ser*", "refer* instance", "*", "thread-safe",
                          "caf\xc3\xa9"})
    CHECK_MESSAGE(phrase_problem(bad), bad);
  CHECK(*phrase_problem("refer* instance") == ": \"*\" only ends the last word, after 4 or more letters");
  CHECK(*phrase_problem("a b c d e") == " has 5 words (1 to 4)");
}

}  // TEST_SUITE("bank")
