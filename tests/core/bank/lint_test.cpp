#include "core/bank/lint.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pyprep;

namespace {

// A card that meets every authoring rule.
Card good_card() {
  return Card{.id = "mutable-default-argument",
              .topic = "basics",
              .prompt = "Why is a mutable default argument a trap?",
              .answer = "The default is evaluated once.",
              .key_points = {"evaluated once", "shared between calls", "use None"},
              .sources = {"003:17"}};
}

// The one problem lint finds in a bank of `card` alone.
BankProblem only_problem(const Card& card) {
  Bank bank;
  bank.cards = {card};
  const std::vector<BankProblem> problems = lint(bank);
  REQUIRE(problems.size() == 1);
  return problems.front();
}

}  // namespace

TEST_CASE("lint passes a card that meets every rule") {
  Bank bank;
  bank.cards = {good_card()};
  CHECK(lint(bank).empty());
}

TEST_CASE("lint: ids must be slugs") {
  Card card = good_card();
  card.id = "Mutable Default";
  const BankProblem problem = only_problem(card);
  CHECK(problem.text() ==
        "basics.json: card \"Mutable Default\": field \"id\": \"Mutable Default\" is not a slug "
        "(lowercase letters and digits, words joined by single '-')");
  for (const char* bad : {"-a", "a-", "a--b", "a_b", "\xC3\xA9", ""}) {
    CAPTURE(bad);
    card.id = bad;
    CHECK(only_problem(card).field == "id");
  }
  for (const char* ok : {"a", "a-b", "x2-y3"}) {
    card.id = ok;
    Bank bank;
    bank.cards = {card};
    CHECK_MESSAGE(lint(bank).empty(), ok);
  }
}

TEST_CASE("lint: a problem's text stays on one line whatever the card holds") {
  Card card = good_card();
  card.id = "two\nlines";
  CHECK(only_problem(card).text() ==
        "basics.json: card \"two\\nlines\": field \"id\": \"two\\nlines\" is not a slug "
        "(lowercase letters and digits, words joined by single '-')");
}

TEST_CASE("lint: key points must number three to six") {
  Card card = good_card();
  card.key_points = {"a", "b"};
  CHECK(only_problem(card).message == "has 2 items (expected 3 to 6)");
  card.key_points = {"a"};
  CHECK(only_problem(card).message == "has 1 item (expected 3 to 6)");
  card.key_points = {"a", "b", "c", "d", "e", "f"};
  Bank bank;
  bank.cards = {card};
  CHECK(lint(bank).empty());
  card.key_points.push_back("g");
  CHECK(only_problem(card).message == "has 7 items (expected 3 to 6)");
}

TEST_CASE("lint: sources must name at least one well-formed seed item, each once") {
  Card card = good_card();
  card.sources = {};
  CHECK(only_problem(card).message == "has 0 items (expected at least 1)");
  for (const char* bad : {"3:17", "003-17", "003:", "003:0", "003:017", "abc:1", "003:1a"}) {
    CAPTURE(bad);
    card.sources = {"003:17", bad};
    const BankProblem problem = only_problem(card);
    CHECK(problem.field == "sources[1]");
    CHECK(problem.message == "\"" + std::string(bad) +
                                 "\" is not a seed item id (\"<seed>:<line>\", e.g. \"003:17\")");
  }
  card.sources = {"003:17", "003:17"};
  CHECK(only_problem(card).message == "\"003:17\" is listed twice");
  card.sources = {"003:17", "120:1"};
  Bank bank;
  bank.cards = {card};
  CHECK(lint(bank).empty());
}

TEST_CASE("lint: text mis-decoded from seed 004 is reported where it is") {
  Card card = good_card();
  card.prompt = "What\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s a closure?";
  CHECK(only_problem(card).field == "prompt");
  CHECK(only_problem(card).message.starts_with("looks mis-decoded"));
  card = good_card();
  card.short_answer = "\xC3\xB0\xC5\xB8 item";
  CHECK(only_problem(card).field == "short_answer");
  card = good_card();
  card.key_points[2] = "\xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xB9 item";
  CHECK(only_problem(card).field == "key_points[2]");
}

TEST_CASE("lint reports every card's problems in card order") {
  Bank bank;
  bank.cards = {good_card(), good_card(), good_card()};
  bank.cards[0].id = "A";
  bank.cards[2].sources = {};
  bank.cards[2].id = "third";
  const std::vector<BankProblem> problems = lint(bank);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].card_id == "A");
  CHECK(problems[1].card_id == "third");
  CHECK(problems[1].field == "sources");
}
