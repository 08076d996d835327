#pragma once
// The stored records as the web shell hands them to the app: one block of bytes, each record's
// UTF-8 after its length (4 bytes, little-endian). No JSON to build on one side and parse on the
// other: a long log crosses in one copy.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace pyprep {

Result<std::vector<std::string>> records_from_block(std::string_view block);

}  // namespace pyprep
