#pragma once
// A stable 64-bit hash of text and a number: the same on every platform and run, unlike
// std::hash, so anything derived from it (fuzz, shuffled order) replays identically.
#include <cstdint>
#include <string_view>

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
  std::uint64_t h = fnv1a64(text);
  // splitmix64's finaliser, so that salts 3 and 4 land far apart.
  h ^= salt * 0x9e3779b97f4a7c15ULL;
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

}  // namespace pyprep
