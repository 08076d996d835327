#include "core/srs/fsrs.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/base/hash.h"

namespace pyprep::fsrs {
namespace {

struct FuzzBand {
  double start;
  double end;
  double factor;
};
constexpr FuzzBand kFuzzBands[] = {{2.5, 7.0, 0.15}, {7.0, 20.0, 0.10}, {20.0, 1e300, 0.05}};
constexpr double kMinFuzzedInterval = 2.5;

}  // namespace

Status check_parameters(const Parameters& w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!std::isfinite(w[i])) {
      return Error{"FSRS parameter w" + std::to_string(i) + " is not a finite number"};
    }
  }
  for (std::size_t i = 0; i < 4; ++i) {
    if (w[i] <= 0) return Error{"FSRS initial stability w" + std::to_string(i) + " must be > 0"};
  }
  if (w[20] <= 0) return Error{"FSRS decay w20 must be > 0"};
  return ok_status();
}

int rounded_interval_days(double interval, int max_interval_days) {
  const double bounded = std::clamp(std::round(interval), 1.0, double(std::max(max_interval_days, 1)));
  return static_cast<int>(bounded);
}

FuzzRange fuzz_range(double interval, int max_interval_days) {
  double delta = 1.0;
  for (const FuzzBand& band : kFuzzBands) {
    delta += band.factor * std::max(std::min(interval, band.end) - band.start, 0.0);
  }
  const int hi = rounded_interval_days(interval + delta, max_interval_days);
  const int lo = std::min(std::max(2, rounded_interval_days(interval - delta, max_interval_days)), hi);
  return {lo, hi};
}

double fuzz_fraction(std::string_view card_id, int review_count) {
  const std::uint64_t bits = stable_hash(card_id, static_cast<std::uint64_t>(review_count));
  return static_cast<double>(bits >> 11) * 0x1.0p-53;  // the top 53 bits fill a double's mantissa
}

int fuzzed_interval_days(double interval, int max_interval_days, double fraction) {
  if (interval < kMinFuzzedInterval) return rounded_interval_days(interval, max_interval_days);
  const FuzzRange range = fuzz_range(interval, max_interval_days);
  const int span = range.max_days - range.min_days + 1;
  return range.min_days + std::min(static_cast<int>(fraction * span), span - 1);
}

std::array<MemoryState, 4> next_states(const MemoryState& state, int elapsed_days, const Parameters& w) {
  const double target = initial_difficulty(Rating::Easy, w);
  const bool same_day = elapsed_days <= 0;
  const double damping = same_day ? detail::same_day_damping(state, w) : 0.0;
  const double r = same_day ? 0.0 : retrievability(double(elapsed_days), state.stability, w);
  const double growth = same_day ? 0.0 : detail::recall_growth(state, r, w);
  std::array<MemoryState, 4> next;
  for (const Rating rating : kRatings) {
    const double stability = same_day                ? detail::stability_same_day(state, rating, damping, w)
                             : rating == Rating::Again ? detail::stability_after_lapse(state, r, w)
                                                       : detail::stability_after_recall(state, growth, rating, w);
    next[static_cast<std::size_t>(rating) - 1] = {detail::clamp_stability(stability),
                                                  detail::next_difficulty(state.difficulty, rating, target, w)};
  }
  return next;
}

}  // namespace pyprep::fsrs
