#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "ui/platform/bank_dir.h"
#include "core/bank/search.h"

using namespace pyprep;

namespace {

Bank small_bank() {
  Bank bank;
  bank.topics = {{"functional", "Functional Python"}, {"django", "Django"}, {"oop", "OOP"},
                 {"concurrency", "Concurrency & async"}};
  bank.cards = {
      {.id = "decorators",
       .topic = "functional",
       .level = Level::Junior,
       .prompt = "What is a decorator?",
       .answer = "A **decorator** wraps a function; copy its name with `functools.wraps`.",
       .key_points = {"returns a wrapper"},
       .tags = {"functions"}},
      {.id = "orm",
       .topic = "django",
       .level = Level::Mid,
       .prompt = "How do you avoid N+1 queries?",
       .answer = "Call `select_related()` for foreign keys, `prefetch_related()` otherwise.",
       .key_points = {"joins in SQL"},
       .tags = {"orm"}},
      {.id = "slots",
       .topic = "oop",
       .level = Level::Senior,
       .prompt = "What does __slots__ do?",
       .answer = "It drops the per-instance `__dict__`, which saves memory.",
       .key_points = {"no __dict__"},
       .tags = {"memory"}},
      {.id = "gather",
       .topic = "concurrency",
       .level = Level::Mid,
       .kind = Kind::Code,
       .prompt = "Run coroutines concurrently.",
       .answer = "Await `asyncio.gather(*coros)`; it returns results in order.",
       .key_points = {"results keep order"},
       .code = CodeTask{.solution = "import asyncio\nasync def main(): ...\n"},
       .tags = {}},
      {.id = "property",
       .topic = "oop",
       .level = Level::Junior,
       .prompt = "How does @property work?",
       .answer = "It turns a method into a computed attribute. Café, naïve and Straße fold.",
       .key_points = {"getter and setter"},
       .tags = {"descriptors"}},
  };
  return bank;
}

std::vector<std::size_t> cards_of(const std::vector<SearchHit>& hits) {
  std::vector<std::size_t> cards;
  for (const SearchHit& hit : hits) cards.push_back(hit.card);
  return cards;
}

std::string highlighted(const SearchHit& hit) {
  return hit.snippet.substr(hit.highlight_offset, hit.highlight_length);
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > s.size()) return false;
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += length;
  }
  return true;
}

Bank one_answer_bank(std::string answer) {
  Bank bank;
  bank.cards = {{.id = "a", .topic = "t", .prompt = "Prompt", .answer = std::move(answer)}};
  return bank;
}

}  // namespace

TEST_CASE("search: a query word matches the start of a word, in any case") {
  const SearchIndex index(small_bank());
  CHECK(cards_of(index.search("dec")) == std::vector<std::size_t>{0});
  CHECK(cards_of(index.search("DECORATOR")) == std::vector<std::size_t>{0});
  CHECK(cards_of(index.search("corator")).empty());
  CHECK(cards_of(index.search("zzz")).empty());
}

TEST_CASE("search: identifiers with punctuation are found as typed or in parts") {
  const SearchIndex index(small_bank());
  for (const char* query : {"select_related", "select_rel", "SELECT_RELATED()", "related",
                            "select", "prefetch_related"}) {
    INFO(query);
    CHECK(cards_of(index.search(query)) == std::vector<std::size_t>{1});
  }
  CHECK(cards_of(index.search("__slots__")) == std::vector<std::size_t>{2});
  CHECK(cards_of(index.search("slots")) == std::vector<std::size_t>{2});
  CHECK(cards_of(index.search("__dict__")) == std::vector<std::size_t>{2});
  CHECK(cards_of(index.search("asyncio")) == std::vector<std::size_t>{3});
  CHECK(cards_of(index.search("asyncio.gather")) == std::vector<std::size_t>{3});
  CHECK(cards_of(index.search("gather")) == std::vector<std::size_t>{3});
  CHECK(cards_of(index.search("@property")) == std::vector<std::size_t>{4});
  CHECK(cards_of(index.search("functools.wraps")) == std::vector<std::size_t>{0});
  // Joined words do not match across a space: "select related" is two query words.
  CHECK(cards_of(index.search("keysprefetch")).empty());
}

TEST_CASE("search: every query word must match the same card") {
  const SearchIndex index(small_bank());
  CHECK(cards_of(index.search("select prefetch")) == std::vector<std::size_t>{1});
  CHECK(cards_of(index.search("  memory   slots ")) == std::vector<std::size_t>{2});
  CHECK(cards_of(index.search("select decorator")).empty());
}

TEST_CASE("search: accents on Latin letters are ignored on both sides") {
  const SearchIndex index(small_bank());
  CHECK(cards_of(index.search("cafe")) == std::vector<std::size_t>{4});
  CHECK(cards_of(index.search("CAFÉ naive")) == std::vector<std::size_t>{4});
  CHECK(cards_of(index.search("strasse")) == std::vector<std::size_t>{4});
}

