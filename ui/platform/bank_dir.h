#pragma once
// Reads the question bank from a directory (the desktop's assets, or the web build's packed file
// system) and loads it with the core's loader.
#include <filesystem>

#include "core/bank/bank_loader.h"

namespace pyprep {

// Loads every *.json file in `dir`, sorted by file name. An unreadable directory or file is a
// problem like any other.
LoadedBank load_bank_dir(const std::filesystem::path& dir);

}  // namespace pyprep
