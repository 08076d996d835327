#include <doctest/doctest.h>

#include <string>

#include "core/bank/bank_pack.h"
#include "ui/platform/bank_dir.h"

using namespace pyprep;

namespace {

// Every field set to something other than its default, so a field the pack drops shows.
LoadedBank every_field() {
  LoadedBank loaded;
  loaded.bank.topics = {{"dsa", "Data structures"}, {"web", "Web — HTTP"}};
  Card concept_card{.id = "http-verbs", .topic = "web", .level = Level::Senior, .kind = Kind::Concept,
                    .prompt = "Which verbs are idempotent?", .short_answer = "GET, PUT, DELETE.",
                    .answer = "**Idempotent**: repeating it changes nothing more.\n\n- GET\n- PUT",
                    .key_points = {"PUT replaces", "POST creates"},
                    .key_point_matches = {{.groups = {{"put", "replace*"}, {"same result"}}, .wrong = {"post idempotent"}},
                                          {}},
                    .sources = {"https://www.rfc-editor.org/rfc/rfc9110"}, .tags = {"http", "rest"}};
  CodeTask code{.task = "Write `two_sum(nums, target)`.", .names = {"two_sum"},
                .starter = "def two_sum(nums, target):\n    ...\n", .solution = "def two_sum(nums, target):\n    seen = {}\n",
                .cases = {{"finds a pair", "assert two_sum([2, 7], 9) == (0, 1)"}, {"none", "assert two_sum([], 1) is None"}},
                .scale = ScaleInput{"nums = list(range(n))", "two_sum(nums, -1)"},
                .complexity = "O(n) time, O(n) space", .alternatives = "Sort and use two pointers.",
                .runnable = false, .why_not_runnable = "needs a network", .not_on_phone = "uses threads"};
  Card code_card{.id = "two-sum", .topic = "dsa", .level = Level::Junior, .kind = Kind::Code,
                 .prompt = "Two sum", .answer = "Use a dict.", .code = code};
  loaded.bank.cards = {concept_card, code_card};
  loaded.problems = {{"web.json", "bad-card", 3, "level", 0, 0, "unknown level \"expert\""},
                     {"dsa.json", "", 0, "", 12, 7, "invalid JSON: unexpected end"}};
  return loaded;
}

// Packs and unpacks `loaded`, checking that nothing changed on the way.
void check_round_trip(const LoadedBank& loaded) {
  const Result<LoadedBank> unpacked = unpack_bank(pack_bank(loaded));
  REQUIRE(unpacked.ok());
  CHECK(unpacked->bank.topics == loaded.bank.topics);
  CHECK(unpacked->bank.cards == loaded.bank.cards);
  CHECK(unpacked->problems == loaded.problems);
}

}  // namespace

TEST_CASE("a packed bank unpacks to the same topics, cards, code tasks and problems") {
  check_round_trip(every_field());
}

TEST_CASE("the shipped bank survives packing unchanged") {
  const LoadedBank loaded = load_bank_dir(PYPREP_SOURCE_DIR "/assets/bank");
  REQUIRE(loaded.bank.cards.size() > 300);
  check_round_trip(loaded);
}

TEST_CASE("the pack is a version line, then varint counts and length-prefixed strings") {
  LoadedBank loaded;
  loaded.bank.topics = {{"dsa", "DSA"}};
  CHECK(pack_bank(loaded) == std::string("PYPREP-BANK-1\n\x01\x03" "dsa\x03" "DSA\x00\x00", 25));
  Topic long_title{"t", std::string(200, 'x')};
  loaded.bank.topics = {long_title};
  // 200 = 0b1'1001000: low seven bits first with the continuation bit, then 1.
  CHECK(pack_bank(loaded).substr(14, 5) == std::string("\x01\x01t\xC8\x01", 5));
}

TEST_CASE("a truncated pack, one with bytes after it, or another version is refused with a reason") {
  const std::string packed = pack_bank(every_field());
  for (std::size_t size = 0; size < packed.size(); ++size) {
    const Result<LoadedBank> cut = unpack_bank(std::string_view(packed).substr(0, size));
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().reason.starts_with("the packed bank is unreadable: "));
  }
  CHECK(unpack_bank(packed + "x").error().reason == "the packed bank is unreadable: it has bytes after the bank");
  std::string other = packed;
  other[12] = '2';
  CHECK(unpack_bank(other).error().reason ==
        "the packed bank is unreadable: it is not a packed bank of this version");
}

TEST_CASE("an altered pack is refused with a reason or read whole, never past its end") {
  const std::string packed = pack_bank(every_field());
  for (std::size_t at = 0; at < packed.size(); ++at) {
    for (const unsigned char flip : {0x01, 0x80, 0xFF}) {
      std::string altered = packed;
      altered[at] = static_cast<char>(static_cast<unsigned char>(altered[at]) ^ flip);
      const Result<LoadedBank> read = unpack_bank(altered);
      if (read.ok()) {
        // Every byte was read into the bank (packing writes the shortest form of each number).
        CHECK(pack_bank(*read).size() <= altered.size());
      } else {
        CHECK(read.error().reason.starts_with("the packed bank is unreadable: "));
      }
    }
  }
}

TEST_CASE("a level or kind out of range is refused") {
  LoadedBank loaded;
  loaded.bank.topics = {{"t", "T"}};
  loaded.bank.cards = {Card{.id = "c", .topic = "t", .level = Level::Senior}};
  std::string packed = pack_bank(loaded);
  const std::size_t level_at = std::string_view(packed).rfind("\x01t") + 2;  // after the card's topic "t"
  REQUIRE(packed[level_at] == '\x03');
  packed[level_at] = '\x04';
  CHECK(unpack_bank(packed).error().reason == "the packed bank is unreadable: a level or kind is out of range");
}
