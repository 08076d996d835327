// libFuzzer harness of backup import (core/log/backup.h). Any input: parse_backup must not crash,
// hang or trip a sanitizer. Properties, checked with abort():
//   - a backup parse_backup accepts, written again (write_backup), is accepted with the same
//     records, app version and creation time;
//   - any backup built from the input (records split at 0x1E, so they may hold line breaks, '!'
//     and invalid UTF-8) survives write_backup -> parse_backup unchanged. Random bytes seldom
//     pass the checksum, so this is what reaches the record decoding.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/log/backup.h"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "backup_fuzz: %s\n  %s\n", what, detail.c_str());
  std::abort();
}

void check_round_trip(const pyprep::Backup& backup) {
  const std::string written = pyprep::write_backup(backup);
  const pyprep::Result<pyprep::Backup> again = pyprep::parse_backup(written);
  if (!again) fail("parse_backup rejects what write_backup wrote", again.error().reason);
  if (again->records != backup.records) fail("the records changed in a round trip", written);
  if (again->created_at_ms != backup.created_at_ms) fail("created_at_ms changed", written);
  if (again->app_version != backup.app_version) fail("the app version changed", written);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (const pyprep::Result<pyprep::Backup> parsed = pyprep::parse_backup(input)) {
    check_round_trip(*parsed);  // its app version came through nlohmann: valid UTF-8
  }

  pyprep::Backup built;
  built.app_version = "fuzz";
  built.created_at_ms = static_cast<std::int64_t>(size) * 1000;
  std::string_view rest = input;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\x1e');
    built.records.emplace_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  check_round_trip(built);
  return 0;
}
