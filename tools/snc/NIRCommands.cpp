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
  std::string text;
  llvm::raw_string_ostream os(text);
  model.getModule()->print(os);
  os << "\n";
  if (options.output.empty() || options.output == "-") {
    llvm::outs() << text;
    return Success;
  }
  return writeFileAtomically(options.output, text) ? Success : UserError;
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
