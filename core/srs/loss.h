#pragma once
// The training loss: binary cross-entropy of FSRS's predicted recall against each scored review,
// for plain numbers or dual numbers alike.
#include <cmath>
#include <span>

#include "core/srs/optimizer.h"

namespace pyprep::optimizer::detail {

inline constexpr double kMinP = 1e-9;  // keeps log finite when R reaches 0 or 1 in floating point

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

}  // namespace pyprep::optimizer::detail
