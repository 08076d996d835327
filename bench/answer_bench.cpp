// answer_bench: how well the typed-answer scorer (core/practice/answer_score.h) agrees with hand labels,
// against a naive baseline, and how long it takes. Prints figures; asserts nothing.
//
// usage: answer_bench [--bank DIR] [--answers DIR] [--repeat N] [--dev-misses]
//   --answers: the labelled set, every labelled*.jsonl in DIR (default tests/answers), lines
//     {"card", "split": "dev"|"test", "kind", "answer", "covered": [bool...]}. Files may still be
//     being written: a line that does not parse (a partial last line) is skipped and counted, as
//     are lines whose card is unknown, a code card, has no match terms yet, or whose labels do
//     not match its key points.
//   --dev-misses: also prints the scorer's disagreements on the dev split (never the test
//     split's texts), to tune the generic machinery.
// Baseline: a point is covered when at least half of its text's content words (lowercased, stop
// words removed) occur in the answer.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/bench_util.h"
#include "core/practice/answer_score.h"
#include "core/bank/bank.h"
#include "ui/platform/bank_dir.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pyprep;

namespace {

struct Labelled {
  std::string card;
  std::string split;
  std::string kind;
  std::string answer;
  std::vector<bool> covered;
  const Card* bank_card = nullptr;
};

struct Skipped {
  std::size_t unparsable = 0, unknown_card = 0, code_card = 0, no_terms = 0, bad_labels = 0;
};

std::vector<Labelled> read_labelled(const fs::path& dir, const Bank& bank, Skipped& skipped,
                                    std::vector<std::string>& files) {
  std::vector<fs::path> paths;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with("labelled") && name.ends_with(".jsonl")) paths.push_back(it->path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Labelled> items;
  for (const fs::path& path : paths) {
    files.push_back(path.filename().string());
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      json value = json::parse(line, nullptr, false);
      auto text = [&](const char* key) -> const std::string* {
        if (!value.is_object() || !value.contains(key) || !value[key].is_string()) return nullptr;
        return &value[key].get_ref<const std::string&>();
      };
      const std::string *card = text("card"), *split = text("split"), *kind = text("kind"),
                        *answer = text("answer");
      if (!card || !split || !kind || !answer || !value.contains("covered") ||
          !value["covered"].is_array()) {
        ++skipped.unparsable;
        continue;
      }
      Labelled item{*card, *split, *kind, *answer, {}, bank.find(*card)};
      bool labels_ok = true;
      for (const json& label : value["covered"]) {
        labels_ok = labels_ok && label.is_boolean();
        item.covered.push_back(label.is_boolean() && label.get<bool>());
      }
      if (!item.bank_card) {
        ++skipped.unknown_card;
      } else if (item.bank_card->kind == Kind::Code) {
        ++skipped.code_card;
      } else if (!labels_ok || item.covered.size() != item.bank_card->key_points.size()) {
        ++skipped.bad_labels;
      } else if (std::none_of(item.bank_card->key_point_matches.begin(),
                              item.bank_card->key_point_matches.end(),
                              [](const KeyPointMatch& m) { return !m.groups.empty(); })) {
        ++skipped.no_terms;
      } else {
        items.push_back(std::move(item));
      }
    }
  }
  return items;
}

// The naive baseline: plain token overlap with the point's own text.
const std::set<std::string, std::less<>>& stop_words() {
  static const std::set<std::string, std::less<>> words = {
      "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
      "because", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does",
      "doing", "each", "either", "for", "from", "had", "has", "have", "how", "i", "if", "in",
      "into", "is", "it", "its", "just", "may", "more", "most", "must", "no", "nor", "not",
      "of", "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "same",
      "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
      "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "use",
      "used", "uses", "very", "via", "was", "we", "were", "what", "when", "where", "which",
      "while", "who", "why", "will", "with", "within", "without", "would", "you", "your",
  };
  return words;
}

