#pragma once
// Pre-training of the initial stabilities w0–w3 from each card's first scored review.
#include <array>

#include "core/srs/optimizer.h"

namespace pyprep::optimizer::detail {

inline constexpr double kMinInitialStability = 0.001;
inline constexpr double kMaxInitialStability = 100.0;

// How many cards with a scored review began with each rating.
std::array<double, 4> first_rating_counts(const TrainingData& data);
// Weighted isotonic regression (pool adjacent violators) of log S over the grades that have a
// weight: the closest non-decreasing sequence.
void make_increasing(std::array<double, 4>& s, const std::array<double, 4>& weight);

}  // namespace pyprep::optimizer::detail
