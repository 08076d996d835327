#pragma once
// FSRS-6 memory model as pure functions over value types: stability S in
// days, difficulty D in [1, 10], retrievability R. Elapsed time is in whole days here; the
// scheduler turns UTC milliseconds into days.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "core/base/result.h"

namespace pyprep::fsrs {

inline constexpr std::size_t kParameterCount = 21;
// The formulas below are templates over the scalar type T: double for scheduling, or a
// forward-mode dual number for the optimizer's exact gradients (core/srs/optimizer.cpp). One
// implementation serves both. A scalar type needs +, −, ·, / with double on either side,
// exp/log/pow found by argument-dependent lookup, and primal(x): its value as a double (used
// for comparisons, so clamping and min/max pick a branch by value).
template <class T>
using BasicParameters = std::array<T, kParameterCount>;
using Parameters = BasicParameters<double>;

inline constexpr Parameters kDefaultParameters = {
    0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

enum class Rating : std::uint8_t { Again = 1, Hard = 2, Good = 3, Easy = 4 };
inline constexpr std::array<Rating, 4> kRatings = {Rating::Again, Rating::Hard, Rating::Good,
                                                   Rating::Easy};
constexpr bool is_rating(int value) { return value >= 1 && value <= 4; }

inline constexpr double kMinStability = 0.001;
inline constexpr double kMaxStability = 36500.0;
inline constexpr double kMinDifficulty = 1.0;
inline constexpr double kMaxDifficulty = 10.0;

template <class T>
struct BasicMemoryState {
  T stability{};
  T difficulty{};
  bool operator==(const BasicMemoryState&) const = default;
};
using MemoryState = BasicMemoryState<double>;

// Rejects parameter sets that would produce NaN or infinite states (from a bad optimizer run or a
// corrupt event): every value finite, initial stabilities and the decay w20 positive.
Status check_parameters(const Parameters& w);

constexpr double primal(double x) { return x; }

namespace detail {

// Arguments other than the parameters take the parameters' scalar type without deducing it, so
// plain numbers (and braced states) work with any T.
template <class T>
using Same = std::type_identity_t<T>;

constexpr int grade(Rating rating) { return static_cast<int>(rating); }

// Clamping keeps the bound's value; its derivative is then zero (as torch.clamp's).
template <class T>
T clamp(const T& x, double lo, double hi) {
  if (primal(x) < lo) return T(lo);
  if (primal(x) > hi) return T(hi);
  return x;
}
template <class T>
const T& min(const T& a, const T& b) {
  return primal(b) < primal(a) ? b : a;
}
template <class T>
const T& max(const T& a, const T& b) {
  return primal(a) < primal(b) ? b : a;
}
template <class T>
T clamp_difficulty(const T& d) {
  return detail::clamp(d, kMinDifficulty, kMaxDifficulty);
}
template <class T>
T clamp_stability(const T& s) {
  return detail::clamp(s, kMinStability, kMaxStability);
}

}  // namespace detail

// F in R(t,S) = (1 + F·t/S)^(−w20); chosen so that R(S,S) = 0.9.
template <class T>
T decay_factor(const BasicParameters<T>& w) {
  using std::pow;
  return pow(0.9, -1.0 / w[20]) - 1.0;
}

template <class T>
T retrievability(double elapsed_days, const detail::Same<T>& stability,
                 const BasicParameters<T>& w) {
  using std::pow;
  return pow(1.0 + decay_factor(w) * std::max(elapsed_days, 0.0) / stability, -w[20]);
}

// D0(G) before clamping (the difficulty update needs D0(Easy) unclamped).
template <class T>
T initial_difficulty(Rating rating, const BasicParameters<T>& w) {
  using std::exp;
  return w[4] - exp(w[5] * double(detail::grade(rating) - 1)) + 1.0;
}

template <class T>
BasicMemoryState<T> initial_state(Rating rating, const BasicParameters<T>& w) {
  return {detail::clamp_stability(w[detail::grade(rating) - 1]),
          detail::clamp_difficulty(initial_difficulty(rating, w))};
}

namespace detail {

// The pieces below take what all four ratings share as an argument (the mean-reversion target
// D0(Easy), the recall growth before the rating's factor, the same-day damping S^−w19), so that
// next_states computes it once where next_state computes it per rating.

// `target` is initial_difficulty(Rating::Easy, w).
template <class T>
T next_difficulty(const T& d, Rating rating, const T& target, const BasicParameters<T>& w) {
  const T delta = -w[6] * double(grade(rating) - 3);
  const T damped = d + delta * (10.0 - d) / 9.0;  // linear damping towards 10
  const T reverted = w[7] * target + (1.0 - w[7]) * damped;
  return clamp_difficulty(reverted);
}

template <class T>
T recall_growth(const BasicMemoryState<T>& m, const T& r, const BasicParameters<T>& w) {
  using std::exp;
  using std::pow;
  return exp(w[8]) * (11.0 - m.difficulty) * pow(m.stability, -w[9]) * (exp(w[10] * (1.0 - r)) - 1.0);
}

// `growth` is recall_growth(m, r, w).
template <class T>
T stability_after_recall(const BasicMemoryState<T>& m, const T& recall_growth, Rating rating,
                         const BasicParameters<T>& w) {
  T growth = recall_growth;
  if (rating == Rating::Hard) growth = growth * w[15];
  if (rating == Rating::Easy) growth = growth * w[16];
  return m.stability * (1.0 + growth);
}

template <class T>
T stability_after_lapse(const BasicMemoryState<T>& m, const T& r, const BasicParameters<T>& w) {
  using std::exp;
  using std::pow;
  const T long_term = w[11] * pow(m.difficulty, -w[12]) *
                      (pow(m.stability + 1.0, w[13]) - 1.0) * exp(w[14] * (1.0 - r));
  // A lapse never leaves S above what a same-day Again would.
  return detail::min(long_term, T(m.stability / exp(w[17] * w[18])));
}

template <class T>
T same_day_damping(const BasicMemoryState<T>& m, const BasicParameters<T>& w) {
  using std::pow;
  return pow(m.stability, -w[19]);
}

// `damping` is same_day_damping(m, w).
template <class T>
T stability_same_day(const BasicMemoryState<T>& m, Rating rating, const T& damping,
                     const BasicParameters<T>& w) {
  using std::exp;
  const T increase = exp(w[17] * (double(grade(rating) - 3) + w[18])) * damping;
  return m.stability * (rating == Rating::Again ? increase : detail::max(increase, T(1.0)));
}

}  // namespace detail

// The state after a review `elapsed_days` whole days after the previous one; 0 uses the
// same-day (short-term) stability formula.
template <class T>
BasicMemoryState<T> next_state(const BasicMemoryState<detail::Same<T>>& state, int elapsed_days,
                               Rating rating, const BasicParameters<T>& w) {
  T stability;
  if (elapsed_days <= 0) {
    stability = detail::stability_same_day(state, rating, detail::same_day_damping(state, w), w);
  } else {
    const T r = retrievability(double(elapsed_days), state.stability, w);
    stability = rating == Rating::Again
                    ? detail::stability_after_lapse(state, r, w)
                    : detail::stability_after_recall(state, detail::recall_growth(state, r, w), rating, w);
  }
  return {detail::clamp_stability(stability),
          detail::next_difficulty(state.difficulty, rating, initial_difficulty(Rating::Easy, w), w)};
}

// next_state for each rating (indexed by rating − 1), equal to it bit for bit, with what the
// ratings share computed once: replaying a long log is mostly this.
std::array<MemoryState, 4> next_states(const MemoryState& state, int elapsed_days, const Parameters& w);

// The interval (days, unrounded) after which R falls to `desired_retention`, for stabilities
// under one set of parameters: what does not depend on the stability is computed once.
class IntervalDays {
 public:
  IntervalDays(double desired_retention, const Parameters& w)
      : decay_(decay_factor(w)), to_desired_(std::pow(desired_retention, -1.0 / w[20]) - 1.0) {}
  double operator()(double stability) const { return stability / decay_ * to_desired_; }

 private:
  double decay_, to_desired_;
};
inline double interval_days(double stability, double desired_retention, const Parameters& w) {
  return IntervalDays(desired_retention, w)(stability);
}

// Rounded and kept within [1, max_interval_days].
int rounded_interval_days(double interval, int max_interval_days);

// Fuzz spreads review intervals of 2.5 days and more over a band around the ideal interval, so
// cards learnt together do not stay due together.
struct FuzzRange {
  int min_days = 0;
  int max_days = 0;
  bool operator==(const FuzzRange&) const = default;
};
FuzzRange fuzz_range(double interval, int max_interval_days);
// A fraction in [0, 1) that depends only on the card and how often it was reviewed, so replaying
// the log reproduces the same fuzz.
double fuzz_fraction(std::string_view card_id, int review_count);
// The interval picked from fuzz_range at `fraction`; intervals under 2.5 days are only rounded.
int fuzzed_interval_days(double interval, int max_interval_days, double fraction);

}  // namespace pyprep::fsrs
