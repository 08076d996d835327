#include "core/srs/optimizer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <utility>

#include "core/base/random.h"
#include "core/srs/dual.h"
#include "core/srs/loss.h"
#include "core/srs/pretrain.h"

namespace pyprep::optimizer {

using namespace detail;

// --- the pieces of the fit -------------------------------------------------------------------

const fsrs::Parameters kLowerBounds = {0.001, 0.001, 0.001, 0.001, 1.0,   0.001, 0.001,
                                       0.001, 0.0,   0.0,   0.001, 0.001, 0.001, 0.001,
                                       0.0,   0.0,   1.0,   0.0,   0.0,   0.0,   0.1};
const fsrs::Parameters kUpperBounds = {100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0,
                                       0.75,  4.5,   0.8,   3.5,   5.0,  0.25, 0.9,
                                       4.0,   1.0,   6.0,   2.0,   2.0,  0.8,  0.8};
const fsrs::Parameters kPullSigma = {6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6,
                                     0.12, 0.39, 0.18,  0.33,  0.3,  0.09, 0.16,
                                     0.57, 0.25, 1.03,  0.31,  0.32, 0.14, 0.27};

fsrs::Parameters clip(fsrs::Parameters w) {
  for (std::size_t i = 0; i < kN; ++i) w[i] = std::clamp(w[i], kLowerBounds[i], kUpperBounds[i]);
  return w;
}

double objective(const Objective& objective, std::span<const std::size_t> cards,
                 const fsrs::Parameters& w, fsrs::Parameters* gradient) {
  double scored = 0;
  for (const std::size_t index : cards) scored += double(objective.data->cards[index].scored);
  const double share = objective.data->scored > 0 ? scored / double(objective.data->scored) : 0.0;
  double penalty = 0;
  for (std::size_t i = 0; i < kN; ++i) {
    const double z = (w[i] - objective.anchor[i]) / kPullSigma[i];
    penalty += z * z;
  }
  penalty *= objective.gamma * share;

  if (gradient == nullptr) return batch_loss(objective, cards, w) + penalty;

  fsrs::BasicParameters<Dual> dw;
  for (std::size_t i = 0; i < kN; ++i) {
    dw[i] = Dual(w[i]);
    dw[i].d[i] = 1.0;
  }
  const Dual loss = batch_loss(objective, cards, dw);
  for (std::size_t i = 0; i < kN; ++i) {
    (*gradient)[i] = loss.d[i] + 2.0 * objective.gamma * share * (w[i] - objective.anchor[i]) /
                                     (kPullSigma[i] * kPullSigma[i]);
  }
  return loss.v + penalty;
}

std::vector<double> recency_weights(const TrainingData& data) {
  std::vector<std::int64_t> times;  // card by card, as objective() reads weights
  times.reserve(data.scored);
  for (const CardSequence& card : data.cards) {
    for (const TrainingReview& review : card.reviews) {
      if (review.scored) times.push_back(review.at_ms);
    }
  }
  std::vector<std::size_t> order(times.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return times[a] < times[b]; });
  std::vector<double> weights(times.size(), 1.0);
  const double last = std::max(double(times.size()) - 1.0, 1.0);
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    const double x = double(rank) / last;
    weights[order[rank]] = 0.25 + 0.75 * x * x * x;
  }
  return weights;
}

// --- the fit ------------------------------------------------------------------------------------

Optimizer::Optimizer(TrainingData data, const fsrs::Parameters& start, Options options)
    : data_(std::move(data)), options_(options), start_(start), anchor_(start), w_(start),
      best_(start) {
  if (data_.scored < std::max<std::size_t>(options_.min_scored_reviews, 1)) {
    too_little_ = "Only " + std::to_string(data_.scored) +
                  " reviews can be used to fit the schedule (a review counts when it comes a day or "
                  "more after the card's previous one); at least " +
                  std::to_string(options_.min_scored_reviews) +
                  " are needed.";
    return;
  }
  if (options_.pretrain) anchor_ = clip(pretrain(data_, start_));
  w_ = anchor_;
  if (options_.recency_weighting) weights_ = recency_weights(data_);

  std::vector<std::size_t> trainable;
  for (std::size_t i = 0; i < data_.cards.size(); ++i) {
    if (data_.cards[i].scored > 0) trainable.push_back(i);
  }
  SplitMix64 random(options_.seed);
  const std::size_t batch_size = std::max<std::size_t>(options_.batch_size, 1);
  for (int epoch = 0; epoch < options_.epochs; ++epoch) {
    for (std::size_t i = trainable.size(); i > 1; --i) {  // Fisher–Yates
      std::swap(trainable[i - 1], trainable[random.below(i)]);
    }
    std::vector<std::size_t> batch;
    std::size_t in_batch = 0;
    for (const std::size_t card : trainable) {
      batch.push_back(card);
      in_batch += data_.cards[card].scored;
      if (in_batch >= batch_size) {
        batches_.push_back(std::move(batch));
        batch.clear();
        in_batch = 0;
      }
    }
    if (!batch.empty()) batches_.push_back(std::move(batch));
    epoch_ends_.push_back(batches_.size());
  }
  total_steps_ = batches_.size();
  best_ = w_;
  best_loss_ = objective({&data_, weights_, anchor_, options_.gamma}, trainable, w_);
  trainable_ = std::move(trainable);
}

