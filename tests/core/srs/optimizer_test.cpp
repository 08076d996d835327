#include "core/srs/optimizer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/random.h"
#include "core/srs/scheduler.h"
#include "tests/core/sample_bank.h"

using namespace pyprep;
using namespace pyprep::optimizer;
using pyprep::test::T0;

namespace {

// A learner whose memory follows FSRS-6 with parameters `truth`: each card is first seen on a
// random day, answered again the same day after an Again, then reviewed when the scheduler's
// interval (from 0.3 to 3 times it, so that R varies widely) says; recall happens with probability R under `truth`.
std::vector<RatedReview> synthetic_log(const fsrs::Parameters& truth, int cards,
                                        int reviews_per_card, std::uint64_t seed) {
  SplitMix64 random(seed);
  std::vector<RatedReview> log;
  for (int c = 0; c < cards; ++c) {
    const std::string id = "card-" + std::to_string(c);
    std::int64_t at = T0 + std::int64_t(random.uniform() * 60) * kDayMs + 9 * 3'600'000;
    const double u = random.uniform();
    fsrs::Rating rating = u < 0.3   ? fsrs::Rating::Again
                          : u < 0.4 ? fsrs::Rating::Hard
                          : u < 0.9 ? fsrs::Rating::Good
                                    : fsrs::Rating::Easy;
    fsrs::MemoryState m = fsrs::initial_state(rating, truth);
    log.push_back({id, at, int(rating)});
    if (rating == fsrs::Rating::Again) {  // a learning step ten minutes later
      at += 10 * kMinuteMs;
      m = fsrs::next_state(m, 0, fsrs::Rating::Good, truth);
      log.push_back({id, at, 3});
    }
    for (int r = 1; r < reviews_per_card; ++r) {
      const double ideal = fsrs::interval_days(m.stability, 0.9, truth);
      const int days = std::max(1, int(std::lround(ideal * (0.3 + 2.7 * random.uniform()))));
      at += days * kDayMs;
      const double recall = fsrs::retrievability(days, m.stability, truth);
      const double v = random.uniform();
      rating = v >= recall          ? fsrs::Rating::Again
               : v < recall * 0.15 ? fsrs::Rating::Hard
               : v > recall * 0.9  ? fsrs::Rating::Easy
                                   : fsrs::Rating::Good;
      m = fsrs::next_state(m, days, rating, truth);
      log.push_back({id, at, int(rating)});
      if (rating == fsrs::Rating::Again) {
        at += 10 * kMinuteMs;
        m = fsrs::next_state(m, 0, fsrs::Rating::Good, truth);
        log.push_back({id, at, 3});
      }
    }
  }
  return log;
}

// Parameters of a learner who forgets more slowly and more steeply than the defaults.
fsrs::Parameters truth() {
  fsrs::Parameters w = fsrs::kDefaultParameters;
  w[0] = 0.8;
  w[2] = 4.0;
  w[8] = 1.4;
  w[9] = 0.3;
  w[10] = 1.2;
  w[11] = 1.0;
  w[20] = 0.45;
  return w;
}

// Distance in units of the L2 pull's σ.
double distance(const fsrs::Parameters& a, const fsrs::Parameters& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double z = (a[i] - b[i]) / kPullSigma[i];
    sum += z * z;
  }
  return std::sqrt(sum);
}

std::vector<std::size_t> all_cards(const TrainingData& data) {
  std::vector<std::size_t> cards(data.cards.size());
  for (std::size_t i = 0; i < cards.size(); ++i) cards[i] = i;
  return cards;
}

}  // namespace

