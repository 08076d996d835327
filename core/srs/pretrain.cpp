#include "core/srs/pretrain.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include "core/srs/loss.h"

namespace pyprep::optimizer {
namespace detail {

std::array<double, 4> first_rating_counts(const TrainingData& data) {
  std::array<double, 4> counts{};
  for (const CardSequence& card : data.cards) {
    if (card.scored > 0) counts[std::size_t(card.reviews[0].rating) - 1] += 1;
  }
  return counts;
}

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

}  // namespace detail
namespace {

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

using namespace detail;

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
    // Each gap's recall rate smoothed toward the average (Laplace smoothing); gaps weighted by
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

}  // namespace pyprep::optimizer