bool Optimizer::run(std::size_t max_steps) {
  constexpr double kBeta1 = 0.9;
  constexpr double kBeta2 = 0.999;
  constexpr double kEpsilon = 1e-8;
  const Objective objective_of_batch{&data_, weights_, anchor_, options_.gamma};
  for (std::size_t n = 0; n < max_steps && !done(); ++n) {
    fsrs::Parameters g{};
    objective(objective_of_batch, batches_[step_], w_, &g);
    const double lr = options_.learning_rate * 0.5 *
                      (1.0 + std::cos(std::numbers::pi * double(step_) / double(total_steps_)));
    const double t = double(step_ + 1);
    for (std::size_t i = 0; i < kN; ++i) {
      if (!std::isfinite(g[i])) g[i] = 0.0;
      m_[i] = kBeta1 * m_[i] + (1.0 - kBeta1) * g[i];
      v_[i] = kBeta2 * v_[i] + (1.0 - kBeta2) * g[i] * g[i];
      const double m_hat = m_[i] / (1.0 - std::pow(kBeta1, t));
      const double v_hat = v_[i] / (1.0 - std::pow(kBeta2, t));
      w_[i] -= lr * m_hat / (std::sqrt(v_hat) + kEpsilon);
    }
    w_ = clip(w_);
    ++step_;
    if (std::find(epoch_ends_.begin(), epoch_ends_.end(), step_) != epoch_ends_.end()) end_epoch();
  }
  return done();
}

// After each epoch the parameters are kept if they beat the best so far on the whole objective.
void Optimizer::end_epoch() {
  const double loss = objective({&data_, weights_, anchor_, options_.gamma}, trainable_, w_);
  if (std::isfinite(loss) && loss < best_loss_) {
    best_loss_ = loss;
    best_ = w_;
  }
}

Fit Optimizer::result() const {
  Fit fit;
  fit.parameters = start_;
  fit.scored_reviews = data_.scored;
  fit.steps = step_;
  const auto mean_log_loss = [&](const fsrs::Parameters& w) {
    return evaluation::log_loss(predict(data_, w));
  };
  fit.log_loss_before = fit.log_loss_after = mean_log_loss(start_);
  if (!too_little_.empty()) {
    fit.note = too_little_;
    return fit;
  }
  if (!done()) {
    fit.note = "The fit stopped after " + std::to_string(step_) + " of " +
               std::to_string(total_steps_) + " steps.";
    return fit;
  }
  fsrs::Parameters w = best_;
  // Training may leave w0–w3 out of order for grades with little data: order them again.
  std::array<double, 4> s = {w[0], w[1], w[2], w[3]};
  std::array<double, 4> counts = first_rating_counts(data_);
  for (double& c : counts) c += 1.0;  // grades without data take part with a small weight
  make_increasing(s, counts);
  for (std::size_t g = 0; g < 4; ++g) w[g] = s[g];
  w = clip(w);
  const double after = mean_log_loss(w);
  if (!fsrs::check_parameters(w).ok() || !std::isfinite(after)) {
    fit.note = "The fit gave unusable parameters.";
    return fit;
  }
  if (after >= fit.log_loss_before) {
    fit.note = "The fitted parameters do not predict your reviews better.";
    return fit;
  }
  fit.parameters = w;
  fit.optimized = true;
  fit.log_loss_after = after;
  fit.note = "Fitted to " + std::to_string(data_.scored) + " reviews.";
  return fit;
}

Fit fit(TrainingData data, const fsrs::Parameters& start, const Options& options,
        const std::function<bool(std::size_t, std::size_t)>& keep_going) {
  Optimizer optimizer(std::move(data), start, options);
  while (!optimizer.done()) {
    if (keep_going && !keep_going(optimizer.steps_done(), optimizer.total_steps())) break;
    optimizer.run(1);
  }
  return optimizer.result();
}

}  // namespace pyprep::optimizer
