#pragma once
// Fits the 21 FSRS-6 parameters to the user's own review log, on the device.
//
// Training data: per card, its reviews in time order; every review ≥ 1 whole day after the card's
// previous one is scored (predicted R(t, S) against "rating > Again"); same-day reviews update the
// state with the short-term formula but are not scored. The loss is the binary cross-entropy
// summed over a batch (optionally recency-weighted), plus an L2 pull γ·share·Σ((w − w_start)/σ)²
// toward the starting parameters, share = the batch's part of all scored reviews. Gradients are
// exact: the same fsrs:: formula templates the scheduler uses, evaluated on forward-mode dual
// numbers. Adam with a cosine-annealed learning rate; every parameter is clipped to its range after
// each step; w0–w3 are first pre-fitted from first-review outcomes. Deterministic for a given seed,
// and run in slices (Optimizer::run) so the UI can spread it over frames.
//
// Files: training_sequences.cpp builds the data, loss.h the loss on dual.h's dual numbers,
// pretrain.cpp the first fit of w0–w3, optimizer.cpp the objective, clipping and Adam.
//
// Typical use (the App's; core/study/training_data.h builds the data from the collection):
//   optimizer::Optimizer opt(training_data(collection), settings.scheduling.parameters);
//   each frame: if (opt.run(4)) { const Fit fit = opt.result(); ... }
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "core/srs/evaluation.h"
#include "core/srs/fsrs.h"

namespace pyprep::optimizer {

// --- training data ----------------------------------------------------------------------------

struct TrainingReview {
  std::int64_t at_ms = 0;
  int elapsed_days = 0;  // whole days since the card's previous review; 0 for the first review
  fsrs::Rating rating = fsrs::Rating::Good;
  bool scored = false;  // not the first review of the sequence, and elapsed_days ≥ 1
};

// The reviews of one card since it was (last) new, oldest first.
struct CardSequence {
  std::vector<TrainingReview> reviews;
  std::size_t scored = 0;        // its scored reviews
  std::size_t first_scored = 0;  // how many scored reviews the cards before it have
};

struct TrainingData {
  std::vector<CardSequence> cards;
  std::size_t scored = 0;  // scored reviews over all cards
};

// One review: which card, when, how it was rated (the optimizer's input item).
struct RatedReview {
  std::string card_id;
  std::int64_t at_ms = 0;
  int rating = 0;  // reviews with a rating outside 1–4 are skipped
};

// From any list of reviews (any order; each card's reviews are sorted by time).
TrainingData training_data(std::span<const RatedReview> reviews);
// From sequences already split and in time order (only their reviews' times and ratings are read).
TrainingData training_data(std::vector<CardSequence> sequences);
// Only the reviews before `cutoff_ms` (for a split by time).
TrainingData reviews_before(const TrainingData& data, std::int64_t cutoff_ms);

// Replays every sequence with `w` and predicts each scored review at or after `from_ms`
// (the evaluation protocol of core/srs/evaluation.h).
std::vector<evaluation::Prediction> predict(const TrainingData& data, const fsrs::Parameters& w,
                                            std::int64_t from_ms = std::numeric_limits<std::int64_t>::min());

// --- the pieces of the fit (public for tests and benchmarks) -----------------------------------

// Ranges every parameter is clipped to after each step.
extern const fsrs::Parameters kLowerBounds;
extern const fsrs::Parameters kUpperBounds;
// σ of the L2 pull toward the starting parameters.
extern const fsrs::Parameters kPullSigma;
fsrs::Parameters clip(fsrs::Parameters w);

// The loss over the cards `cards` (indices into data.cards): Σ weight·BCE over their scored
// reviews, plus gamma·share·Σ((w − anchor)/σ)² with share = their scored reviews / data.scored.
// `weights` is one weight per scored review in the order they appear in data (card by card), or
// empty for all 1. When `gradient` is given, it receives the exact gradient.
struct Objective {
  const TrainingData* data = nullptr;
  std::span<const double> weights;  // per scored review, card by card; empty: all 1
  fsrs::Parameters anchor = fsrs::kDefaultParameters;
  double gamma = 0.0;
};
double objective(const Objective& objective, std::span<const std::size_t> cards,
                 const fsrs::Parameters& w, fsrs::Parameters* gradient = nullptr);

// Recency weights 0.25 + 0.75·(rank/(n−1))³, rank = the scored review's position by time among
// all n scored reviews; in the order objective() expects.
std::vector<double> recency_weights(const TrainingData& data);

// w0–w3 fitted to the first scored review of each card, grouped by first rating and gap (the
// recall rate per group, smoothed toward the average), then forced to rise with the grade and
// missing grades interpolated in log space along the start's shape. The other parameters are
// `start`'s. Unchanged when no card has a scored review.
fsrs::Parameters pretrain(const TrainingData& data, const fsrs::Parameters& start);

// --- the fit ------------------------------------------------------------------------------------

struct Options {
  int epochs = 20;
  std::size_t batch_size = 256;  // scored reviews per Adam step (whole cards per batch)
  double learning_rate = 0.04;   // cosine-annealed to 0 over all steps
  double gamma = 1.0;            // strength of the pull toward the starting parameters
  bool recency_weighting = true;
  bool pretrain = true;
  std::uint64_t seed = 2023;
  std::size_t min_scored_reviews = 400;  // fewer: keep the starting parameters
};

struct Fit {
  fsrs::Parameters parameters = fsrs::kDefaultParameters;
  bool optimized = false;  // false: `parameters` are the starting ones and `note` says why
  std::string note;
  std::size_t scored_reviews = 0;
  std::size_t steps = 0;
  // Mean log loss on the training data (unweighted), before and after: what the UI shows.
  double log_loss_before = 0.0;
  double log_loss_after = 0.0;
};

class Optimizer {
 public:
  Optimizer(TrainingData data, const fsrs::Parameters& start = fsrs::kDefaultParameters,
            Options options = {});

