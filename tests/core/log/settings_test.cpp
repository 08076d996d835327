#include "core/log/settings.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/log/event.h"

using namespace pyprep;
using nlohmann::json;

namespace {

// A change as the log holds it: read from a settings record, then applied.
Status apply_logged_change(Settings& settings, const json& changes) {
  const json record = {{"id", 1}, {"at_ms", 0}, {"type", "settings"}, {"changes", changes}};
  const Result<Event> event = parse_record(record.dump());
  if (!event) return event.error();
  return apply_settings_change(settings, std::get<ChangeSettings>(event->body).changes);
}

}  // namespace

TEST_CASE("settings default to 90% retention, 36500-day cap, steps 1m 10m / 10m, 20 new, 200 reviews, 4 am") {
  const Settings s;
  CHECK(s.scheduling.desired_retention == 0.9);
  CHECK(s.scheduling.max_interval_days == 36500);
  CHECK(s.scheduling.learning_steps_ms == std::vector<std::int64_t>{60'000, 600'000});
  CHECK(s.scheduling.relearning_steps_ms == std::vector<std::int64_t>{600'000});
  CHECK(s.scheduling.fuzz);
  CHECK(s.new_per_day == 20);
  CHECK(s.reviews_per_day == 200);
  CHECK(s.day_start_hour == 4);
  CHECK(s.leech_lapses == 8);
  CHECK_FALSE(s.suspend_leeches);
  CHECK(s.new_order == NewCardOrder::Interleaved);
}

TEST_CASE("a settings change sets every key it names and leaves the others") {
  Settings s;
  const json changes = {{"desired_retention", 0.85},
                        {"max_interval_days", 365},
                        {"learning_steps_min", {1, 5, 15}},
                        {"relearning_steps_min", {2.5}},
                        {"fuzz", false},
                        {"new_per_day", 5},
                        {"reviews_per_day", 50},
                        {"day_start_hour", 0},
                        {"topics", json::array({"basics", "async"})},
                        {"levels", json::array({"junior", "senior"})},
                        {"new_order", "shuffled"},
                        {"shuffle_seed", 99},
                        {"leech_lapses", 4},
                        {"suspend_leeches", true}};
  const Status status = apply_logged_change(s, changes);
  INFO((status.ok() ? std::string() : status.error().reason));
  REQUIRE(status.ok());
  CHECK(s.scheduling.desired_retention == 0.85);
  CHECK(s.scheduling.max_interval_days == 365);
  CHECK(s.scheduling.learning_steps_ms == std::vector<std::int64_t>{60'000, 300'000, 900'000});
  CHECK(s.scheduling.relearning_steps_ms == std::vector<std::int64_t>{150'000});
  CHECK_FALSE(s.scheduling.fuzz);
  CHECK(s.new_per_day == 5);
  CHECK(s.reviews_per_day == 50);
  CHECK(s.day_start_hour == 0);
  CHECK(s.topics == std::vector<std::string>{"basics", "async"});
  CHECK(s.levels == std::vector<Level>{Level::Junior, Level::Senior});
  CHECK(s.new_order == NewCardOrder::Shuffled);
  CHECK(s.shuffle_seed == 99);
  CHECK(s.leech_lapses == 4);
  CHECK(s.suspend_leeches);
  CHECK(s.scheduling.parameters == fsrs::kDefaultParameters);

  REQUIRE(apply_logged_change(s, {{"new_per_day", 7}}).ok());
  CHECK(s.new_per_day == 7);
  CHECK(s.reviews_per_day == 50);
}

TEST_CASE("an invalid value rejects the whole change with a reason") {
  Settings s;
  const Status status = apply_logged_change(s, {{"new_per_day", 3}, {"desired_retention", 1.5}});
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().reason == "setting 'desired_retention' must be a number from 0.7 to 0.99");
  CHECK(s == Settings{});  // new_per_day was not applied either
  CHECK(apply_logged_change(s, {{"day_start_hour", 24}}).error().reason ==
        "setting 'day_start_hour' must be a whole number from 0 to 23");
  CHECK(apply_logged_change(s, {{"new_per_day", 2.5}}).error().reason ==
        "setting 'new_per_day' must be a whole number from 0 to 9999");
  CHECK(apply_logged_change(s, {{"learning_steps_min", {1, 0}}}).error().reason ==
        "setting 'learning_steps_min' must be an array of minutes, each > 0 and at most a year");
  CHECK(apply_logged_change(s, {{"levels", {"expert"}}}).error().reason ==
        "setting 'levels' must be an array of \"beginner\", \"junior\", \"mid\", \"senior\"");
  CHECK(apply_logged_change(s, {{"new_order", "random"}}).error().reason ==
        "setting 'new_order' must be \"level_topic\" or \"shuffled\"");
  CHECK(apply_logged_change(s, {{"fuzz", 1}}).error().reason == "setting 'fuzz' must be true or false");
  CHECK(apply_logged_change(s, json::array()).error().reason == "field 'changes' must be an object");
}

TEST_CASE("unknown setting keys are ignored so newer logs still replay") {
  Settings s;
  REQUIRE(apply_logged_change(s, {{"theme", "dark"}, {"new_per_day", 3}}).ok());
  CHECK(s.new_per_day == 3);
}

TEST_CASE("empty learning steps are allowed (cards graduate at once)") {
  Settings s;
  REQUIRE(apply_logged_change(s, {{"learning_steps_min", json::array()}}).ok());
  CHECK(s.scheduling.learning_steps_ms.empty());
}

TEST_CASE("theme and text size are settings too: system theme and 1x text by default") {
  Settings settings;
  CHECK(settings.theme == ThemeChoice::System);
  CHECK_FALSE(settings.text_scale.has_value());  // the platform's size until one is chosen
  REQUIRE(apply_logged_change(settings, {{"theme", "dark"}, {"text_scale", 1.25}}).ok());
  CHECK(settings.theme == ThemeChoice::Dark);
  CHECK(settings.text_scale == 1.25);
  CHECK_FALSE(apply_logged_change(settings, {{"theme", "sepia"}}).ok());
  CHECK_FALSE(apply_logged_change(settings, {{"text_scale", 3}}).ok());
  CHECK(settings.theme == ThemeChoice::Dark);
}

TEST_CASE("choosing every level is stored as choosing none, so a level added later is studied too") {
  Settings s;
  REQUIRE(apply_settings_change(s, {.levels = std::vector<Level>{Level::Mid, Level::Junior}}).ok());
  CHECK(s.levels == std::vector<Level>{Level::Mid, Level::Junior});
  REQUIRE(apply_settings_change(
              s, {.levels = std::vector<Level>{Level::Senior, Level::Mid, Level::Junior, Level::Beginner}})
              .ok());
  CHECK(s.levels.empty());
}

TEST_CASE("choice names are the log's: new_order and theme read back what they write") {
  CHECK(new_order_name(NewCardOrder::LevelThenTopic) == "level_topic");
  CHECK(parse_new_order("shuffled") == NewCardOrder::Shuffled);
  CHECK(theme_name(ThemeChoice::Dark) == "dark");
  CHECK(parse_theme("light") == ThemeChoice::Light);
  CHECK_FALSE(parse_theme("sepia").has_value());
}
