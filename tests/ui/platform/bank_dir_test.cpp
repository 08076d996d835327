#include "ui/platform/bank_dir.h"

#include "core/bank/bank_pack.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace pyprep;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> ids(const Bank& bank) {
  std::vector<std::string> out;
  for (const Card& card : bank.cards) out.push_back(card.id);
  return out;
}

}  // namespace

TEST_CASE("load_bank_dir loads the json files of a directory in name order and skips the rest") {
  const fs::path bank = PYPREP_SOURCE_DIR "/assets/bank";
  const fs::path dir =
      fs::temp_directory_path() / ("pyprep-bank-dir-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const std::string testing = read_file(bank / "testing.json");
  const std::string security = read_file(bank / "security.json");
  std::ofstream(dir / "testing.json", std::ios::binary) << testing;
  std::ofstream(dir / "security.json", std::ios::binary) << security;
  std::ofstream(dir / "README.md", std::ios::binary) << "not a bank file";
  std::ofstream(dir / "zz.json", std::ios::binary) << "{";

  const LoadedBank loaded = load_bank_dir(dir);
  fs::remove_all(dir);

  const LoadedBank expected = load_bank({{"security.json", security}, {"testing.json", testing}});
  REQUIRE(expected.problems.empty());
  CHECK(!expected.bank.cards.empty());
  CHECK(ids(loaded.bank) == ids(expected.bank));
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].file == "zz.json");
}

TEST_CASE("load_bank_dir reports a directory it cannot read") {
  const LoadedBank loaded = load_bank_dir("/nonexistent/pyprep/bank");
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].text().starts_with("/nonexistent/pyprep/bank: cannot read the directory: "));
  CHECK(loaded.bank.cards.empty());
}

TEST_CASE("load_bank_pack reads a packed bank, and a missing or broken file as one problem") {
  const fs::path dir =
      fs::temp_directory_path() / ("pyprep-bank-pack-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const LoadedBank authored = load_bank_dir(PYPREP_SOURCE_DIR "/assets/bank");
  std::ofstream(dir / "bank.pack", std::ios::binary) << pack_bank(authored);
  std::ofstream(dir / "broken.pack", std::ios::binary) << pack_bank(authored).substr(0, 1000);

  const LoadedBank packed = load_bank_pack(dir / "bank.pack");
  const LoadedBank broken = load_bank_pack(dir / "broken.pack");
  const LoadedBank missing = load_bank_pack(dir / "missing.pack");
  fs::remove_all(dir);

  CHECK(ids(packed.bank) == ids(authored.bank));
  CHECK(packed.problems == authored.problems);
  REQUIRE(broken.problems.size() == 1);
  CHECK(broken.problems[0].text() == "broken.pack: the packed bank is unreadable: it ends early");
  CHECK(broken.bank.cards.empty());
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].text() == "missing.pack: cannot read the file");
}
