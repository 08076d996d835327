#pragma once
// A stable 64-bit hash of text and a number: the same on every platform and run, unlike
// std::hash, so anything derived from it (fuzz, shuffled order) replays identically.
#include <cstdint>
#include <string_view>

#include "core/base/random.h"

namespace pyprep {

// FNV-1a, 64 bits; `h` continues a hash over text fed in pieces.
inline std::uint64_t fnv1a64(std::string_view text, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

inline std::uint64_t stable_hash(std::string_view text, std::uint64_t salt) {
  // Mixed, so that salts 3 and 4 land far apart.
  return mix64(fnv1a64(text) ^ (salt * 0x9e3779b97f4a7c15ULL));
}

}  // namespace pyprep
