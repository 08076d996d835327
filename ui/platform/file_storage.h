#pragma once
// The desktop back end of the review log: one record per line in a file, each append written and
// fsynced before it counts as durable (so a crash loses at most the event being written).
#include <filesystem>
#include <string>
#include <vector>

#include "core/log/storage.h"

namespace pyprep {

class FileStorage : public Storage {
 public:
  explicit FileStorage(std::filesystem::path path);

  Result<std::vector<std::string>> load() override;
  // One writer per file: keys are not stored (the app never reuses one).
  void append(std::string key, std::string record) override;
  void clear() override;
  std::vector<AppendOutcome> poll() override;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::vector<AppendOutcome> finished_;
  bool torn_tail_ = false;  // the file ends inside a record (a crash mid-write)
};

// $XDG_DATA_HOME/pyprep/review-log.jsonl, falling back to ~/.local/share as the XDG spec says.
std::filesystem::path default_log_path(const char* xdg_data_home, const char* home);

}  // namespace pyprep
