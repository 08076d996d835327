// libFuzzer harness of the bank loader (core/bank/bank_loader.h): the input is the text of one topic
// file. Loading must not crash, hang or trip a sanitizer, whatever the text; every problem must
// render as one line and every loaded card must be found by its id.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "core/bank/bank_loader.h"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "bank_loader_fuzz: %s\n  %s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<pyprep::BankFile> files;
  files.push_back({"basics.json", std::string(reinterpret_cast<const char*>(data), size)});
  const pyprep::LoadedBank loaded = pyprep::load_bank(files);

  for (const pyprep::BankProblem& problem : loaded.problems) {
    const std::string line = problem.text();
    if (line.find('\n') != std::string::npos) fail("a problem spans lines", line);
  }
  std::set<std::string_view> ids;
  for (const pyprep::Card& card : loaded.bank.cards) {
    if (!ids.insert(card.id).second) fail("two loaded cards share an id", card.id);
    if (card.kind == pyprep::Kind::Code && !card.code) fail("a code card has no code", card.id);
  }
  if (!loaded.bank.cards.empty() && loaded.bank.topics.size() != 1)
    fail("cards were loaded without their topic", std::to_string(loaded.bank.topics.size()));
  return 0;
}
