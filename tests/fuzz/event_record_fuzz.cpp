// libFuzzer harness of the event log's record parser (core/log/event.h). Any input: parse_record and
// record_id must not crash, hang or trip a sanitizer. Properties, checked with abort():
//   - a record parse_record accepts has the id record_id reports;
//   - an accepted event written back (to_record) parses again to the same event.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/log/event.h"

namespace {

[[noreturn]] void fail(const char* what, std::string_view input, const std::string& detail) {
  std::fprintf(stderr, "event_record_fuzz: %s\n  input:   %.*s\n  %s\n", what,
               static_cast<int>(input.size()), input.data(), detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::optional<std::uint64_t> id = pyprep::record_id(input);
  const pyprep::Result<pyprep::Event> event = pyprep::parse_record(input);
  if (!event) return 0;
  if (id != event->id) fail("record_id differs from the parsed event's id", input, "");

  const std::string written = pyprep::to_record(*event);
  const pyprep::Result<pyprep::Event> again = pyprep::parse_record(written);
  if (!again) fail("to_record wrote a record parse_record rejects", input,
                   "written: " + written + "\n  error:   " + again.error().reason);
  if (!(*again == *event)) {
    fail("the written record parses to a different event", input,
         "written: " + written + "\n  again:   " + pyprep::to_record(*again));
  }
  return 0;
}
