#pragma once
// The bank as the app ships it: a compact binary form of a loaded bank, cards and the problems
// found while loading, written at build time from the authored JSON (which stays the source) and
// read at start with no JSON to parse or validate again.
#include <string>
#include <string_view>

#include "core/bank/bank_loader.h"
#include "core/base/result.h"

namespace pyprep {

std::string pack_bank(const LoadedBank& loaded);

// Fails, with the reason, on anything pack_bank of this version did not write: another format
// version, a truncated or altered file, a value out of range.
Result<LoadedBank> unpack_bank(std::string_view packed);

}  // namespace pyprep
