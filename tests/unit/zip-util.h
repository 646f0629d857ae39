// zip-util.h — reading a zip written by teema (DOCX, ODT, .qdpx) in a
// test, through libarchive: its members in order, with their data.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <string>
#include <utility>
#include <vector>

namespace ziputil {

inline std::vector<std::pair<std::string, std::string>>
unzip (const std::string &path)
{
  std::vector<std::pair<std::string, std::string>> out;
  struct archive *a = archive_read_new ();
  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, path.c_str (), 65536) != ARCHIVE_OK) {
    archive_read_free (a);
    return out;
  }
  struct archive_entry *e;
  while (archive_read_next_header (a, &e) == ARCHIVE_OK) {
    std::string data;
    char buf[8192];
    la_ssize_t n;
    while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
      data.append (buf, (size_t) n);
    out.push_back ({ archive_entry_pathname (e), data });
  }
  archive_read_free (a);
  return out;
}

// The member whose name ends with suffix, or "".
inline std::string
member (const std::vector<std::pair<std::string, std::string>> &zip,
        const std::string &suffix)
{
  for (auto &m : zip)
    if (m.first.size () >= suffix.size ()
        && m.first.compare (m.first.size () - suffix.size (), suffix.size (),
                            suffix)
             == 0)
      return m.second;
  return "";
}

} // namespace ziputil