TEST_CASE("training data: per card in time order; only reviews a whole day or more apart are scored") {
  const std::vector<RatedReview> log = {
      {"b", T0 + 3 * kDayMs, 3},                  // b's second review
      {"a", T0, 1},                               // a: first
      {"a", T0 + 10 * kMinuteMs, 3},              // same day: not scored
      {"a", T0 + kDayMs + 10 * kMinuteMs, 3},     // 1 whole day after the previous: scored
      {"b", T0, 3},                               // b: first
      {"a", T0 + 2 * kDayMs, 1},                  // 0.99 days later: not scored
      {"a", T0 + 2 * kDayMs + 5 * kMinuteMs, 7},  // not a rating: skipped
  };
  const TrainingData data = training_data(log);
  REQUIRE(data.cards.size() == 2);
  const CardSequence& a = data.cards[1].reviews.size() == 4 ? data.cards[1] : data.cards[0];
  const CardSequence& b = &a == &data.cards[0] ? data.cards[1] : data.cards[0];
  REQUIRE(a.reviews.size() == 4);
  CHECK(a.reviews[0].at_ms == T0);
  CHECK(!a.reviews[0].scored);
  CHECK(a.reviews[1].elapsed_days == 0);
  CHECK(!a.reviews[1].scored);
  CHECK(a.reviews[2].elapsed_days == 1);
  CHECK(a.reviews[2].scored);
  CHECK(a.reviews[3].elapsed_days == 0);
  CHECK(!a.reviews[3].scored);
  REQUIRE(b.reviews.size() == 2);
  CHECK(b.reviews[1].elapsed_days == 3);
  CHECK(b.reviews[1].scored);
  CHECK(data.scored == 2);

  const TrainingData before = reviews_before(data, T0 + 2 * kDayMs);
  CHECK(before.scored == 1);
  CHECK(predict(data, fsrs::kDefaultParameters).size() == 2);
  CHECK(predict(data, fsrs::kDefaultParameters, T0 + 2 * kDayMs).size() == 1);
}

TEST_CASE("the gradient is exact: forward-mode derivatives match central finite differences") {
  const TrainingData data = training_data(synthetic_log(truth(), 60, 8, 7));
  const std::vector<double> weights = recency_weights(data);
  const std::vector<std::size_t> cards = all_cards(data);
  fsrs::Parameters anchor = fsrs::kDefaultParameters;
  anchor[3] = 6.0;
  const Objective objective_with_pull{&data, weights, anchor, 0.7};
  fsrs::Parameters w = fsrs::kDefaultParameters;
  w[7] = 0.02;  // off its lower bound so that both sides of the difference are defined
  w[20] = 0.3;

  fsrs::Parameters gradient{};
  const double loss = objective(objective_with_pull, cards, w, &gradient);
  CHECK(loss == doctest::Approx(objective(objective_with_pull, cards, w)).epsilon(1e-12));
  for (std::size_t i = 0; i < w.size(); ++i) {
    const double h = 1e-6 * std::max(1.0, std::abs(w[i]));
    fsrs::Parameters up = w;
    fsrs::Parameters down = w;
    up[i] += h;
    down[i] -= h;
    const double numeric =
        (objective(objective_with_pull, cards, up) - objective(objective_with_pull, cards, down)) /
        (2 * h);
    INFO("w" << i << ": forward mode " << gradient[i] << ", finite differences " << numeric);
    CHECK(std::abs(gradient[i] - numeric) <= 1e-5 * std::max(1.0, std::abs(numeric)));
  }
}

TEST_CASE("the L2 pull: zero at the anchor, scaled by the batch's share of scored reviews") {
  const TrainingData data = training_data(synthetic_log(truth(), 40, 6, 3));
  const std::vector<std::size_t> cards = all_cards(data);
  const std::vector<std::size_t> half(cards.begin(), cards.begin() + cards.size() / 2);
  fsrs::Parameters w = fsrs::kDefaultParameters;
  w[4] += kPullSigma[4];  // one σ away: penalty γ·share·1
  const double bce_all = objective({&data, {}, w, 0.0}, cards, w);
  const double with_pull = objective({&data, {}, fsrs::kDefaultParameters, 2.0}, cards, w);
  CHECK(with_pull - bce_all == doctest::Approx(2.0));
  double half_scored = 0;
  for (const std::size_t i : half) half_scored += double(data.cards[i].scored);
  const double bce_half = objective({&data, {}, w, 0.0}, half, w);
  const double half_pull = objective({&data, {}, fsrs::kDefaultParameters, 2.0}, half, w);
  CHECK(half_pull - bce_half == doctest::Approx(2.0 * half_scored / double(data.scored)));
}

