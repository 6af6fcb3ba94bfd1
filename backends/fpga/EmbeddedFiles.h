//===- EmbeddedFiles.h - the fixed files every design directory gets -*- C++
//-*-===//
//
// rtl/ primitives and the Verilator harness template, compiled into the
// library (backends/fpga/CMakeLists.txt), so a design directory is
// self-contained and needs no snc source tree.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_FPGA_EMBEDDEDFILES_H
#define SNC_BACKENDS_FPGA_EMBEDDEDFILES_H

#include <cstddef>
#include <string>
#include <vector>

namespace snc::fpga {

struct EmbeddedFile {
  const char *path; // relative to the design directory
  std::string text;
};

const std::vector<EmbeddedFile> &embeddedDesignFiles();

} // namespace snc::fpga

#endif // SNC_BACKENDS_FPGA_EMBEDDEDFILES_H
