// Prints figures for the scheduling core and asserts nothing (run by scripts/bench-core.sh):
//  1. replay throughput on a real review log (py-fsrs's test data),
//  2. prediction quality of the default FSRS-6 parameters on that log,
//  3. replay time of a synthetic 100,000-review history.
// Usage: core_bench <review_logs.csv>   (columns card_id,review_rating,review_time,review_duration)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <queue>
#include <sstream>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "bench/bench_util.h"
#include "core/app/app.h"
#include "core/log/collection.h"
#include "core/srs/evaluation.h"
#include "core/log/event.h"
#include "core/srs/fsrs.h"
#include "core/base/random.h"
#include "bench/review_log_csv.h"

using namespace pyprep;

namespace {

using bench::kPlatform;

using bench::Log;
using bench::read_log;

using bench::seconds_since;

// Best of several runs: the least disturbed by the rest of the machine.
template <class F>
double best_seconds(F&& run, int runs) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    best = std::min(best, seconds_since(start));
  }
  return best;
}

std::size_t replay_events(const Log& log) {
  Collection collection(log.bank);
  return replay(collection, log.events).applied;
}

std::size_t replay_records(const Log& log, const std::vector<std::string>& records) {
  Collection collection(log.bank);
  std::size_t applied = 0;
  for (const std::string& record : records) {
    Result<Event> event = parse_record(record);
    applied += event && collection.apply(*event) ? 1 : 0;
  }
  return applied;
}

// What the app does at start with the stored records: keys, duplicates, the log, the replay.
std::size_t start_app(const Log& log, const std::vector<std::string>& records) {
  MemoryStorage storage(records);
  App app(log.bank, storage);
  const Status started = app.start(log.events.back().at_ms, 0, "bench");
  return started.ok() ? 1 : 0;
}

std::vector<std::string> to_records(const std::vector<Event>& events) {
  std::vector<std::string> records;
  records.reserve(events.size());
  for (const Event& event : events) records.push_back(to_record(event));
  return records;
}

void bench_replay(const char* name, const Log& log, int runs) {
  const std::vector<std::string> records = to_records(log.events);
  std::size_t applied = 0;
  const double events_s = best_seconds([&] { applied = replay_events(log); }, runs);
  const double records_s = best_seconds([&] { replay_records(log, records); }, runs);
  const double app_s = best_seconds([&] { start_app(log, records); }, runs);
  const double n = double(log.events.size());
  std::printf("replay %s (%s): %zu events (%zu applied) in %.2f ms = %.0f reviews/s; "
              "from records (parse + replay) %.2f ms = %.0f reviews/s; App::start on the records %.2f ms\n",
              name, kPlatform, log.events.size(), applied, events_s * 1e3, n / events_s,
              records_s * 1e3, n / records_s, app_s * 1e3);
  std::printf("RESULT %s_%s_replay_ms=%.3f\n", kPlatform, name, events_s * 1e3);
  std::printf("RESULT %s_%s_records_ms=%.3f\n", kPlatform, name, records_s * 1e3);
  std::printf("RESULT %s_%s_app_start_ms=%.3f\n", kPlatform, name, app_s * 1e3);
  std::printf("RESULT %s_%s_reviews_per_s=%.0f\n", kPlatform, name, n / events_s);
}

// --- 2. prediction quality --------------------------------------------------------------------

using evaluation::Prediction;

// FSRS memory states replayed over every review (same-day ones via the short-term formula);
// before each review ≥ 1 whole day after the previous one, R is predicted.
std::vector<Prediction> predict(const Log& log) {
  struct CardMemory {
    fsrs::MemoryState memory;
    std::int64_t last_ms = 0;
    int reviews = 0;
    int lapses = 0;
  };
  const fsrs::Parameters& w = fsrs::kDefaultParameters;
  std::unordered_map<std::string, CardMemory> cards;
  std::vector<Prediction> predictions;
  for (const Event& event : log.events) {
    const Review& review = std::get<Review>(event.body);
    const auto rating = static_cast<fsrs::Rating>(review.rating);
    CardMemory& card = cards[review.card_id];
    if (card.reviews == 0) {
      card.memory = fsrs::initial_state(rating, w);
    } else {
      const int days = elapsed_days(card.last_ms, event.at_ms);
      if (days >= 1) {
        predictions.push_back({fsrs::retrievability(days, card.memory.stability, w),
                               rating != fsrs::Rating::Again, days, card.reviews, card.lapses});
      }
      if (rating == fsrs::Rating::Again) ++card.lapses;
      card.memory = fsrs::next_state(card.memory, days, rating, w);
    }
    ++card.reviews;
    card.last_ms = event.at_ms;
  }
  return predictions;
}