TEST_CASE("search: tags, key points, topic titles and code solutions are searched") {
  const SearchIndex index(small_bank());
  CHECK(cards_of(index.search("descriptors")) == std::vector<std::size_t>{4});
  CHECK(cards_of(index.search("wrapper")) == std::vector<std::size_t>{0});
  CHECK(cards_of(index.search("functional")) == std::vector<std::size_t>{0});
  CHECK(cards_of(index.search("main")) == std::vector<std::size_t>{3});
}

TEST_CASE("search: prompt matches rank above tags, key points, answer and code; ties keep bank "
          "order") {
  Bank bank;
  bank.topics = {{"plain", "Plain"}, {"tools", "Widget tools"}};
  bank.cards = {
      {.id = "in-code", .topic = "plain", .prompt = "p", .answer = "a",
       .code = CodeTask{.solution = "widget = 1"}},
      {.id = "in-answer", .topic = "plain", .prompt = "p", .answer = "a widget"},
      {.id = "in-key-point", .topic = "plain", .prompt = "p", .answer = "a",
       .key_points = {"widget"}},
      {.id = "in-tags", .topic = "plain", .prompt = "p", .answer = "a", .tags = {"widgets"}},
      {.id = "in-prompt", .topic = "plain", .prompt = "A widget?", .answer = "a"},
      {.id = "in-prompt-too", .topic = "plain", .prompt = "Widget!", .answer = "a"},
      {.id = "in-topic-title", .topic = "tools", .prompt = "p", .answer = "a"},
      {.id = "nowhere", .topic = "plain", .prompt = "p", .answer = "a"},
  };
  const SearchIndex index(bank);
  CHECK(cards_of(index.search("widget")) == std::vector<std::size_t>{4, 5, 3, 6, 2, 1, 0});
}

TEST_CASE("search: equal scores go to more matched fields, then to the earlier tag, then bank order") {
  Bank bank;
  bank.topics = {{"plain", "Plain"}};
  bank.cards = {
      {.id = "prompt-only", .topic = "plain", .prompt = "A gadget?", .answer = "a"},
      {.id = "third-tag", .topic = "plain", .prompt = "Gadget?", .answer = "a", .tags = {"x", "y", "gadget"}},
      {.id = "first-tag", .topic = "plain", .prompt = "Gadget?", .answer = "a", .tags = {"gadget", "x"}},
      {.id = "wide", .topic = "plain", .prompt = "Gadget?", .answer = "a gadget",
       .key_points = {"gadget"}},
      {.id = "prompt-only-too", .topic = "plain", .prompt = "Gadget!", .answer = "a"},
  };
  const SearchIndex index(bank);
  // Every card scores the prompt's weight; "wide" matches in three fields, the tagged ones in
  // two (the earlier tag first), the rest in one, in bank order.
  CHECK(cards_of(index.search("gadget")) == std::vector<std::size_t>{3, 2, 1, 0, 4});
}

TEST_CASE("search: the filter keeps only the chosen topics") {
  const SearchIndex index(small_bank());
  CHECK(cards_of(index.search("", {.topics = {"oop"}})) == std::vector<std::size_t>{2, 4});
  CHECK(cards_of(index.search("", {.topics = {"oop", "django"}})) ==
        std::vector<std::size_t>{1, 2, 4});
  CHECK(cards_of(index.search("memory", {.topics = {"django"}})).empty());
}

TEST_CASE("search: an empty or punctuation-only query lists every card in bank order") {
  const SearchIndex index(small_bank());
  const std::vector<std::size_t> all = {0, 1, 2, 3, 4};
  CHECK(cards_of(index.search("")) == all);
  CHECK(cards_of(index.search(" -- @ ")) == all);
  const std::vector<SearchHit> hits = index.search("");
  CHECK(hits[2].snippet == "It drops the per-instance __dict__, which saves memory.");
  CHECK(hits[2].highlight_length == 0);
  CHECK(SearchIndex().search("anything").empty());
  CHECK(SearchIndex().search("").empty());
}

TEST_CASE("search: the snippet shows the answer around the match with the word highlighted") {
  const SearchIndex index(small_bank());
  const std::vector<SearchHit> hits = index.search("SELECT_REL");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].snippet ==
        "Call select_related() for foreign keys, prefetch_related() otherwise.");
  CHECK(highlighted(hits[0]) == "select_related");
  CHECK(highlighted(index.search("dec")[0]) == "decorator");
  CHECK(highlighted(index.search("naive")[0]) == "naïve");
}

TEST_CASE("search: the snippet comes from the prompt when only the prompt matches") {
  const SearchIndex index(small_bank());
  const std::vector<SearchHit> hits = index.search("n+1");
  REQUIRE(cards_of(hits) == std::vector<std::size_t>{1});
  CHECK(hits[0].snippet == "How do you avoid N+1 queries?");
  CHECK(highlighted(hits[0]) == "N");
}

