#include "core/srs/fsrs.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>


using namespace pyprep;
using namespace pyprep::fsrs;

namespace {
const Parameters& w = kDefaultParameters;
// Full-precision expectations come from a separate implementation of the FSRS-6 formulas in
// double precision, fsrs6_reference.py (they agree with the 4-place references); a drift
// of 1e-12 fails.
doctest::Approx near(double expected) { return doctest::Approx(expected).epsilon(1e-12); }
const MemoryState kFirstGood{2.3065, 2.1181};  // the state after a first Good
}  // namespace

TEST_CASE("the default parameters pass the parameter check") {
  CHECK(check_parameters(w).ok());
}

TEST_CASE("first Good review gives S 2.3065 and D 2.1181") {
  const MemoryState m = initial_state(Rating::Good, w);
  CHECK(m.stability == 2.3065);
  CHECK(m.difficulty == near(2.118103970459015));
}

TEST_CASE("first review: S0 is w[G-1] and D0 = w4 - e^(w5(G-1)) + 1 clamped to [1, 10]") {
  CHECK(initial_state(Rating::Again, w) == MemoryState{0.212, 6.4133});
  CHECK(initial_state(Rating::Hard, w).stability == 1.2931);
  CHECK(initial_state(Rating::Hard, w).difficulty == near(5.112170705601055));
  CHECK(initial_state(Rating::Easy, w).stability == 8.2956);
  CHECK(initial_state(Rating::Easy, w).difficulty == 1.0);  // -4.7716 clamped
  CHECK(initial_difficulty(Rating::Easy, w) == near(-4.771630703161737));  // unclamped for mean reversion
}

TEST_CASE("retrievability two days after a first Good is 0.9095") {
  CHECK(retrievability(2, 2.3065, w) == near(0.9094932559773545));
}

TEST_CASE("retrievability is 0.9 after S days and 1 at no elapsed time") {
  CHECK(retrievability(7.5, 7.5, w) == doctest::Approx(0.9));
  CHECK(retrievability(0, 3, w) == 1.0);
}

TEST_CASE("review 2 days after a first Good: the issue's four reference states") {
  const MemoryState again = next_state(kFirstGood, 2, Rating::Again, w);
  const MemoryState hard = next_state(kFirstGood, 2, Rating::Hard, w);
  const MemoryState good = next_state(kFirstGood, 2, Rating::Good, w);
  const MemoryState easy = next_state(kFirstGood, 2, Rating::Easy, w);
  CHECK(again.stability == near(0.6075801761822983));
  CHECK(again.difficulty == near(7.394501436216839));
  CHECK(hard.stability == near(7.513322694358704));
  CHECK(hard.difficulty == near(4.752855852756839));
  CHECK(good.stability == near(10.9643362061169));
  CHECK(good.difficulty == near(2.1112102692968384));
  CHECK(easy.stability == near(18.521761430436346));
  CHECK(easy.difficulty == 1.0);
}

TEST_CASE("a lapse never leaves S above S / e^(w17*w18)") {
  // S 0.1, D 1, 30 days: the long-term lapse formula gives 0.0986, the cap 0.1 / 1.0507.
  const MemoryState m = next_state({0.1, 1.0}, 30, Rating::Again, w);
  CHECK(m.stability == near(0.09517279993343508));
}

TEST_CASE("same-day review uses SInc = e^(w17(G-3+w18)) S^-w19") {
  // From S 2.3065: SInc(Again) 0.3360, SInc(Good) 0.9945 (kept at 1), SInc(Easy) 1.7108.
  CHECK(next_state(kFirstGood, 0, Rating::Again, w).stability == near(0.7750839828558983));
  CHECK(next_state(kFirstGood, 0, Rating::Hard, w).stability == 2.3065);
  CHECK(next_state(kFirstGood, 0, Rating::Good, w).stability == 2.3065);
  CHECK(next_state(kFirstGood, 0, Rating::Easy, w).stability == near(3.9460540679694778));
  // Difficulty is updated on same-day reviews too.
  CHECK(next_state(kFirstGood, 0, Rating::Again, w).difficulty == near(7.394501436216839));
}

TEST_CASE("next_states gives every rating exactly next_state's state, same day, lapse and recall") {
  const Parameters tuned = {0.4, 0.9, 3.1, 12.0, 5.9, 1.1, 2.2, 0.02, 1.5, 0.2, 0.9,
                            1.9, 0.09, 0.31, 1.2, 0.4, 2.4, 0.61, 0.12, 0.09, 0.3};
  for (const Parameters& params : {w, tuned}) {
    for (const MemoryState state : {kFirstGood, MemoryState{0.1, 1.0}, MemoryState{250.0, 9.7}, MemoryState{36500.0, 5.0}}) {
      for (const int days : {-1, 0, 1, 2, 30, 4000}) {
        const std::array<MemoryState, 4> all = next_states(state, days, params);
        for (const Rating rating : kRatings) {
          CHECK(all[static_cast<int>(rating) - 1] == next_state(state, days, rating, params));
        }
      }
    }
  }
}

