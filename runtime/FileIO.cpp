//===- FileIO.cpp - whole-file reads and atomic writes --------------------===//

#include "runtime/FileIO.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h> // getpid

namespace snc::runtime {

bool readWholeFile(const std::string &path, std::vector<uint8_t> &bytes,
                   std::string &error) {
  FILE *file = std::fopen(path.c_str(), "rb");
  if (!file) {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  bytes.clear();
  uint8_t buffer[65536];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof(buffer), file)) > 0)
    bytes.insert(bytes.end(), buffer, buffer + got);
  bool failed = std::ferror(file);
  std::fclose(file);
  if (failed) {
    error = path + ": read error";
    return false;
  }
  return true;
}

bool readWholeFile(const std::string &path, std::string &text,
                   std::string &error) {
  std::vector<uint8_t> bytes;
  if (!readWholeFile(path, bytes, error))
    return false;
  text.assign(bytes.begin(), bytes.end());
  return true;
}

bool writeFileAtomically(const std::string &path,
                         const std::vector<uint8_t> &bytes,
                         std::string &error) {
  std::string temporary = temporaryPathFor(path);
  FILE *file = std::fopen(temporary.c_str(), "wb");
  if (!file) {
    error = path + ": cannot create " + temporary + ": " + std::strerror(errno);
    return false;
  }
  bool ok = bytes.empty() ||
            std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  ok = std::fflush(file) == 0 && ok;
  ok = std::fclose(file) == 0 && ok;
  if (!ok) {
    error = path + ": write error: " + std::strerror(errno);
    discardTemporary(temporary);
    return false;
  }
  return commitTemporary(temporary, path, error);
}

std::string temporaryPathFor(const std::string &path) {
  return path + ".tmp." + std::to_string(getpid());
}

bool commitTemporary(const std::string &temporary, const std::string &path,
                     std::string &error) {
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    error = path + ": cannot rename " + temporary + ": " + std::strerror(errno);
    discardTemporary(temporary);
    return false;
  }
  return true;
}

void discardTemporary(const std::string &temporary) {
  std::remove(temporary.c_str());
}

bool writeFileAtomically(const std::string &path, const std::string &text,
                         std::string &error) {
  return writeFileAtomically(
      path, std::vector<uint8_t>(text.begin(), text.end()), error);
}

} // namespace snc::runtime
