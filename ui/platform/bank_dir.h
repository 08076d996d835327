#pragma once
// Reads the question bank: the authored one from a directory of JSON files (tools and tests), or
// the packed one the app ships (the desktop's assets, or the web build's packed file system).
#include <filesystem>

#include "core/bank/bank_loader.h"

namespace pyprep {

// Loads every *.json file in `dir`, sorted by file name. An unreadable directory or file is a
// problem like any other.
LoadedBank load_bank_dir(const std::filesystem::path& dir);

// Reads a bank written by pack_bank. A file that cannot be read or unpacked is an empty bank with
// that one problem.
LoadedBank load_bank_pack(const std::filesystem::path& file);

}  // namespace pyprep
