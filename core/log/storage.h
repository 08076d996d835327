#pragma once
// Where the event log lives: the one small interface both back ends implement (IndexedDB on the
// web, a file on the desktop). Appends are asynchronous: append() starts a durable write and a
// later poll() says how it ended, so the UI never waits for the disk.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace pyprep {

// The key of the write that clears the log: no record has it.
inline constexpr const char* kClearLog = "*clear*";

struct AppendOutcome {
  std::string key;
  bool durable = false;
  std::string reason;  // why the write failed; empty when durable
};

class Storage {
 public:
  virtual ~Storage() = default;
  // Every stored record, in append order.
  virtual Result<std::vector<std::string>> load() = 0;
  // Starts a durable write of one record under a key no other record has. A key that is taken
  // fails the write, unless the stored record is the same (a retry that had landed): durable.
  virtual void append(std::string key, std::string record) = 0;
  // Starts deleting every record; its outcome comes from poll() under kClearLog.
  virtual void clear() = 0;
  // The writes that finished since the last poll.
  virtual std::vector<AppendOutcome> poll() = 0;
  // Every stored record, when another writer changed the log since the last call.
  virtual std::optional<std::vector<std::string>> take_reloaded() { return std::nullopt; }
};

// Keeps records in memory; for tests, which can make the next appends fail.
class MemoryStorage : public Storage {
 public:
  MemoryStorage() = default;
  explicit MemoryStorage(std::vector<std::string> records) : records_(std::move(records)) {}

  Result<std::vector<std::string>> load() override;
  void append(std::string key, std::string record) override;
  void clear() override;
  std::vector<AppendOutcome> poll() override;
  std::optional<std::vector<std::string>> take_reloaded() override;

  // Another writer appends (a second tab): the next take_reloaded() reports every record.
  void append_from_elsewhere(std::string key, std::string record);

  // The next `count` appends fail with `reason` (and store nothing).
  void fail_next_appends(std::size_t count, std::string reason);
  // load() fails with `reason` while it is not empty.
  void fail_load(std::string reason) { load_error_ = std::move(reason); }

  const std::vector<std::string>& records() const { return records_; }

 private:
  std::vector<std::string> records_;
  std::vector<std::string> keys_;  // of each record
  bool reloaded_ = false;
  std::vector<AppendOutcome> finished_;
  std::size_t failures_left_ = 0;
  std::string failure_reason_;
  std::string load_error_;
};

}  // namespace pyprep
