//===- NIRReaderInProcess.h - the HDF5 reader itself ------------*- C++ -*-===//
//
// Reads a NIR file with libhdf5 in the calling process. libhdf5 can crash or
// spin on a corrupt file, so snc calls this only in the child process of
// readNIRFile (ReadIsolated.cpp); tests and the process boundary use it
// directly.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_NIR_NIRREADERINPROCESS_H
#define SNC_NIR_NIRREADERINPROCESS_H

#include "nir/NIRModel.h"

#include <functional>
#include <string>

namespace snc::nir {

/// Called with an HDF5 object's path (e.g. "/node/nodes/lif/tau") before
/// the reader asks libhdf5 about that object.
using ReadProgress = std::function<void(const std::string &objectPath)>;

/// Like readNIRFile, without the process boundary.
bool readNIRFileInProcess(const std::string &path, File &file,
                          std::string &error,
                          const ReadProgress &progress = nullptr);

} // namespace snc::nir

#endif // SNC_NIR_NIRREADERINPROCESS_H