std::vector<std::string> lower_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    if (alnum) {
      word += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::vector<bool> baseline(const Card& card, std::string_view answer) {
  const std::vector<std::string> answer_words = lower_words(answer);
  const std::set<std::string, std::less<>> present(answer_words.begin(), answer_words.end());
  std::vector<bool> covered;
  for (const std::string& point : card.key_points) {
    std::size_t content = 0, found = 0;
    for (const std::string& word : lower_words(point)) {
      if (stop_words().count(word)) continue;
      ++content;
      found += present.count(word);
    }
    covered.push_back(content > 0 && 2 * found >= content);
  }
  return covered;
}

// Agreement of predictions with labels over key points, and coverage by answer kind.
struct Tally {
  std::size_t tp = 0, fp = 0, fn = 0, tn = 0;
  std::map<std::string, std::pair<double, std::size_t>> by_kind;  // kind -> (sum, answers)

  void add(const std::string& kind, const std::vector<bool>& predicted,
           const std::vector<bool>& label) {
    std::size_t covered = 0;
    for (std::size_t i = 0; i < label.size(); ++i) {
      covered += predicted[i];
      if (predicted[i] && label[i]) ++tp;
      else if (predicted[i]) ++fp;
      else if (label[i]) ++fn;
      else ++tn;
    }
    auto& [sum, answers] = by_kind[kind];
    sum += label.empty() ? 0.0 : double(covered) / double(label.size());
    ++answers;
  }
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  double mean(const std::string& kind) const {
    auto it = by_kind.find(kind);
    return it == by_kind.end() || it->second.second == 0
               ? 0.0
               : it->second.first / double(it->second.second);
  }
  std::size_t answers(const std::string& kind) const {
    auto it = by_kind.find(kind);
    return it == by_kind.end() ? 0 : it->second.second;
  }
  double weak_mean() const {
    double sum = 0;
    std::size_t n = 0;
    for (const char* kind : {"wrong", "stuffed"}) {
      auto it = by_kind.find(kind);
      if (it == by_kind.end()) continue;
      sum += it->second.first;
      n += it->second.second;
    }
    return n ? sum / double(n) : 0.0;
  }
};

const char* const kKinds[] = {"strong", "partial", "terse", "wrong", "stuffed"};

void print_tallies(const char* split, const Tally& scorer, const Tally& base, const Tally& labels) {
  std::printf("\n%s: %zu answers, %zu key points\n", split,
              [&] {
                std::size_t n = 0;
                for (const auto& [kind, v] : labels.by_kind) n += v.second;
                return n;
              }(),
              labels.tp + labels.fn + labels.fp + labels.tn);
  std::printf("  %-9s %9s %9s %9s %12s\n", "", "precision", "recall", "F1", "weak cover");
  std::printf("  %-9s %9.3f %9.3f %9.3f %11.1f%%\n", "scorer", scorer.precision(), scorer.recall(),
              scorer.f1(), 100 * scorer.weak_mean());
  std::printf("  %-9s %9.3f %9.3f %9.3f %11.1f%%\n", "baseline", base.precision(), base.recall(),
              base.f1(), 100 * base.weak_mean());
  std::printf("  %-9s %9s %9s %9s %11.1f%%\n", "labels", "", "", "", 100 * labels.weak_mean());
  std::printf("  mean coverage by kind (scorer / baseline / labels):\n");
  for (const char* kind : kKinds)
    if (labels.answers(kind))
      std::printf("    %-8s %4zu answers  %5.1f%% / %5.1f%% / %5.1f%%\n", kind, labels.answers(kind),
                  100 * scorer.mean(kind), 100 * base.mean(kind), 100 * labels.mean(kind));
  std::printf("RESULT %s_scorer_f1=%.4f\nRESULT %s_baseline_f1=%.4f\n", split, scorer.f1(), split,
              base.f1());
  std::printf("RESULT %s_scorer_weak_coverage=%.4f\nRESULT %s_baseline_weak_coverage=%.4f\n", split,
              scorer.weak_mean(), split, base.weak_mean());
}

}  // namespace

