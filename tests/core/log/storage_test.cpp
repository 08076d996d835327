#include "core/log/storage.h"

#include <doctest/doctest.h>

using namespace pyprep;
using Records = std::vector<std::string>;

TEST_CASE("memory storage: appends become durable at the next poll and load returns them in order") {
  MemoryStorage storage({"r1"});
  storage.append("2", "r2");
  storage.append("3", "r3");
  const std::vector<AppendOutcome> outcomes = storage.poll();
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[0].key == "2");
  CHECK(outcomes[0].durable);
  CHECK(outcomes[0].reason.empty());
  CHECK(outcomes[1].key == "3");
  CHECK(storage.poll().empty());  // only what finished since the last poll
  CHECK(*storage.load() == Records{"r1", "r2", "r3"});
}

TEST_CASE("memory storage can fail the next N appends with a reason") {
  MemoryStorage storage;
  storage.fail_next_appends(2, "quota exceeded");
  storage.append("1", "r1");
  storage.append("2", "r2");
  storage.append("3", "r3");
  const std::vector<AppendOutcome> outcomes = storage.poll();
  REQUIRE(outcomes.size() == 3);
  CHECK_FALSE(outcomes[0].durable);
  CHECK(outcomes[0].reason == "quota exceeded");
  CHECK_FALSE(outcomes[1].durable);
  CHECK(outcomes[2].durable);
  CHECK(storage.records() == Records{"r3"});
}

TEST_CASE("memory storage can fail to load") {
  MemoryStorage storage({"r1"});
  storage.fail_load("database blocked");
  CHECK(storage.load().error().reason == "database blocked");
}
