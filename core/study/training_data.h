#pragma once
// The optimizer's training data from the collection.
#include "core/log/collection.h"
#include "core/srs/optimizer.h"

namespace pyprep {

// Each card's reviews still in effect (undone ones are gone); a review of a card that was New
// (first ever, or after a reset) starts a new sequence.
optimizer::TrainingData training_data(const Collection& collection);

}  // namespace pyprep
