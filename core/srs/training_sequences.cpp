#include "core/srs/optimizer.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/srs/scheduler.h"

namespace pyprep::optimizer {
namespace {

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

}  // namespace

TrainingData training_data(std::span<const RatedReview> reviews) {
  TrainingData data;
  std::unordered_map<std::string_view, std::size_t> index;
  for (const RatedReview& review : reviews) {
    if (!fsrs::is_rating(review.rating)) continue;
    const auto [it, added] = index.emplace(review.card_id, data.cards.size());
    if (added) data.cards.emplace_back();
    data.cards[it->second].reviews.push_back(
        {review.at_ms, 0, static_cast<fsrs::Rating>(review.rating), false});
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

}  // namespace pyprep::optimizer