void bench_quality(const Log& log) {
  const evaluation::Metrics m = evaluation::evaluate(predict(log));
  std::printf("prediction quality, default parameters (%s): %zu predicted reviews, log loss %.4f, "
              "RMSE(bins) %.4f, AUC %.4f\n",
              kPlatform, m.count, m.log_loss, m.rmse_bins, m.auc);
}

// --- 3. synthetic history ---------------------------------------------------------------------

// A learner who studies every day from 9:00: due cards first, then 20 new ones, answering from
// the model's own recall probability. The history is built with the scheduler itself, so it has
// the shape of real use (learning steps, lapses, growing intervals).
Log synthetic_log(std::size_t reviews, std::size_t card_count) {
  Log log;
  log.bank.topics.push_back(Topic{"synthetic", "synthetic"});
  for (std::size_t i = 0; i < card_count; ++i) {
    log.bank.cards.push_back(Card{.id = "card-" + std::to_string(i), .topic = "synthetic"});
  }
  Collection collection(log.bank);
  SplitMix64 random(42);
  using Due = std::pair<std::int64_t, std::size_t>;
  std::priority_queue<Due, std::vector<Due>, std::greater<>> due;
  const std::int64_t first_day = 19'800 * kDayMs;  // mid-2024
  std::size_t introduced = 0;
  std::int64_t now = 0;
  for (std::int64_t day = 0; log.events.size() < reviews; ++day) {
    const std::int64_t day_start = first_day + day * kDayMs;
    now = std::max(now, day_start + 9 * 3'600'000);
    for (int i = 0; i < 20 && introduced < card_count; ++i) due.push({now, introduced++});
    while (!due.empty() && due.top().first < day_start + kDayMs && log.events.size() < reviews) {
      const std::size_t card = due.top().second;
      due.pop();
      const Schedule& s = collection.cards()[card].schedule;
      now = std::max(now, s.due_ms) + 8'000;
      const double recall =
          s.state == CardState::Review
              ? fsrs::retrievability(elapsed_days(s.last_review_ms, now), s.memory.stability,
                                     fsrs::kDefaultParameters)
              : 0.85;
      const double u = random.uniform();
      const int rating = u >= recall ? 1 : u < recall * 0.1 ? 2 : u > recall * 0.9 ? 4 : 3;
      Event event{log.events.size() + 1, now, Review{log.bank.cards[card].id, rating, 8'000}};
      if (!collection.apply(event).ok()) continue;  // generated events are valid; skip if not
      log.events.push_back(std::move(event));
      due.push({collection.cards()[card].schedule.due_ms, card});
    }
  }
  return log;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <review_logs.csv>\n", argv[0]);
    return 2;
  }
  Log josh;
  if (!read_log(argv[1], josh)) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  std::printf("review log %s: %zu reviews of %zu cards\n", argv[1], josh.events.size(),
              josh.bank.cards.size());
  bench_replay("josh", josh, 15);
  bench_quality(josh);

  const Log synthetic = synthetic_log(100'000, 3'000);
  const std::int64_t days =
      (synthetic.events.back().at_ms - synthetic.events.front().at_ms) / kDayMs + 1;
  std::printf("synthetic history: %zu reviews of %zu cards over %lld days\n",
              synthetic.events.size(), synthetic.bank.cards.size(), static_cast<long long>(days));
  bench_replay("synthetic", synthetic, 5);
  return 0;
}