TEST_CASE("recency weights rise from 0.25 for the oldest scored review to 1 for the newest") {
  const TrainingData data = training_data(synthetic_log(truth(), 30, 5, 11));
  const std::vector<double> weights = recency_weights(data);
  REQUIRE(weights.size() == data.scored);
  std::int64_t oldest = INT64_MAX, newest = INT64_MIN;
  double at_oldest = 0, at_newest = 0;
  std::size_t k = 0;
  for (const CardSequence& card : data.cards) {
    for (const TrainingReview& review : card.reviews) {
      if (!review.scored) continue;
      if (review.at_ms < oldest) oldest = review.at_ms, at_oldest = weights[k];
      if (review.at_ms >= newest) newest = review.at_ms, at_newest = weights[k];
      ++k;
    }
  }
  CHECK(at_oldest == doctest::Approx(0.25));
  CHECK(at_newest == doctest::Approx(1.0));
}

TEST_CASE("clip keeps every parameter in its range, and so does every optimizer step") {
  fsrs::Parameters wild{};
  for (std::size_t i = 0; i < wild.size(); ++i) wild[i] = i % 2 == 0 ? -50.0 : 500.0;
  const fsrs::Parameters clipped = clip(wild);
  for (std::size_t i = 0; i < wild.size(); ++i) {
    CHECK(clipped[i] == (i % 2 == 0 ? kLowerBounds[i] : kUpperBounds[i]));
  }
  CHECK(kUpperBounds[20] == 0.8);
  CHECK(kLowerBounds[16] == 1.0);

  Options options;
  options.learning_rate = 3.0;  // large steps push parameters against their bounds
  options.epochs = 2;
  Optimizer optimizer(training_data(synthetic_log(truth(), 150, 6, 5)), fsrs::kDefaultParameters,
                      options);
  REQUIRE(optimizer.total_steps() > 0);
  int at_a_bound = 0;
  while (!optimizer.run(1)) {
    const fsrs::Parameters& w = optimizer.current();
    for (std::size_t i = 0; i < w.size(); ++i) {
      REQUIRE(w[i] >= kLowerBounds[i]);
      REQUIRE(w[i] <= kUpperBounds[i]);
      at_a_bound += w[i] == kLowerBounds[i] || w[i] == kUpperBounds[i] ? 1 : 0;
    }
  }
  CHECK(at_a_bound > 0);
}

TEST_CASE("pre-training: w0-w3 from first-review outcomes, rising with the grade, gaps filled") {
  // Cards first answered Again or Good only; Good cards remembered better.
  std::vector<RatedReview> log;
  SplitMix64 random(99);
  for (int c = 0; c < 400; ++c) {
    const std::string id = "c" + std::to_string(c);
    const bool good = c % 2 == 0;
    const int gap = 1 + c % 4;
    log.push_back({id, T0, good ? 3 : 1});
    const double recall = fsrs::retrievability(gap, good ? 5.0 : 0.5, fsrs::kDefaultParameters);
    log.push_back({id, T0 + gap * kDayMs, random.uniform() < recall ? 3 : 1});
  }
  const fsrs::Parameters w = pretrain(training_data(log), fsrs::kDefaultParameters);
  CHECK(w[0] == doctest::Approx(0.5).epsilon(0.4));
  CHECK(w[2] == doctest::Approx(5.0).epsilon(0.4));
  CHECK(w[0] < w[1]);  // Hard: no data, interpolated between Again and Good
  CHECK(w[1] < w[2]);
  CHECK(w[2] < w[3]);  // Easy: no data, extrapolated along the defaults' shape
  for (std::size_t i = 4; i < w.size(); ++i) CHECK(w[i] == fsrs::kDefaultParameters[i]);

  // Contradictory data (Easy remembered worse than Good) is made to rise with the grade.
  std::vector<RatedReview> odd;
  for (int c = 0; c < 400; ++c) {
    const std::string id = "d" + std::to_string(c);
    const bool easy = c % 2 == 0;
    odd.push_back({id, T0, easy ? 4 : 3});
    const double recall = fsrs::retrievability(3, easy ? 1.0 : 8.0, fsrs::kDefaultParameters);
    odd.push_back({id, T0 + 3 * kDayMs, random.uniform() < recall ? 3 : 1});
  }
  const fsrs::Parameters v = pretrain(training_data(odd), fsrs::kDefaultParameters);
  CHECK(v[0] <= v[1]);
  CHECK(v[1] <= v[2]);
  CHECK(v[2] <= v[3]);
}