int main(int argc, char** argv) {
  fs::path bank_dir = fs::path(PYPREP_SOURCE_DIR) / "assets" / "bank";
  fs::path answers_dir = fs::path(PYPREP_SOURCE_DIR) / "tests" / "answers";
  int repeat = 20;
  bool dev_misses = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--bank" && i + 1 < argc) bank_dir = argv[++i];
    else if (arg == "--answers" && i + 1 < argc) answers_dir = argv[++i];
    else if (arg == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--dev-misses") dev_misses = true;
    else {
      std::fprintf(stderr, "usage: answer_bench [--bank DIR] [--answers DIR] [--repeat N] [--dev-misses]\n");
      return 2;
    }
  }

  LoadedBank loaded = load_bank_dir(bank_dir);
  Skipped skipped;
  std::vector<std::string> files;
  std::vector<Labelled> items = read_labelled(answers_dir, loaded.bank, skipped, files);
  std::printf("answer_bench (%s): bank %s (%zu cards, %zu problems), labelled set %s:",
              bench::kPlatform, bank_dir.string().c_str(), loaded.bank.cards.size(),
              loaded.problems.size(), answers_dir.string().c_str());
  for (const std::string& file : files) std::printf(" %s", file.c_str());
  std::printf("\n  %zu answers scored; skipped: %zu unparsable, %zu unknown card, %zu code card, "
              "%zu no match terms yet, %zu labels not matching the key points\n",
              items.size(), skipped.unparsable, skipped.unknown_card, skipped.code_card,
              skipped.no_terms, skipped.bad_labels);

  std::unordered_map<std::string, AnswerScorer> scorers;
  for (const Labelled& item : items)
    if (!scorers.count(item.card)) scorers.emplace(item.card, AnswerScorer(*item.bank_card));

  std::map<std::string, Tally> scorer_tally, base_tally, label_tally;  // split ("all" too)
  std::size_t cards = 0;
  std::set<std::string> seen_cards;
  for (const Labelled& item : items) {
    cards += seen_cards.insert(item.card).second;
    AnswerScore score = scorers.at(item.card).score(item.answer);
    std::vector<bool> predicted;
    for (const PointScore& point : score.points) predicted.push_back(point.covered);
    std::vector<bool> base = baseline(*item.bank_card, item.answer);
    for (const std::string& split : {item.split, std::string("all")}) {
      scorer_tally[split].add(item.kind, predicted, item.covered);
      base_tally[split].add(item.kind, base, item.covered);
      label_tally[split].add(item.kind, item.covered, item.covered);
    }
    if (dev_misses && item.split == "dev" && predicted != item.covered) {
      std::printf("\nMISS %s [%s]: %s\n", item.card.c_str(), item.kind.c_str(), item.answer.c_str());
      for (std::size_t i = 0; i < predicted.size(); ++i)
        if (predicted[i] != item.covered[i])
          std::printf("  %s point %zu: %s\n", predicted[i] ? "FALSE+" : "MISSED", i,
                      item.bank_card->key_points[i].c_str());
    }
  }
  std::printf("  %zu cards\n", cards);
  for (const char* split : {"dev", "test", "all"})
    if (label_tally.count(split))
      print_tallies(split, scorer_tally[split], base_tally[split], label_tally[split]);

  // Time per answer: scoring with the card's terms compiled once, and compiling them each time.
  if (!items.empty()) {
    std::size_t sink = 0;
    auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repeat; ++r)
      for (const Labelled& item : items) sink += scorers.at(item.card).score(item.answer).points.size();
    const double scored = bench::seconds_since(start) / double(repeat * items.size());
    start = std::chrono::steady_clock::now();
    for (int r = 0; r < repeat; ++r)
      for (const Labelled& item : items) sink += score_answer(*item.bank_card, item.answer).points.size();
    const double compiled = bench::seconds_since(start) / double(repeat * items.size());
    std::size_t bytes = 0, longest = 0;
    for (const Labelled& item : items) {
      bytes += item.answer.size();
      longest = std::max(longest, item.answer.size());
    }
    std::printf("\ntime per answer (%s, %zu answers x %d, mean %zu bytes, longest %zu): "
                "%.1f us scoring, %.1f us compiling the card's terms and scoring (%zu)\n",
                bench::kPlatform, items.size(), repeat, bytes / items.size(), longest,
                scored * 1e6, compiled * 1e6, sink % 10);
    std::printf("RESULT %s_us_per_answer=%.2f\nRESULT %s_us_per_answer_compiling=%.2f\n",
                bench::kPlatform, scored * 1e6, bench::kPlatform, compiled * 1e6);
  }
  return 0;
}