  // Runs up to `max_steps` more Adam steps (0 runs none) and returns done(). Running in slices
  // gives exactly the result of running at once.
  bool run(std::size_t max_steps);
  bool done() const { return step_ >= total_steps_; }
  std::size_t steps_done() const { return step_; }
  std::size_t total_steps() const { return total_steps_; }
  // The parameters after the steps so far.
  const fsrs::Parameters& current() const { return w_; }
  // The outcome: once done() the fitted parameters (or the start and why); before, the start
  // and a note that the fit is unfinished.
  Fit result() const;

 private:
  void end_epoch();

  TrainingData data_;
  Options options_;
  fsrs::Parameters start_;   // as given
  fsrs::Parameters anchor_;  // start_ with pre-trained w0–w3: the L2 pull's centre
  std::vector<double> weights_;
  std::vector<std::size_t> trainable_;             // the cards with a scored review
  std::vector<std::vector<std::size_t>> batches_;  // every step's cards, all epochs
  std::vector<std::size_t> epoch_ends_;            // step counts at which an epoch ends
  std::size_t steps_per_epoch_ = 0;
  std::size_t total_steps_ = 0;
  std::size_t step_ = 0;
  std::string too_little_;  // non-empty: nothing to fit, why
  fsrs::Parameters w_{};
  fsrs::Parameters m_{};  // Adam moments
  fsrs::Parameters v_{};
  fsrs::Parameters best_{};
  double best_loss_ = 0.0;
};

// Runs an Optimizer to the end. `keep_going(steps_done, total_steps)` is asked before every step;
// returning false stops the fit, which then keeps the starting parameters and says so.
Fit fit(TrainingData data, const fsrs::Parameters& start = fsrs::kDefaultParameters,
        const Options& options = {},
        const std::function<bool(std::size_t, std::size_t)>& keep_going = {});

}  // namespace pyprep::optimizer
