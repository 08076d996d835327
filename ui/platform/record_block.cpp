#include "platform/record_block.h"

#include <cstdint>

namespace pyprep {

Result<std::vector<std::string>> records_from_block(std::string_view block) {
  const Error broken{"the browser handed over a broken list of records"};
  std::vector<std::string> records;
  for (std::size_t at = 0; at < block.size();) {
    if (block.size() - at < 4) return broken;
    std::uint32_t length = 0;
    for (int i = 3; i >= 0; --i) length = length << 8 | static_cast<unsigned char>(block[at + static_cast<std::size_t>(i)]);
    at += 4;
    if (length > block.size() - at) return broken;
    records.emplace_back(block.substr(at, length));
    at += length;
  }
  return records;
}

}  // namespace pyprep
