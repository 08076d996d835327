// Prints figures for the on-device FSRS-6 optimizer and asserts nothing (run by
// scripts/bench-optimizer.sh): prediction quality (log loss, RMSE(bins), AUC; the protocol of
// core_bench) of the default parameters, of py-fsrs 6.3.1's fit to the same file, and of ours;
// the same on a split by time (fit before the 70th percentile of review time, evaluate after);
// recency weighting on and off; and how long a fit takes.
// Usage: optimizer_bench <review_logs.csv> [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "bench/bench_util.h"
#include "bench/review_log_csv.h"
#include "core/log/collection.h"
#include "core/srs/evaluation.h"
#include "core/srs/optimizer.h"
#include "core/study/training_data.h"

using namespace pyprep;

namespace {

using bench::kPlatform;

// py-fsrs 6.3.1 fitted to review_logs_josh.csv (from the issue).
constexpr fsrs::Parameters kPyFsrs = {
    0.12340357, 1.2931,     2.39767357, 8.2956,     6.68682043, 0.45021680, 3.07787513,
    0.05352040, 1.65399922, 0.14662068, 0.63007725, 1.61196500, 0.01284014, 0.34853763,
    1.88789583, 0.85463762, 1.8729,     0.67485368, 0.20451266, 0.22622815, 0.46030603};

void print_metrics(const char* label, const std::vector<evaluation::Prediction>& predictions,
                   const char* key) {
  const evaluation::Metrics m = evaluation::evaluate(predictions);
  std::printf("  %-44s n=%5zu  log loss %.4f  RMSE(bins) %.4f  AUC %.4f\n", label, m.count,
              m.log_loss, m.rmse_bins, m.auc);
  std::printf("RESULT %s_%s_log_loss=%.4f\n", kPlatform, key, m.log_loss);
  std::printf("RESULT %s_%s_rmse_bins=%.4f\n", kPlatform, key, m.rmse_bins);
}

void print_parameters(const char* label, const fsrs::Parameters& w) {
  std::printf("  %s:", label);
  for (const double x : w) std::printf(" %.4f", x);
  std::printf("\n");
}

using bench::seconds_since;

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <review_logs.csv> [timing runs]\n", argv[0]);
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  bench::Log log;
  if (!bench::read_log(argv[1], log)) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  // The app's path: replay the log into a collection, take the training data from it.
  Collection collection(log.bank);
  replay(collection, log.events);
  const optimizer::TrainingData data = training_data(collection);
  std::printf("review log %s: %zu reviews of %zu cards, %zu scored (%s)\n", argv[1],
              log.events.size(), data.cards.size(), data.scored, kPlatform);

  optimizer::Options options;
  const optimizer::Fit ours = optimizer::fit(data, fsrs::kDefaultParameters, options);
  optimizer::Options flat = options;
  flat.recency_weighting = false;
  const optimizer::Fit ours_flat = optimizer::fit(data, fsrs::kDefaultParameters, flat);

  std::printf("whole file (fit and evaluate on all reviews):\n");
  print_metrics("FSRS-6 defaults", optimizer::predict(data, fsrs::kDefaultParameters), "all_defaults");
  print_metrics("py-fsrs 6.3.1 fit", optimizer::predict(data, kPyFsrs), "all_pyfsrs");
  print_metrics("ours (recency weighting)", optimizer::predict(data, ours.parameters), "all_ours");
  print_metrics("ours without recency weighting", optimizer::predict(data, ours_flat.parameters),
                "all_ours_flat");
  std::printf("  fit: %s %zu steps; training log loss %.4f -> %.4f\n", ours.note.c_str(),
              ours.steps, ours.log_loss_before, ours.log_loss_after);

  // Split by time at the 70th percentile of review times.
  std::vector<std::int64_t> times;
  for (const Event& event : log.events) times.push_back(event.at_ms);
  std::sort(times.begin(), times.end());
  const std::int64_t cutoff = times[times.size() * 7 / 10];
  const optimizer::TrainingData before = optimizer::reviews_before(data, cutoff);
  const optimizer::Fit split = optimizer::fit(before, fsrs::kDefaultParameters, options);
  const optimizer::Fit split_flat = optimizer::fit(before, fsrs::kDefaultParameters, flat);
  std::printf("time split (fit on %zu scored reviews before the 70th percentile, evaluate after):\n",
              before.scored);
  print_metrics("FSRS-6 defaults", optimizer::predict(data, fsrs::kDefaultParameters, cutoff),
                "split_defaults");
  print_metrics("py-fsrs 6.3.1 fit (saw the test part)", optimizer::predict(data, kPyFsrs, cutoff),
                "split_pyfsrs");
  print_metrics("ours (recency weighting)", optimizer::predict(data, split.parameters, cutoff),
                "split_ours");
  print_metrics("ours without recency weighting",
                optimizer::predict(data, split_flat.parameters, cutoff), "split_ours_flat");

  print_parameters("ours, whole file", ours.parameters);
  print_parameters("ours, before the split", split.parameters);

  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const optimizer::Fit f = optimizer::fit(data, fsrs::kDefaultParameters, options);
    best = std::min(best, seconds_since(start));
    if (f.parameters != ours.parameters) std::printf("  NOT DETERMINISTIC\n");
  }
  std::printf("fit time (%s): %.1f ms for %zu scored reviews, %zu steps (best of %d)\n", kPlatform,
              best * 1e3, data.scored, ours.steps, runs);
  std::printf("RESULT %s_fit_ms=%.3f\n", kPlatform, best * 1e3);
  return 0;
}
