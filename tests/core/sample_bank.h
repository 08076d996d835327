#pragma once
// A small bank for the core tests: two topics, five cards of mixed levels. In the default
// (interleaved) order the new cards come as b2, a1, b1, a2, b3 (indices 2, 1, 0, 3, 4).
#include <cstdint>

#include <doctest/doctest.h>

#include "core/bank/bank.h"
#include "core/log/collection.h"

namespace pyprep::test {

inline constexpr std::int64_t T0 = 1'700'000'000'000;  // 2023-11-14 22:13:20 UTC

inline Bank sample_bank() {
  Bank bank;
  bank.topics = {{"basics", "Basics"}, {"async", "Async"}};
  bank.cards = {{.id = "b1", .topic = "basics", .level = Level::Junior},
                {.id = "a1", .topic = "async", .level = Level::Beginner},
                {.id = "b2", .topic = "basics", .level = Level::Beginner},
                {.id = "a2", .topic = "async", .level = Level::Senior},
                {.id = "b3", .topic = "basics", .level = Level::Mid}};
  return bank;
}

// The sample bank's collection, fed events one at a time; each must apply.
struct SampleCollection {
  Bank bank = sample_bank();
  Collection collection{bank};
  std::uint64_t next_id = 1;

  void apply(std::int64_t at_ms, EventBody body) {
    REQUIRE(collection.apply({next_id++, at_ms, std::move(body)}).ok());
  }
  void answer(std::int64_t at_ms, const char* card, int rating) { apply(at_ms, Review{card, rating, 1'000}); }
  void settings(SettingsChange change, std::int64_t at_ms = 0) { apply(at_ms, ChangeSettings{std::move(change)}); }
};

}  // namespace pyprep::test
