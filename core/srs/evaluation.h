#pragma once
// How well predicted recall probabilities match what happened: the prediction-quality protocol
// of the scheduling-core benchmark (log loss, RMSE over srs-benchmark's bins, AUC), shared by the
// benchmarks and the optimizer's before/after figures.
#include <cstddef>
#include <span>

namespace pyprep::evaluation {

// One scored review: the predicted probability of recall and the outcome (rating > Again).
struct Prediction {
  double p = 0.0;
  bool y = false;
  int elapsed_days = 0;     // since the card's previous review
  int earlier_reviews = 0;  // of this card, the first one included
  int lapses = 0;           // earlier Again answers after the first review, same-day ones included
};

// Mean binary cross-entropy.
double log_loss(std::span<const Prediction> predictions);
// RMSE between mean prediction and mean outcome per bin (interval, review count, lapse count on
// srs-benchmark's logarithmic grids), weighted by bin size.
double rmse_bins(std::span<const Prediction> predictions);
// Area under the ROC curve: the probability that a random pass is ranked above a random fail
// (ties count half).
double auc(std::span<const Prediction> predictions);

struct Metrics {
  std::size_t count = 0;
  double log_loss = 0.0;
  double rmse_bins = 0.0;
  double auc = 0.0;
};
// All three; zeros when there is nothing to evaluate.
Metrics evaluate(std::span<const Prediction> predictions);

}  // namespace pyprep::evaluation
