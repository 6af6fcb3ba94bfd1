//===- FileIO.h - whole-file reads and atomic writes ------------*- C++ -*-===//
//
// The image directory must never hold half a file: a reader that races a
// writer, or a writer that fails, sees the old file or the new one.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_FILEIO_H
#define SNC_RUNTIME_FILEIO_H

#include <cstdint>
#include <string>
#include <vector>

namespace snc::runtime {

/// Reads all of `path`; errors start with the path.
bool readWholeFile(const std::string &path, std::vector<uint8_t> &bytes,
                   std::string &error);
bool readWholeFile(const std::string &path, std::string &text,
                   std::string &error);

/// Writes `bytes` to "<path>.tmp.<pid>" and renames it over
/// `path`; on failure removes the temporary file. Errors start with the
/// path.
bool writeFileAtomically(const std::string &path,
                         const std::vector<uint8_t> &bytes, std::string &error);
bool writeFileAtomically(const std::string &path, const std::string &text,
                         std::string &error);

/// For writers that produce the file themselves: the temporary path to
/// write instead of `path`, then moved over it by commitTemporary (or
/// removed by discardTemporary when the writer fails).
std::string temporaryPathFor(const std::string &path);
bool commitTemporary(const std::string &temporary, const std::string &path,
                     std::string &error);
void discardTemporary(const std::string &temporary);

} // namespace snc::runtime

#endif // SNC_RUNTIME_FILEIO_H
