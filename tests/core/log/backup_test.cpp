#include "core/log/backup.h"

#include <doctest/doctest.h>

#include <string>

using namespace pyprep;

TEST_CASE("a backup is a header line and the records; any bytes survive a round trip") {
  const std::string invalid_utf8 = "\xff\xfe not text";
  const Backup backup{"1.1.0", 1'700'000'000'000, {R"({"id":1,"at_ms":0,"type":"reset_all"})", "two\nlines", "!bang",
                                                    invalid_utf8, ""}};
  const std::string text = write_backup(backup);
  CHECK(text.substr(0, text.find('\n')) ==
        R"({"format":"pyprep-backup","version":1,"app":"1.1.0","created_at_ms":1700000000000,"count":5,"checksum":"fnv1a64:)" +
            text.substr(text.find("fnv1a64:") + 8, 16) + R"("})");
  // Plain records as they are; a line break or a leading '!' is written as hex.
  CHECK(text.find("\n{\"id\":1,\"at_ms\":0,\"type\":\"reset_all\"}\n!74776f0a6c696e6573\n!2162616e67\n") !=
        std::string::npos);
  Result<Backup> parsed = parse_backup(text);
  REQUIRE(parsed.ok());
  CHECK(parsed->app_version == "1.1.0");
  CHECK(parsed->created_at_ms == 1'700'000'000'000);
  CHECK(parsed->records == backup.records);
}

TEST_CASE("the checksum is FNV-1a over each record and its line break") {
  // FNV-1a 64 of "a\n", computed by hand from the published offset basis and prime.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const unsigned char c : std::string("a\n")) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char expected[32];
  std::snprintf(expected, sizeof expected, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
  const std::string text = write_backup({"x", 0, {"a"}});
  CHECK(text.find(expected) != std::string::npos);
}

TEST_CASE("a damaged backup is refused with what is wrong and where") {
  const std::string text = write_backup({"x", 0, {"r1", "r2"}});
  const auto reason = [](std::string_view file) { return parse_backup(file).error().reason; };
  CHECK(reason(text + "r3\n") == "line 4: the backup holds more items than the 2 it lists");
  CHECK(reason(text.substr(0, text.size() - 1)) == "the backup is incomplete: it was cut short at line 3");
  CHECK(reason(text.substr(0, text.find('\n'))) ==
        "the backup is incomplete: all 2 of its items are missing (it was cut short)");
  std::string flipped = text;
  flipped[flipped.size() - 2] = '3';
  CHECK(reason(flipped) == "the backup was changed or damaged after it was made (its checksum does not match)");
  const std::string bad_hex = write_backup({"x", 0, {"a\nb"}});
  CHECK(reason(bad_hex.substr(0, bad_hex.rfind('!')) + "!zz\n") == "line 2: an encoded item is damaged (not valid hex)");
  CHECK(reason(R"({"format":"pyprep-backup"})" "\n") == "the backup header has no format version");
  CHECK(reason(R"({"format":"pyprep-backup","version":1,"count":-1,"checksum":"","created_at_ms":0})" "\n") ==
        "the backup header has no record count");
  CHECK(reason("[1,2,3]\n") == "this file is not a PyPrep backup");
  CHECK(reason(std::string(3, '\0')) == "this file is not a PyPrep backup");
}

TEST_CASE("a file of exactly the size limit is read (and refused only for what it holds)") {
  CHECK(parse_backup(std::string(kMaxBackupBytes, 'x')).error().reason == "this file is not a PyPrep backup");
  CHECK(parse_backup(std::string(kMaxBackupBytes + 1, 'x')).error().reason ==
        "the file is 64 MB; a PyPrep backup is at most 64 MB");
}
