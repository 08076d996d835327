#include "core/srs/evaluation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <vector>

namespace pyprep::evaluation {
namespace {

// The bin of x on the logarithmic grid round(scale · base^floor(log_base x)), as srs-benchmark
// bins interval, review count and lapse count. (Counting reviews and lapses as in Prediction is
// what reproduces the scheduling-core issue's cross-check figure 0.0959.)
double log_bin(double x, double scale, double base, int decimals) {
  const double value = scale * std::pow(base, std::floor(std::log(x) / std::log(base)));
  const double unit = std::pow(10.0, decimals);
  return std::round(value * unit) / unit;
}

}  // namespace

double log_loss(std::span<const Prediction> predictions) {
  if (predictions.empty()) return 0.0;
  double sum = 0;
  for (const Prediction& x : predictions) sum -= std::log(x.y ? x.p : 1.0 - x.p);
  return sum / double(predictions.size());
}

double rmse_bins(std::span<const Prediction> predictions) {
  if (predictions.empty()) return 0.0;
  struct Bin {
    double p = 0;
    double y = 0;
    int n = 0;
  };
  std::map<std::tuple<double, double, double>, Bin> bins;
  for (const Prediction& x : predictions) {
    Bin& bin = bins[{log_bin(x.elapsed_days, 2.48, 3.62, 2), log_bin(x.earlier_reviews, 1.99, 1.89, 0),
                     x.lapses == 0 ? 0.0 : log_bin(x.lapses, 1.65, 1.73, 0)}];
    bin.p += x.p;
    bin.y += x.y ? 1 : 0;
    ++bin.n;
  }
  double sum = 0;
  for (const auto& [key, bin] : bins) {
    const double diff = bin.y / bin.n - bin.p / bin.n;
    sum += bin.n * diff * diff;
  }
  return std::sqrt(sum / double(predictions.size()));
}

double auc(std::span<const Prediction> input) {
  std::vector<Prediction> predictions(input.begin(), input.end());
  std::sort(predictions.begin(), predictions.end(),
            [](const Prediction& a, const Prediction& b) { return a.p < b.p; });
  double rank_sum = 0;
  double passes = 0;
  for (std::size_t i = 0; i < predictions.size();) {
    std::size_t j = i;
    while (j < predictions.size() && predictions[j].p == predictions[i].p) ++j;
    const double mean_rank = (double(i + 1) + double(j)) / 2.0;
    for (std::size_t k = i; k < j; ++k) {
      if (predictions[k].y) {
        rank_sum += mean_rank;
        ++passes;
      }
    }
    i = j;
  }
  const double fails = double(predictions.size()) - passes;
  if (passes == 0 || fails == 0) return 0.5;
  return (rank_sum - passes * (passes + 1) / 2.0) / (passes * fails);
}

Metrics evaluate(std::span<const Prediction> predictions) {
  return {predictions.size(), log_loss(predictions), rmse_bins(predictions), auc(predictions)};
}

}  // namespace pyprep::evaluation
