#include "core/log/storage.h"

#include <algorithm>
#include <utility>

namespace pyprep {

Result<std::vector<std::string>> MemoryStorage::load() {
  if (!load_error_.empty()) return Error{load_error_};
  return records_;
}

void MemoryStorage::append(std::string key, std::string record) {
  if (failures_left_ > 0) {
    --failures_left_;
    finished_.push_back({std::move(key), false, failure_reason_});
    return;
  }
  const auto taken = std::find(keys_.begin(), keys_.end(), key);
  if (taken != keys_.end()) {
    const bool same = records_[static_cast<std::size_t>(taken - keys_.begin())] == record;
    finished_.push_back({std::move(key), same, same ? "" : "another record has this key"});
    return;
  }
  records_.push_back(std::move(record));
  keys_.push_back(key);
  finished_.push_back({std::move(key), true, {}});
}

void MemoryStorage::clear() {
  records_.clear();
  keys_.clear();
  finished_.push_back({kClearLog, true, {}});
}

std::vector<AppendOutcome> MemoryStorage::poll() { return std::exchange(finished_, {}); }

std::optional<std::vector<std::string>> MemoryStorage::take_reloaded() {
  if (!std::exchange(reloaded_, false)) return std::nullopt;
  return records_;
}

void MemoryStorage::append_from_elsewhere(std::string key, std::string record) {
  records_.push_back(std::move(record));
  keys_.push_back(std::move(key));
  reloaded_ = true;
}

void MemoryStorage::fail_next_appends(std::size_t count, std::string reason) {
  failures_left_ = count;
  failure_reason_ = std::move(reason);
}

}  // namespace pyprep
