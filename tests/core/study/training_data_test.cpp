#include "core/study/training_data.h"

#include <doctest/doctest.h>

#include "tests/core/sample_bank.h"

using namespace pyprep;
using pyprep::test::T0;

TEST_CASE("training data from a collection: undone reviews are gone and a reset starts a new sequence") {
  const Bank bank = test::sample_bank();
  Collection c(bank);
  std::uint64_t id = 0;
  const auto review = [&](std::int64_t at, const char* card, int rating) {
    REQUIRE(c.apply({++id, at, Review{card, rating, 5'000}}).ok());
  };
  review(T0, "b1", 3);
  review(T0 + 2 * kDayMs, "b1", 3);
  review(T0 + 5 * kDayMs, "b1", 1);
  REQUIRE(c.apply({++id, T0 + 5 * kDayMs + kMinuteMs, Undo{id - 1}}).ok());
  REQUIRE(c.apply({++id, T0 + 6 * kDayMs, ResetCard{"b1"}}).ok());
  review(T0 + 8 * kDayMs, "b1", 3);
  review(T0 + 9 * kDayMs, "b1", 3);
  review(T0 + 10 * kDayMs, "a1", 4);

  const optimizer::TrainingData data = training_data(c);
  REQUIRE(data.cards.size() == 3);
  CHECK(data.cards[0].reviews.size() == 2);  // b1 before the reset (the undone Again is gone)
  CHECK(data.cards[1].reviews.size() == 2);  // b1 after it
  CHECK(data.cards[1].reviews[0].at_ms == T0 + 8 * kDayMs);
  CHECK(data.cards[2].reviews.size() == 1);  // a1
  CHECK(data.scored == 2);
}
