#pragma once
// Authoring rules of the bank: what a card must meet to be published, beyond what the loader needs
// to use it. The loader does not enforce them, so a lapse can never hide a card on a phone; the
// bank check (tests/bank_check.cpp) runs them on every card.
#include <vector>

#include "core/bank/bank.h"
#include "core/bank/bank_loader.h"

namespace pyprep {

// Every rule a card breaks, in card order: an id that is not a slug; fewer than 3 or more than 6
// key points; no sources, a source that is not a seed item id ("<seed>:<line>"), or one listed
// twice; prose mis-decoded from the seeds. A problem names the card's file as "<topic>.json".
std::vector<BankProblem> lint(const Bank& bank);

}  // namespace pyprep
