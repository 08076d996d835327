#include "ui/platform/file_storage.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace pyprep;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("pyprep-storage-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter()++));
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("file storage: a missing log file loads as an empty log") {
  TempDir dir;
  FileStorage storage(dir.path / "pyprep" / "review-log.jsonl");
  auto records = storage.load();
  REQUIRE(records.ok());
  CHECK(records->empty());
}

TEST_CASE("file storage: appends are durable lines, acknowledged in order, and load back") {
  TempDir dir;
  const fs::path path = dir.path / "nested" / "review-log.jsonl";
  {
    FileStorage storage(path);
    storage.append("1", R"({"id":1})");
    storage.append("2", R"({"id":2})");
    auto outcomes = storage.poll();
    REQUIRE(outcomes.size() == 2);
    CHECK(outcomes[0].key == "1");
    CHECK(outcomes[0].durable);
    CHECK(outcomes[1].key == "2");
    CHECK(storage.poll().empty());
  }
  CHECK(read_file(path) == "{\"id\":1}\n{\"id\":2}\n");
  FileStorage reopened(path);
  auto records = reopened.load();
  REQUIRE(records.ok());
  CHECK(*records == std::vector<std::string>{R"({"id":1})", R"({"id":2})"});
}

TEST_CASE("file storage: a record torn by a crash stays alone and the next append starts a new line") {
  TempDir dir;
  const fs::path path = dir.path / "review-log.jsonl";
  fs::create_directories(dir.path);
  std::ofstream(path, std::ios::binary) << "{\"id\":1}\n{\"id\":2,\"ty";
  FileStorage storage(path);
  auto records = storage.load();
  REQUIRE(records.ok());
  CHECK(*records == std::vector<std::string>{R"({"id":1})", R"({"id":2,"ty)"});
  storage.append("3", R"({"id":3})");
  CHECK(storage.poll().at(0).durable);
  CHECK(read_file(path) == "{\"id\":1}\n{\"id\":2,\"ty\n{\"id\":3}\n");
}

TEST_CASE("file storage: a write that cannot happen is reported with its reason, not counted") {
  TempDir dir;
  fs::create_directories(dir.path);
  std::ofstream(dir.path / "file") << "x";  // a file where the directory should be
  FileStorage storage(dir.path / "file" / "review-log.jsonl");
  storage.append("7", R"({"id":7})");
  auto outcomes = storage.poll();
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].key == "7");
  CHECK_FALSE(outcomes[0].durable);
  CHECK_FALSE(outcomes[0].reason.empty());
}

TEST_CASE("file storage: the log lives under XDG_DATA_HOME, else ~/.local/share") {
  CHECK(default_log_path("/data", "/home/u") == fs::path("/data/pyprep/review-log.jsonl"));
  CHECK(default_log_path("", "/home/u") == fs::path("/home/u/.local/share/pyprep/review-log.jsonl"));
  CHECK(default_log_path(nullptr, "/home/u") == fs::path("/home/u/.local/share/pyprep/review-log.jsonl"));
  // The XDG spec ignores relative paths.
  CHECK(default_log_path("relative", "/home/u") == fs::path("/home/u/.local/share/pyprep/review-log.jsonl"));
}
