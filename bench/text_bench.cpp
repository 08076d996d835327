// Prints figures for the text modules on the real bank and asserts nothing: building the search
// index, queries as typed letter by letter, parsing every answer's markdown and lexing every code
// solution. Usage: text_bench [bank dir]   (default assets/bank, run from the repository root)
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "ui/platform/bank_dir.h"
#include "core/text/markdown.h"
#include "core/text/python_lexer.h"
#include "core/bank/search.h"

using namespace pyprep;

namespace {

using bench::kPlatform;

using Clock = std::chrono::steady_clock;

// Mean microseconds per call of `f` over enough calls to take about 50 ms.
template <class F>
double mean_us(F&& f) {
  int runs = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  do {
    f();
    ++runs;
    elapsed = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
  } while (elapsed < 50'000);
  return elapsed / runs;
}

}  // namespace

int main(int argc, char** argv) {
  const LoadedBank loaded = load_bank_dir(argc > 1 ? argv[1] : "assets/bank");
  const Bank& bank = loaded.bank;
  std::size_t answer_bytes = 0;
  std::size_t code_bytes = 0;
  for (const Card& card : bank.cards) {
    answer_bytes += card.answer.size();
    if (!card.code) continue;
    code_bytes += card.code->solution.size();
    for (const CodeCase& test : card.code->cases) code_bytes += test.code.size();
  }
  std::printf("text bench (%s): %zu cards, %zu KB of answers, %zu KB of code\n", kPlatform,
              bank.cards.size(), answer_bytes / 1024, code_bytes / 1024);

  std::printf("  search index build        %9.2f ms\n",
              mean_us([&] { SearchIndex index(bank); }) / 1000);
  const SearchIndex index(bank);
  for (const char* query : {"a", "s", "de", "dec", "decorator", "select_related", "asyncio gather",
                            "thread safe queue", "python", "zzzz"}) {
    std::size_t hits = 0;
    const double us = mean_us([&] { hits = index.search(query).size(); });
    std::printf("  search %-18s %9.1f us  (%zu hits)\n", query, us, hits);
  }
  auto parse_all = [&] {
    for (const Card& card : bank.cards) markdown::parse(card.answer);
  };
  auto lex_all = [&] {
    for (const Card& card : bank.cards) {
      if (!card.code) continue;
      python::tokenize(card.code->solution);
      for (const CodeCase& test : card.code->cases) python::tokenize(test.code);
    }
  };
  std::printf("  markdown parse, all cards %9.2f ms\n", mean_us(parse_all) / 1000);
  std::printf("  python lexer, all code    %9.2f ms\n", mean_us(lex_all) / 1000);
}
