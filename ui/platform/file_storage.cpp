#include "platform/file_storage.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace pyprep {

namespace {

std::string system_error(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

Status write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error{system_error("write failed")};
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return ok_status();
}

}  // namespace

FileStorage::FileStorage(std::filesystem::path path) : path_(std::move(path)) {}

Result<std::vector<std::string>> FileStorage::load() {
  std::vector<std::string> records;
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec)) return records;
  std::ifstream in(path_, std::ios::binary);
  if (!in) return Error{"cannot open " + path_.string() + ": " + std::strerror(errno)};
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      torn_tail_ = true;  // kept: replay reports it if it does not parse
      end = text.size();
    }
    if (end > start) records.emplace_back(text, start, end - start);
    start = end + 1;
  }
  return records;
}

void FileStorage::append(std::string key, std::string record) {
  auto fail = [&](std::string reason) { finished_.push_back({key, false, std::move(reason)}); };
  if (record.find('\n') != std::string::npos) return fail("a record with a line break cannot be stored in " + path_.string());
  std::error_code ec;
  std::filesystem::create_directories(path_.parent_path(), ec);
  if (ec) return fail("cannot create " + path_.parent_path().string() + ": " + ec.message());
  const bool is_new = !std::filesystem::exists(path_, ec);
  const int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return fail(system_error(("cannot open " + path_.string()).c_str()));
  // A record after a torn tail starts on its own line, so only the torn record is lost.
  std::string line = (torn_tail_ ? "\n" : "") + record + "\n";
  Status written = write_all(fd, line);
  if (written.ok() && ::fsync(fd) != 0) written = Error{system_error("fsync failed")};
  ::close(fd);
  if (!written.ok()) {
    torn_tail_ = true;  // part of the line may be on disk; an extra newline costs only a blank line
    return fail(written.error().reason);
  }
  torn_tail_ = false;
  if (is_new) {  // make the new directory entry durable too
    const int dir = ::open(path_.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
  }
  finished_.push_back({std::move(key), true, {}});
}

void FileStorage::clear() {
  const int fd = ::open(path_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  Status done = ok_status();
  if (fd < 0 && errno != ENOENT) done = Error{system_error(("cannot open " + path_.string()).c_str())};
  if (fd >= 0) {
    if (::fsync(fd) != 0) done = Error{system_error("fsync failed")};
    ::close(fd);
  }
  if (done.ok()) torn_tail_ = false;
  finished_.push_back({kClearLog, done.ok(), done.ok() ? "" : done.error().reason});
}

std::vector<AppendOutcome> FileStorage::poll() { return std::exchange(finished_, {}); }

std::filesystem::path default_log_path(const char* xdg_data_home, const char* home) {
  std::filesystem::path base;
  if (xdg_data_home && *xdg_data_home && std::filesystem::path(xdg_data_home).is_absolute())
    base = xdg_data_home;
  else if (home && *home)
    base = std::filesystem::path(home) / ".local" / "share";
  else
    base = ".";
  return base / "pyprep" / "review-log.jsonl";
}

}  // namespace pyprep