TEST_CASE("stability is clamped to [0.001, 36500] and difficulty to [1, 10]") {
  CHECK(next_state({0.001, 10.0}, 0, Rating::Again, w).stability == kMinStability);
  CHECK(next_state({36000.0, 1.0}, 3000, Rating::Easy, w).stability == kMaxStability);
  Parameters hard_start = w;
  hard_start[4] = 12.0;  // D0(Again) = 12
  CHECK(initial_state(Rating::Again, hard_start).difficulty == kMaxDifficulty);
  // With the defaults, mean reversion keeps repeated Agains just under 10.
  MemoryState m = initial_state(Rating::Again, w);
  for (int i = 0; i < 50; ++i) m = next_state(m, 0, Rating::Again, w);
  CHECK(m.difficulty <= kMaxDifficulty);
  CHECK(m.difficulty > 9.9);
  CHECK(next_state({5.0, 1.0}, 3, Rating::Easy, w).difficulty == kMinDifficulty);
}

TEST_CASE("interval for S = 1 at r = 0.1 ... 1.0 matches the issue (double precision)") {
  const int expected[] = {3116769, 34793, 2508, 387, 90, 27, 9, 3, 1, 1};
  const int no_cap = std::numeric_limits<int>::max();
  for (int i = 0; i < 10; ++i) {
    const double r = (i + 1) / 10.0;
    CAPTURE(r);
    CHECK(rounded_interval_days(interval_days(1.0, r, w), no_cap) == expected[i]);
  }
}

TEST_CASE("interval equals S at 90% retention and is capped by the maximum interval") {
  CHECK(interval_days(10.9643, 0.9, w) == doctest::Approx(10.9643));
  CHECK(rounded_interval_days(interval_days(1.0, 0.1, w), 36500) == 36500);
  CHECK(rounded_interval_days(0.2, 36500) == 1);
  CHECK(rounded_interval_days(2.5, 36500) == 3);
}

TEST_CASE("fuzz range: delta = 1 + 0.15 over [2.5,7) + 0.10 over [7,20) + 0.05 beyond") {
  CHECK(fuzz_range(3.0, 36500) == FuzzRange{2, 4});     // delta 1.075
  CHECK(fuzz_range(10.0, 36500) == FuzzRange{8, 12});   // delta 1.975
  CHECK(fuzz_range(100.0, 36500) == FuzzRange{93, 107});  // delta 6.975
  CHECK(fuzz_range(100.0, 105) == FuzzRange{93, 105});  // the maximum still applies
}

TEST_CASE("fuzzed interval is picked from the range by the fraction; under 2.5 days only rounded") {
  CHECK(fuzzed_interval_days(10.0, 36500, 0.0) == 8);
  CHECK(fuzzed_interval_days(10.0, 36500, 0.5) == 10);
  CHECK(fuzzed_interval_days(10.0, 36500, 0.9999) == 12);
  CHECK(fuzzed_interval_days(2.4, 36500, 0.0) == 2);
  CHECK(fuzzed_interval_days(2.4, 36500, 0.9999) == 2);
}

TEST_CASE("fuzz fraction is deterministic per card and review count, in [0, 1), and spread") {
  CHECK(fuzz_fraction("py-list-001", 3) == fuzz_fraction("py-list-001", 3));
  CHECK(fuzz_fraction("py-list-001", 3) != fuzz_fraction("py-list-001", 4));
  CHECK(fuzz_fraction("py-list-001", 3) != fuzz_fraction("py-list-002", 3));
  double sum = 0;
  int low = 0;
  int outside = 0;
  for (int i = 0; i < 2000; ++i) {
    const double f = fuzz_fraction("card-" + std::to_string(i), 5);
    outside += f < 0.0 || f >= 1.0 ? 1 : 0;
    sum += f;
    low += f < 0.5 ? 1 : 0;
  }
  CHECK(outside == 0);
  CHECK(sum / 2000 == doctest::Approx(0.5).epsilon(0.05));
  CHECK(low == doctest::Approx(1000).epsilon(0.1));
}

TEST_CASE("check_parameters rejects non-finite values, non-positive S0 and decay") {
  Parameters bad = w;
  bad[9] = std::numeric_limits<double>::quiet_NaN();
  CHECK(check_parameters(bad).error().reason == "FSRS parameter w9 is not a finite number");
  bad = w;
  bad[2] = 0;
  CHECK(check_parameters(bad).error().reason == "FSRS initial stability w2 must be > 0");
  bad = w;
  bad[20] = 0;
  CHECK(check_parameters(bad).error().reason == "FSRS decay w20 must be > 0");
}