TEST_CASE("fitting a log generated from known parameters lowers the loss and moves toward them") {
  const fsrs::Parameters target = truth();
  const TrainingData data = training_data(synthetic_log(target, 500, 10, 2024));
  REQUIRE(data.scored > 3000);
  const Fit fit = optimizer::fit(data);
  CHECK(fit.optimized);
  CHECK(fit.log_loss_after < fit.log_loss_before);
  const std::vector<double> none;
  const double before = objective({&data, none, fsrs::kDefaultParameters, 0.0}, all_cards(data),
                                  fsrs::kDefaultParameters);
  const double after = objective({&data, none, fsrs::kDefaultParameters, 0.0}, all_cards(data),
                                 fit.parameters);
  const double best = objective({&data, none, fsrs::kDefaultParameters, 0.0}, all_cards(data), target);
  CHECK(after < before);
  // Most of the way from the defaults' loss to the loss of the parameters that made the data.
  CHECK(after - best < 0.25 * (before - best));
  INFO("distance to the truth: defaults " << distance(fsrs::kDefaultParameters, target)
                                          << ", fitted " << distance(fit.parameters, target));
  CHECK(distance(fit.parameters, target) < distance(fsrs::kDefaultParameters, target));
  for (const std::size_t i : {0, 2, 9, 20}) {  // the clearest in this data
    CHECK(std::abs(fit.parameters[i] - target[i]) < std::abs(fsrs::kDefaultParameters[i] - target[i]));
  }
  CHECK(fsrs::check_parameters(fit.parameters).ok());
  CHECK(fit.scored_reviews == data.scored);
  CHECK(fit.log_loss_after < fit.log_loss_before);
}

TEST_CASE("the fit is deterministic for a seed") {
  const TrainingData data = training_data(synthetic_log(truth(), 120, 8, 1));
  Options options;
  options.epochs = 3;
  const Fit a = fit(data, fsrs::kDefaultParameters, options);
  const Fit b = fit(data, fsrs::kDefaultParameters, options);
  CHECK(a.parameters == b.parameters);
  options.seed = 7;
  const Fit c = fit(data, fsrs::kDefaultParameters, options);
  CHECK(c.parameters != a.parameters);
}

TEST_CASE("the fit runs in slices: stopping and resuming gives the same result as running at once") {
  const TrainingData data = training_data(synthetic_log(truth(), 120, 8, 1));
  Options options;
  options.epochs = 3;
  Optimizer at_once(data, fsrs::kDefaultParameters, options);
  Optimizer in_slices(data, fsrs::kDefaultParameters, options);
  REQUIRE(at_once.total_steps() > 3);
  CHECK(at_once.run(at_once.total_steps()));
  int slices = 0;
  while (!in_slices.run(2)) ++slices;
  CHECK(slices > 1);
  CHECK(in_slices.steps_done() == at_once.steps_done());
  CHECK(in_slices.result().parameters == at_once.result().parameters);

  // Stopped through the callback: the starting parameters are kept, with the reason.
  Optimizer unfinished(data, fsrs::kDefaultParameters, options);
  unfinished.run(1);
  CHECK(!unfinished.done());
  CHECK(!unfinished.result().optimized);
  const Fit stopped = fit(data, fsrs::kDefaultParameters, options,
                          [](std::size_t done, std::size_t) { return done < 3; });
  CHECK(!stopped.optimized);
  CHECK(stopped.steps == 3);
  CHECK(stopped.parameters == fsrs::kDefaultParameters);
  CHECK(stopped.note.find("stopped after 3 of") != std::string::npos);
}

TEST_CASE("too little data keeps the starting parameters and says why") {
  const TrainingData data = training_data(synthetic_log(truth(), 20, 6, 4));
  REQUIRE(data.scored < 400);
  fsrs::Parameters start = fsrs::kDefaultParameters;
  start[8] = 1.5;
  Optimizer optimizer(data, start);
  CHECK(optimizer.done());
  CHECK(optimizer.total_steps() == 0);
  const Fit fit = optimizer.result();
  CHECK(!fit.optimized);
  CHECK(fit.parameters == start);
  CHECK(fit.scored_reviews == data.scored);
  CHECK(fit.note.find("at least 400") != std::string::npos);
  CHECK(!optimizer::fit(TrainingData{}).optimized);
}
