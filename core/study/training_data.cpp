#include "core/study/training_data.h"

namespace pyprep {

optimizer::TrainingData training_data(const Collection& collection) {
  std::vector<optimizer::CardSequence> sequences;
  for (const CardProgress& progress : collection.cards()) {
    for (const ReviewEntry& entry : progress.history) {
      if (sequences.empty() || entry.before.state == CardState::New) sequences.emplace_back();
      sequences.back().reviews.push_back({entry.at_ms, 0, entry.rating, false});
    }
  }
  return optimizer::training_data(std::move(sequences));
}

}  // namespace pyprep
