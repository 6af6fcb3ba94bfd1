//===- NIRCommands.cpp - `snc import` and `snc export` --------------------===//

#include "tools/snc/Commands.h"
#include "tools/snc/Driver.h"

#include "nir/Export.h"
#include "nir/NIRModel.h"

#include "llvm/Support/raw_ostream.h"

namespace snc::driver {

int importCommand(const ImportCommandOptions &options) {
  Model model;
  if (!model.load(options.model, options.nir))
    return UserError;
  return writeModule(model.getModule(), options.output) ? Success : UserError;
}

int exportCommand(const ExportCommandOptions &options) {
  Model model;
  if (!model.load(options.model))
    return UserError;
  snn::NetworkOp network = model.selectNetwork(options.network);
  if (!network)
    return UserError;
  nir::File file;
  if (failed(nir::exportNIR(network, file)))
    return UserError;
  std::string error;
  if (!nir::writeNIRFile(options.output, file, error)) {
    reportError(error);
    return UserError;
  }
  return Success;
}

} // namespace snc::driver
