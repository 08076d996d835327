#include "platform/bank_dir.h"

#include "core/bank/bank_pack.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

namespace pyprep {

LoadedBank load_bank_dir(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  std::error_code error;
  // Error codes throughout: the wasm build has no exceptions to catch.
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    std::error_code type_error;
    if (it->path().extension() == ".json" && it->is_regular_file(type_error))
      names.push_back(it->path().filename().string());
  }
  if (error) {
    LoadedBank failed;
    failed.problems.push_back(
        {dir.string(), "", 0, "", 0, 0, "cannot read the directory: " + error.message()});
    return failed;
  }
  std::sort(names.begin(), names.end());

  std::vector<BankFile> files;
  std::vector<BankProblem> unreadable;
  for (std::string& name : names) {
    std::ifstream in(dir / name, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad() || !in.is_open())
      unreadable.push_back({name, "", 0, "", 0, 0, "cannot read the file"});
    else
      files.push_back({std::move(name), std::move(text)});
  }
  LoadedBank loaded = load_bank(files);
  loaded.problems.insert(loaded.problems.begin(), unreadable.begin(), unreadable.end());
  return loaded;
}

LoadedBank load_bank_pack(const std::filesystem::path& file) {
  // One read of the whole file: byte by byte, the unoptimised wasm of a first start takes 50 ms.
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  std::string packed(in.is_open() ? static_cast<std::size_t>(in.tellg()) : 0, '\0');
  in.seekg(0);
  in.read(packed.data(), static_cast<std::streamsize>(packed.size()));
  Result<LoadedBank> unpacked = !in.is_open() || !in
                                    ? Result<LoadedBank>(Error{"cannot read the file"})
                                    : unpack_bank(packed);
  if (unpacked) return std::move(*unpacked);
  LoadedBank failed;
  failed.problems.push_back({file.filename().string(), "", 0, "", 0, 0, unpacked.error().reason});
  return failed;
}

}  // namespace pyprep