TEST_CASE("search: the snippet shows the answer's start when the match is in tags or code") {
  const SearchIndex index(small_bank());
  const std::vector<SearchHit> hits = index.search("descriptors");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].snippet ==
        "It turns a method into a computed attribute. Café, naïve and Straße fold.");
  CHECK(hits[0].highlight_length == 0);
}

TEST_CASE("search: a long snippet is cut at spaces near 80 bytes, marked with ellipses") {
  const SearchIndex index(one_answer_bank(
      "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
      "fifteen sixteen seventeen eighteen nineteen twenty"));
  const std::vector<SearchHit> hits = index.search("eleven");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].snippet ==
        "…eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen…");
  CHECK(hits[0].highlight_offset == 18);
  CHECK(highlighted(hits[0]) == "eleven");
}

TEST_CASE("search: snippets cut between UTF-8 characters, never inside one") {
  std::string arrows_before;
  std::string arrows_after;
  for (int i = 0; i < 50; ++i) arrows_before += "→";
  for (int i = 0; i < 100; ++i) arrows_after += "→";
  const SearchIndex index(one_answer_bank(arrows_before + "target" + arrows_after));
  const std::vector<SearchHit> hits = index.search("target");
  REQUIRE(hits.size() == 1);
  // 20 bytes before the match end inside an arrow (3 bytes each), 80 bytes after the start too:
  // both cuts move to the arrow's edge.
  std::string expected = "…";
  for (int i = 0; i < 6; ++i) expected += "→";
  expected += "target";
  for (int i = 0; i < 18; ++i) expected += "→";
  expected += "…";
  CHECK(hits[0].snippet == expected);
  CHECK(hits[0].highlight_offset == 3 + 6 * 3);
  CHECK(valid_utf8(hits[0].snippet));
  CHECK(highlighted(hits[0]) == "target");
}

TEST_CASE("search: invalid UTF-8 in the bank is indexed without harm") {
  const SearchIndex index(one_answer_bank("bad \xC3 byte \xFF\xFE and \xE2\x82 cut word"));
  CHECK(cards_of(index.search("byte cut")) == std::vector<std::size_t>{0});
}

TEST_CASE("search: the real bank finds cards by identifier and ranks prompt matches first") {
  const LoadedBank loaded = load_bank_dir(PYPREP_SOURCE_DIR "/assets/bank");
  const Bank& bank = loaded.bank;
  const SearchIndex index(bank);
  auto first_id = [&](std::string_view query) {
    const std::vector<SearchHit> hits = index.search(query);
    return hits.empty() ? std::string() : bank.cards[hits.front().card].id;
  };
  CHECK(first_id("select_related") == "select-prefetch-related");
  CHECK(first_id("__slots__") == "slots");
  CHECK(first_id("@property") == "property-decorator");
  CHECK(first_id("global interpreter lock") == "gil-and-threads");
  // Several prompts, tags, key points and answers name the GIL; the card about it has the shortest
  // such prompt, and the one that names it in passing ("... despite the GIL? Build a worker
  // pool ...") does not come first.
  CHECK(first_id("GIL") == "gil-and-threads");
  for (const SearchHit& hit : index.search("a")) CHECK(valid_utf8(hit.snippet));
}

TEST_CASE("search: random bytes in cards and queries keep highlights inside their snippets") {
  std::mt19937 rng(5);
  const std::string alphabet = "ab _.-@ \n\xC3\xA9\xE2\x86\x92\xFF*`";
  auto random_text = [&](std::size_t max_length) {
    std::string text(rng() % max_length, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    return text;
  };
  for (int round = 0; round < 200; ++round) {
    Bank bank;
    for (int c = 0; c < 5; ++c)
      bank.cards.push_back({.id = "c", .prompt = random_text(30), .answer = random_text(300),
                            .key_points = {random_text(20)}, .tags = {random_text(8)}});
    const SearchIndex index(bank);
    for (int q = 0; q < 10; ++q) {
      const std::string query = random_text(6);
      INFO(query);
      for (const SearchHit& hit : index.search(query)) {
        CHECK(hit.card < bank.cards.size());
        CHECK(hit.highlight_offset + hit.highlight_length <= hit.snippet.size());
      }
    }
  }
}

TEST_CASE("search: a snippet that starts one byte into its text is marked as cut") {
  Bank bank;
  bank.topics = {{"misc", "Misc"}};
  // "zebra" starts at byte 21: the snippet starts 20 bytes before it, at byte 1, with no space
  // in between to move to.
  bank.cards = {{.id = "cut", .topic = "misc", .prompt = "Which animal?", .answer = "x(yyyyyyyyyyyyyyyyyy)zebra stripes."}};
  const std::vector<SearchHit> hits = SearchIndex(bank).search("zebra");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].snippet == "…(yyyyyyyyyyyyyyyyyy)zebra stripes.");
  CHECK(highlighted(hits[0]) == "zebra");
}
