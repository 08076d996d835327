#pragma once
// A backup file: every stored record of the log, one per line (JSON Lines), after a header line
//   {"format":"pyprep-backup","version":1,"app":"…","created_at_ms":…,"count":N,"checksum":"fnv1a64:…"}
// The checksum covers every record's bytes, so a truncated, edited or damaged file is refused
// before anything is restored. Records are kept byte for byte, including ones the app could not
// read; one that holds a line break is written as '!' and its bytes in hex.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace pyprep {

inline constexpr int kBackupVersion = 1;
inline constexpr std::size_t kMaxBackupBytes = 64u << 20;   // 64 MiB
inline constexpr std::size_t kMaxBackupRecordBytes = 1u << 20;  // one record line, 1 MiB

struct Backup {
  std::string app_version;
  std::int64_t created_at_ms = 0;
  std::vector<std::string> records;
};

std::string write_backup(const Backup& backup);
// Validates the whole file; the error says precisely what is wrong (and on which line).
Result<Backup> parse_backup(std::string_view text);

}  // namespace pyprep
