#include "core/srs/evaluation.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace pyprep::evaluation;

TEST_CASE("log loss is the mean binary cross-entropy") {
  const std::vector<Prediction> p = {{0.8, true, 1, 1, 0}, {0.8, false, 1, 1, 0}};
  CHECK(log_loss(p) == doctest::Approx((-std::log(0.8) - std::log(0.2)) / 2));
}

TEST_CASE("AUC: 1 for a perfect ranking, 0.5 for ties, 0 when reversed") {
  const std::vector<Prediction> perfect = {{0.9, true}, {0.8, true}, {0.3, false}, {0.2, false}};
  CHECK(auc(perfect) == 1.0);
  const std::vector<Prediction> tied = {{0.5, true}, {0.5, false}};
  CHECK(auc(tied) == 0.5);
  const std::vector<Prediction> reversed = {{0.1, true}, {0.9, false}};
  CHECK(auc(reversed) == 0.0);
}

TEST_CASE("RMSE(bins): within one bin it is |mean prediction − mean outcome|") {
  // Same interval, review count and no lapses: one bin. Mean p 0.7, mean y 0.5.
  const std::vector<Prediction> p = {{0.6, true, 3, 2, 0}, {0.8, false, 3, 2, 0}};
  CHECK(rmse_bins(p) == doctest::Approx(0.2));
  // Two bins (1 and 30 days) each predicted exactly: 0.
  const std::vector<Prediction> exact = {{1.0, true, 1, 2, 0}, {0.0, false, 30, 2, 0}};
  CHECK(rmse_bins(exact) == 0.0);
}

TEST_CASE("evaluate gives all three figures, and zeros for nothing") {
  const std::vector<Prediction> p = {{0.9, true, 2, 1, 0}, {0.3, false, 2, 1, 0}};
  const Metrics m = evaluate(p);
  CHECK(m.count == 2);
  CHECK(m.log_loss == doctest::Approx(log_loss(p)));
  CHECK(m.rmse_bins == doctest::Approx(rmse_bins(p)));
  CHECK(m.auc == 1.0);
  const Metrics none = evaluate({});
  CHECK(none.count == 0);
  CHECK(none.log_loss == 0.0);
}
