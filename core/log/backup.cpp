#include "core/log/backup.h"

#include <cinttypes>
#include <cstdio>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/base/hash.h"

namespace pyprep {
namespace {

constexpr const char* kFormat = "pyprep-backup";

std::string checksum_of(const std::vector<std::string>& records) {
  std::uint64_t h = fnv1a64("");
  for (const std::string& record : records) h = fnv1a64("\n", fnv1a64(record, h));
  char text[32];
  std::snprintf(text, sizeof text, "fnv1a64:%016" PRIx64, h);
  return text;
}

// A record goes on its line as it is, unless it holds a line break or could be mistaken for an
// encoded one: then the line is '!' and the record's bytes in hex (any bytes, even invalid UTF-8).
constexpr char kEncoded = '!';

bool needs_encoding(std::string_view record) {
  return record.find('\n') != std::string_view::npos || (!record.empty() && record.front() == kEncoded);
}

std::string encode(std::string_view record) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string line(1, kEncoded);
  for (const char c : record) {
    line += kDigits[static_cast<unsigned char>(c) >> 4];
    line += kDigits[static_cast<unsigned char>(c) & 15];
  }
  return line;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> decode(std::string_view line) {
  line.remove_prefix(1);
  if (line.size() % 2 != 0) return std::nullopt;
  std::string record;
  for (std::size_t i = 0; i < line.size(); i += 2) {
    const int high = hex_value(line[i]), low = hex_value(line[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    record += static_cast<char>(high * 16 + low);
  }
  return record;
}

Error at_line(std::size_t line, const std::string& what) {
  return Error{"line " + std::to_string(line) + ": " + what};
}

}  // namespace

std::string write_backup(const Backup& backup) {
  nlohmann::ordered_json header;
  header["format"] = kFormat;
  header["version"] = kBackupVersion;
  header["app"] = backup.app_version;
  header["created_at_ms"] = backup.created_at_ms;
  header["count"] = backup.records.size();
  header["checksum"] = checksum_of(backup.records);
  std::string text = header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text += '\n';
  for (const std::string& record : backup.records) {
    text += needs_encoding(record) ? encode(record) : record;
    text += '\n';
  }
  return text;
}

Result<Backup> parse_backup(std::string_view text) {
  if (text.empty()) return Error{"the file is empty"};
  if (text.size() > kMaxBackupBytes) {
    return Error{"the file is " + std::to_string(text.size() >> 20) +
                 " MB; a PyPrep backup is at most " + std::to_string(kMaxBackupBytes >> 20) + " MB"};
  }
  const std::size_t header_end = text.find('\n');
  const std::string_view header_line = text.substr(0, header_end);
  const nlohmann::json header = nlohmann::json::parse(header_line, nullptr, false);
  if (header.is_discarded() || !header.is_object() || !header.contains("format") ||
      header["format"] != kFormat) {
    return Error{"this file is not a PyPrep backup"};
  }
  const auto field = [&](const char* key) -> const nlohmann::json* {
    const auto it = header.find(key);
    return it == header.end() ? nullptr : &*it;
  };
  const nlohmann::json* version = field("version");
  if (!version || !version->is_number_integer()) return Error{"the backup header has no format version"};
  if (version->get<std::int64_t>() > kBackupVersion) {
    return Error{"the backup was made by a newer PyPrep (format " + version->dump() +
                 "); update the app to restore it"};
  }
  if (version->get<std::int64_t>() < 1) return Error{"the backup header has an unknown format version"};
  const nlohmann::json* count = field("count");
  const nlohmann::json* checksum = field("checksum");
  const nlohmann::json* created = field("created_at_ms");
  const nlohmann::json* app = field("app");
  if (!count || !count->is_number_unsigned()) return Error{"the backup header has no record count"};
  if (!checksum || !checksum->is_string()) return Error{"the backup header has no checksum"};
  if (!created || !created->is_number_integer()) return Error{"the backup header has no creation time"};

  Backup backup;
  backup.app_version = app && app->is_string() ? app->get<std::string>() : std::string();
  backup.created_at_ms = created->get<std::int64_t>();
  const std::uint64_t expected = count->get<std::uint64_t>();
  if (header_end == std::string_view::npos) {
    if (expected == 0) return Error{"the backup is incomplete: it ends inside its first line"};
    return Error{"the backup is incomplete: all " + std::to_string(expected) +
                 " of its items are missing (it was cut short)"};
  }
  std::string_view rest = text.substr(header_end + 1);
  std::size_t line = 1;
  while (!rest.empty()) {
    ++line;
    const std::size_t end = rest.find('\n');
    if (end == std::string_view::npos) {
      return Error{"the backup is incomplete: it was cut short at line " + std::to_string(line)};
    }
    if (end > 2 * kMaxBackupRecordBytes + 1) {
      return at_line(line, "an item of " + std::to_string(end >> 10) + " KB is larger than any PyPrep writes");
    }
    if (backup.records.size() == expected) {
      return at_line(line, "the backup holds more items than the " + std::to_string(expected) + " it lists");
    }
    const std::string_view written = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    if (written.empty() || written.front() != kEncoded) {
      backup.records.emplace_back(written);
      continue;
    }
    std::optional<std::string> record = decode(written);
    if (!record) return at_line(line, "an encoded item is damaged (not valid hex)");
    backup.records.push_back(std::move(*record));
  }
  if (backup.records.size() != expected) {
    return Error{"the backup is incomplete: it holds " + std::to_string(backup.records.size()) + " of its " +
                 std::to_string(expected) + " items (it was cut short)"};
  }
  if (checksum_of(backup.records) != checksum->get<std::string>()) {
    return Error{"the backup was changed or damaged after it was made (its checksum does not match)"};
  }
  return backup;
}

}  // namespace pyprep
