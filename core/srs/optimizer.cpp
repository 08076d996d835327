#include "core/srs/optimizer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>
#include <unordered_map>
#include <utility>

#include "core/base/random.h"
#include "core/srs/scheduler.h"

namespace pyprep::optimizer {
namespace {

constexpr std::size_t kN = fsrs::kParameterCount;

// --- forward-mode dual numbers: a value and its 21 partial derivatives -------------------------

struct Dual {
  double v = 0.0;
  std::array<double, kN> d{};
  Dual() = default;
  Dual(double value) : v(value) {}  // a constant (implicit: the formulas mix in plain numbers)
};

double primal(const Dual& x) { return x.v; }

Dual operator+(const Dual& a, const Dual& b) {
  Dual r(a.v + b.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = a.d[i] + b.d[i];
  return r;
}
Dual operator+(const Dual& a, double b) {
  Dual r = a;
  r.v += b;
  return r;
}
Dual operator+(double a, const Dual& b) { return b + a; }
Dual operator-(const Dual& a) {
  Dual r(-a.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = -a.d[i];
  return r;
}
Dual operator-(const Dual& a, const Dual& b) {
  Dual r(a.v - b.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = a.d[i] - b.d[i];
  return r;
}
Dual operator-(const Dual& a, double b) {
  Dual r = a;
  r.v -= b;
  return r;
}
Dual operator-(double a, const Dual& b) {
  Dual r(a - b.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = -b.d[i];
  return r;
}
Dual operator*(const Dual& a, const Dual& b) {
  Dual r(a.v * b.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = a.d[i] * b.v + b.d[i] * a.v;
  return r;
}
Dual operator*(const Dual& a, double b) {
  Dual r(a.v * b);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = a.d[i] * b;
  return r;
}
Dual operator*(double a, const Dual& b) { return b * a; }
Dual operator/(const Dual& a, const Dual& b) {
  Dual r(a.v / b.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = (a.d[i] - r.v * b.d[i]) / b.v;
  return r;
}
Dual operator/(const Dual& a, double b) {
  Dual r(a.v / b);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = a.d[i] / b;
  return r;
}
Dual operator/(double a, const Dual& b) {
  Dual r(a / b.v);
  const double k = -r.v / b.v;
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = k * b.d[i];
  return r;
}
Dual scaled(const Dual& a, double value, double k) {  // value with derivative k·a'
  Dual r(value);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = k * a.d[i];
  return r;
}
Dual exp(const Dual& a) {
  const double e = std::exp(a.v);
  return scaled(a, e, e);
}
Dual log(const Dual& a) { return scaled(a, std::log(a.v), 1.0 / a.v); }
Dual pow(double a, const Dual& b) {
  const double p = std::pow(a, b.v);
  return scaled(b, p, p * std::log(a));
}
Dual pow(const Dual& a, const Dual& b) {
  Dual r(std::pow(a.v, b.v));
  const double ka = b.v * std::pow(a.v, b.v - 1.0);
  const double kb = r.v * std::log(a.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = ka * a.d[i] + kb * b.d[i];
  return r;
}

// --- training data --------------------------------------------------------------------------

// Sets elapsed days, which reviews are scored, and the counts.
void finish(TrainingData& data) {
  data.scored = 0;
  for (CardSequence& card : data.cards) {
    card.scored = 0;
    card.first_scored = data.scored;
    for (std::size_t i = 0; i < card.reviews.size(); ++i) {
      TrainingReview& review = card.reviews[i];
      review.elapsed_days = i == 0 ? 0 : elapsed_days(card.reviews[i - 1].at_ms, review.at_ms);
      review.scored = i > 0 && review.elapsed_days >= 1;
      card.scored += review.scored ? 1 : 0;
    }
    data.scored += card.scored;
  }
}

// --- the loss --------------------------------------------------------------------------------

constexpr double kMinP = 1e-9;  // keeps log finite when R reaches 0 or 1 in floating point

// Σ weight·BCE over the scored reviews of one card; `weights` points at its first scored review's
// weight, or is null for all 1.
template <class T>
T sequence_loss(const CardSequence& card, const fsrs::BasicParameters<T>& w, const double* weights) {
  using std::log;
  T loss(0.0);
  if (card.reviews.empty()) return loss;
  fsrs::BasicMemoryState<T> m = fsrs::initial_state(card.reviews[0].rating, w);
  for (std::size_t i = 1; i < card.reviews.size(); ++i) {
    const TrainingReview& review = card.reviews[i];
    if (review.scored) {
      const T p = fsrs::detail::clamp(fsrs::retrievability(double(review.elapsed_days), m.stability, w),
                                      kMinP, 1.0 - kMinP);
      const double weight = weights != nullptr ? *weights++ : 1.0;
      loss = loss - weight * log(review.rating != fsrs::Rating::Again ? p : 1.0 - p);
    }
    m = fsrs::next_state(m, review.elapsed_days, review.rating, w);
  }
  return loss;
}

template <class T>
T batch_loss(const Objective& objective, std::span<const std::size_t> cards,
             const fsrs::BasicParameters<T>& w) {
  T loss(0.0);
  for (const std::size_t index : cards) {
    const CardSequence& card = objective.data->cards[index];
    const double* weights =
        objective.weights.empty() ? nullptr : objective.weights.data() + card.first_scored;
    loss = loss + sequence_loss(card, w, weights);
  }
  return loss;
}

// --- pre-training of w0–w3 --------------------------------------------------------------------

constexpr double kMinInitialStability = 0.001;
constexpr double kMaxInitialStability = 100.0;

std::array<double, 4> first_rating_counts(const TrainingData& data) {
  std::array<double, 4> counts{};
  for (const CardSequence& card : data.cards) {
    if (card.scored > 0) counts[std::size_t(card.reviews[0].rating) - 1] += 1;
  }
  return counts;
}

// Weighted isotonic regression (pool adjacent violators) of log S over the grades that have a
// weight: the closest non-decreasing sequence.
void make_increasing(std::array<double, 4>& s, const std::array<double, 4>& weight) {
  struct Block {
    double mean;
    double weight;
    std::vector<std::size_t> members;
  };
  std::vector<Block> blocks;
  for (std::size_t g = 0; g < 4; ++g) {
    if (weight[g] <= 0) continue;
    blocks.push_back({std::log(s[g]), weight[g], {g}});
    while (blocks.size() > 1 && blocks[blocks.size() - 2].mean > blocks.back().mean) {
      Block top = std::move(blocks.back());
      blocks.pop_back();
      Block& below = blocks.back();
      below.mean = (below.mean * below.weight + top.mean * top.weight) / (below.weight + top.weight);
      below.weight += top.weight;
      below.members.insert(below.members.end(), top.members.begin(), top.members.end());
    }
  }
  for (const Block& block : blocks) {
    for (const std::size_t g : block.members) s[g] = std::exp(block.mean);
  }
}

// Grades without data get a value interpolated in log space along `shape` (the starting w0–w3)
// between the nearest grades with data, or scaled by `shape` from the one side that has data.
void fill_missing(std::array<double, 4>& s, const std::array<bool, 4>& known,
                  const std::array<double, 4>& shape) {
  for (int g = 0; g < 4; ++g) {
    if (known[g]) continue;
    int lo = g - 1;
    while (lo >= 0 && !known[lo]) --lo;
    int hi = g + 1;
    while (hi < 4 && !known[hi]) ++hi;
    const auto x = [&](int i) { return std::log(shape[i]); };
    if (lo >= 0 && hi < 4) {
      const double span = x(hi) - x(lo);
      const double t = span > 0 ? (x(g) - x(lo)) / span : double(g - lo) / double(hi - lo);
      s[g] = std::exp(std::log(s[lo]) + t * (std::log(s[hi]) - std::log(s[lo])));
    } else if (lo >= 0) {
      s[g] = s[lo] * shape[g] / shape[lo];
    } else if (hi < 4) {
      s[g] = s[hi] * shape[g] / shape[hi];
    }
  }
}

}  // namespace

// --- training data --------------------------------------------------------------------------

TrainingData training_data(std::span<const ReviewRecord> reviews) {
  TrainingData data;
  std::unordered_map<std::string_view, std::size_t> index;
  for (const ReviewRecord& record : reviews) {
    if (!fsrs::is_rating(record.rating)) continue;
    const auto [it, added] = index.emplace(record.card_id, data.cards.size());
    if (added) data.cards.emplace_back();
    data.cards[it->second].reviews.push_back(
        {record.at_ms, 0, static_cast<fsrs::Rating>(record.rating), false});
  }
  for (CardSequence& card : data.cards) {
    std::stable_sort(card.reviews.begin(), card.reviews.end(),
                     [](const TrainingReview& a, const TrainingReview& b) { return a.at_ms < b.at_ms; });
  }
  finish(data);
  return data;
}

TrainingData training_data(std::vector<CardSequence> sequences) {
  TrainingData data;
  data.cards = std::move(sequences);
  finish(data);
  return data;
}

TrainingData reviews_before(const TrainingData& data, std::int64_t cutoff_ms) {
  TrainingData before;
  for (const CardSequence& card : data.cards) {
    CardSequence kept;
    for (const TrainingReview& review : card.reviews) {
      if (review.at_ms >= cutoff_ms) break;
      kept.reviews.push_back(review);
    }
    if (!kept.reviews.empty()) before.cards.push_back(std::move(kept));
  }
  finish(before);
  return before;
}

std::vector<evaluation::Prediction> predict(const TrainingData& data, const fsrs::Parameters& w,
                                            std::int64_t from_ms) {
  std::vector<evaluation::Prediction> predictions;
  for (const CardSequence& card : data.cards) {
    if (card.reviews.empty()) continue;
    fsrs::MemoryState m = fsrs::initial_state(card.reviews[0].rating, w);
    int lapses = 0;
    for (std::size_t i = 1; i < card.reviews.size(); ++i) {
      const TrainingReview& review = card.reviews[i];
      if (review.scored && review.at_ms >= from_ms) {
        predictions.push_back({fsrs::retrievability(double(review.elapsed_days), m.stability, w),
                               review.rating != fsrs::Rating::Again, review.elapsed_days, int(i),
                               lapses});
      }
      if (review.rating == fsrs::Rating::Again) ++lapses;
      m = fsrs::next_state(m, review.elapsed_days, review.rating, w);
    }
  }
  return predictions;
}

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

fsrs::Parameters pretrain(const TrainingData& data, const fsrs::Parameters& start) {
  // first rating → gap in days → (reviews, passes), from each card's first scored review.
  std::array<std::map<int, std::pair<double, double>>, 4> groups;
  double passes = 0;
  double scored = 0;
  for (const CardSequence& card : data.cards) {
    bool first = true;
    for (const TrainingReview& review : card.reviews) {
      if (!review.scored) continue;
      const bool pass = review.rating != fsrs::Rating::Again;
      passes += pass ? 1 : 0;
      scored += 1;
      if (first) {
        auto& group = groups[std::size_t(card.reviews[0].rating) - 1][review.elapsed_days];
        group.first += 1;
        group.second += pass ? 1 : 0;
        first = false;
      }
    }
  }
  if (scored == 0) return start;
  const double average_recall = passes / scored;

  std::array<double, 4> s{};
  std::array<double, 4> counts{};
  std::array<bool, 4> known{};
  for (std::size_t g = 0; g < 4; ++g) {
    const auto& group = groups[g];
    if (group.empty()) continue;
    double n = 0;
    for (const auto& [gap, outcome] : group) n += outcome.first;
    // Each gap's recall rate smoothed toward the average (Laplace, as fsrs-rs); gaps weighted by
    // √count; a small L1 pull toward the start keeps thin groups near it.
    const auto loss = [&](double log_s) {
      const double stability = std::exp(log_s);
      double sum = std::abs(stability - start[g]) / 16.0;
      for (const auto& [gap, outcome] : group) {
        const double recall = (outcome.second / outcome.first * n + average_recall) / (n + 1.0);
        const double p = std::clamp(fsrs::retrievability(double(gap), stability, start), kMinP,
                                    1.0 - kMinP);
        sum -= std::sqrt(outcome.first) * (recall * std::log(p) + (1.0 - recall) * std::log(1.0 - p));
      }
      return sum;
    };
    // A grid over log S, then golden-section search around the best grid point.
    const double lo = std::log(kMinInitialStability);
    const double hi = std::log(kMaxInitialStability);
    constexpr int kGrid = 120;
    int best = 0;
    double best_loss = 1e300;
    for (int i = 0; i <= kGrid; ++i) {
      const double l = loss(lo + (hi - lo) * i / kGrid);
      if (l < best_loss) best_loss = l, best = i;
    }
    double a = lo + (hi - lo) * std::max(best - 1, 0) / kGrid;
    double b = lo + (hi - lo) * std::min(best + 1, kGrid) / kGrid;
    const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
    for (int i = 0; i < 60; ++i) {
      const double c = b - ratio * (b - a);
      const double d = a + ratio * (b - a);
      if (loss(c) < loss(d)) {
        b = d;
      } else {
        a = c;
      }
    }
    s[g] = std::exp((a + b) / 2.0);
    counts[g] = n;
    known[g] = true;
  }
  make_increasing(s, counts);
  fill_missing(s, known, {start[0], start[1], start[2], start[3]});
  fsrs::Parameters w = start;
  if (std::none_of(known.begin(), known.end(), [](bool k) { return k; })) return w;
  for (std::size_t g = 0; g < 4; ++g) {
    w[g] = std::clamp(s[g], kMinInitialStability, kMaxInitialStability);
  }
  return w;
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
