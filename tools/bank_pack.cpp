// pyprep-bank-pack: writes the bank the app ships (core/bank/bank_pack.h) from the authored one.
//
// usage: pyprep-bank-pack <bank dir> <out file>
// Problems in the authored bank are packed with it, for the app to show, and listed on stderr.
// Exit status 1 if the file cannot be written, 2 on bad usage.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "core/bank/bank_pack.h"
#include "ui/platform/bank_dir.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: pyprep-bank-pack <bank dir> <out file>\n");
    return 2;
  }
  const pyprep::LoadedBank loaded = pyprep::load_bank_dir(argv[1]);
  for (const pyprep::BankProblem& problem : loaded.problems) {
    std::fprintf(stderr, "pyprep-bank-pack: %s\n", problem.text().c_str());
  }
  const std::string packed = pyprep::pack_bank(loaded);
  // Written beside the target and renamed over it: a failed build never leaves half a bank.
  const std::filesystem::path out = argv[2];
  const std::filesystem::path partial = out.string() + ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    file.write(packed.data(), static_cast<std::streamsize>(packed.size()));
    if (!file.flush()) {
      std::fprintf(stderr, "pyprep-bank-pack: cannot write %s\n", partial.string().c_str());
      return 1;
    }
  }
  std::error_code error;
  std::filesystem::rename(partial, out, error);
  if (error) {
    std::fprintf(stderr, "pyprep-bank-pack: cannot write %s: %s\n", out.string().c_str(), error.message().c_str());
    return 1;
  }
  std::printf("pyprep-bank-pack: %zu cards, %zu problems, %zu bytes\n", loaded.bank.cards.size(),
              loaded.problems.size(), packed.size());
  return 0;
}
