#include "ui/platform/record_block.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pyprep;

namespace {
std::string framed(const std::string& record) {
  const auto n = static_cast<std::uint32_t>(record.size());
  return std::string{static_cast<char>(n & 0xFF), static_cast<char>(n >> 8 & 0xFF), static_cast<char>(n >> 16 & 0xFF),
                     static_cast<char>(n >> 24)} + record;
}
}  // namespace

TEST_CASE("records_from_block splits length-prefixed records, empty and binary ones included") {
  const std::string nul("a\0b", 3);
  const std::string long_one(70'000, 'x');  // a length over 16 bits
  const std::string block = framed(R"({"id":1})") + framed("") + framed(nul) + framed("é ✓") + framed(long_one);
  const Result<std::vector<std::string>> records = records_from_block(block);
  REQUIRE(records.ok());
  CHECK(*records == std::vector<std::string>{R"({"id":1})", "", nul, "é ✓", long_one});
  CHECK(records_from_block("")->empty());
}

TEST_CASE("records_from_block refuses a block cut inside a length or a record") {
  const std::string block = framed("hello") + framed("world");
  for (std::size_t size = 1; size < block.size(); ++size) {
    if (size == framed("hello").size()) continue;  // a whole first record is a valid block
    const Result<std::vector<std::string>> cut = records_from_block(std::string_view(block).substr(0, size));
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().reason == "the browser handed over a broken list of records");
  }
}
