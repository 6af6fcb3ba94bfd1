//===- Driver.cpp - what every snc subcommand shares ----------------------===//

#include "tools/snc/Driver.h"

#include "dialects/nmc/NMCDialect.h"
#include "dialects/sfq/SFQDialect.h"
#include "nir/Import.h"
#include "nir/Location.h"
#include "passes/Pipelines.h"
#include "runtime/FileIO.h"
#include "runtime/ModuleFile.h"
#include "runtime/neuron/TimeStep.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace snc::driver {

void reportError(llvm::StringRef message) {
  // One problem per line (a target file can have several): each line is a
  // diagnostic of its own, so each gets the prefix.
  llvm::SmallVector<llvm::StringRef> lines;
  message.split(lines, '\n', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  if (lines.empty())
    lines.push_back(message);
  for (llvm::StringRef line : lines)
    llvm::WithColor::error(llvm::errs(), "snc") << line << "\n";
}

void reportNote(llvm::StringRef message) {
  llvm::WithColor::note(llvm::errs(), "snc") << message << "\n";
}

static llvm::SourceMgr::DiagKind getDiagKind(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error:
    return llvm::SourceMgr::DK_Error;
  case DiagnosticSeverity::Warning:
    return llvm::SourceMgr::DK_Warning;
  case DiagnosticSeverity::Remark:
    return llvm::SourceMgr::DK_Remark;
  case DiagnosticSeverity::Note:
    break;
  }
  return llvm::SourceMgr::DK_Note;
}

/// Prints a diagnostic on an op imported from a NIR file, which has a node
/// path but no line: "model.nir: node 'lif': error: ...", not
/// "model.nir:0:0: error: ...". Leaves every other diagnostic to the
/// source manager's handler.
static LogicalResult emitNIRDiagnostic(Diagnostic &diag) {
  std::optional<std::string> where = nir::describeLoc(diag.getLocation());
  if (!where)
    return failure();
  auto print = [](const std::string &where, const Diagnostic &d) {
    llvm::SMDiagnostic(where, getDiagKind(d.getSeverity()), d.str())
        .print(/*ProgName=*/nullptr, llvm::errs());
  };
  print(*where, diag);
  for (const Diagnostic &note : diag.getNotes())
    print(nir::describeLoc(note.getLocation()).value_or(""), note);
  return success();
}

Model::Model() : sourceMgr(std::make_shared<llvm::SourceMgr>()) {
  context.getOrLoadDialect<snn::SNNDialect>();
  // Compiled output carries its mapping as nmc IR (snc compile).
  context.getOrLoadDialect<nmc::NMCDialect>();
  // ... or as an sfq.circuit (the SFQ backend).
  context.getOrLoadDialect<sfq::SFQDialect>();
  // Users get the diagnostic and its location, not a generic-form dump.
  context.printOpOnDiagnostic(false);
  diagnostics =
      std::make_unique<SourceMgrDiagnosticHandler>(*sourceMgr, &context);
  // Registered last, so it sees each diagnostic first.
  context.getDiagEngine().registerHandler(emitNIRDiagnostic);
}

Model::~Model() = default;

/// A symbol name from a file name: its stem.
static std::string networkNameOf(llvm::StringRef path) {
  std::string name = llvm::sys::path::stem(path).str();
  return name.empty() ? "network" : name;
}

/// Says which CubaLIF convention a NIR file was read with when the user
/// did not choose one and the file has such neurons.
static void noteDefaultCurrentTiming(ModuleOp module) {
  bool cuba = false;
  module.walk(
      [&](Operation *op) { cuba |= isa<snn::CubaLIOp, snn::CubaLIFOp>(op); });
  if (cuba)
    reportNote("NIR does not say which step's synaptic current a CubaLIF "
               "membrane integrates; using --cuba-current same-step "
               "(snnTorch, Lava-dl; Norse: previous-step)");
}

bool Model::load(llvm::StringRef modelPath, const NIRConventions &nirOptions) {
  path = modelPath.str();
  if (modelPath.ends_with(".nir")) {
    fromNIR = true;
    nir::ImportOptions options;
    options.networkName = networkNameOf(modelPath);
    const std::string &reset = nirOptions.reset;
    options.reset = reset == "zero"       ? nir::ResetPolicy::Zero
                    : reset == "subtract" ? nir::ResetPolicy::Subtract
                                          : nir::ResetPolicy::File;
    options.cubaCurrent = nirOptions.cubaCurrent == "previous-step"
                              ? snn::CurrentTiming::PreviousStep
                              : snn::CurrentTiming::SameStep;
    std::string error;
    module = nir::importNIRFile(&context, path, options, error);
    if (!module) {
      reportError(error);
      return false;
    }
    if (nirOptions.cubaCurrent.empty())
      noteDefaultCurrentTiming(*module);
    return true;
  }
  if (!runtime::isModulePath(modelPath)) {
    reportError("'" + path +
                "': unrecognized model file extension "
                "(expected .mlir, .mlirbc or .nir)");
    return false;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFileOrSTDIN(path);
  if (std::error_code ec = buffer.getError()) {
    reportError("cannot read '" + path + "': " + ec.message());
    return false;
  }
  sourceMgr->AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  // Text or bytecode: the parser tells them apart by the bytecode's magic
  // number, whatever the extension. Given the shared source manager, the
  // bytecode reader keeps dense_resource blobs in the file's buffer.
  module = parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  return bool(module);
}

bool readArrays(const std::vector<std::string> &files,
                std::vector<runtime::NpyArray> &arrays) {
  arrays.assign(files.size(), {});
  for (size_t i = 0; i < files.size(); ++i) {
    std::string error;
    if (!runtime::readNpy(files[i], arrays[i], error)) {
      reportError(error);
      return false;
    }
  }
  return true;
}

bool writeArrays(const std::vector<std::string> &files,
                 const std::vector<runtime::NpyArray> &arrays) {
  for (size_t i = 0; i < files.size(); ++i) {
    std::string error;
    if (!runtime::writeNpy(files[i], arrays[i], error)) {
      reportError(error);
      return false;
    }
  }
  return true;
}

bool writeFileAtomically(llvm::StringRef path, llvm::StringRef contents) {
  std::string error;
  if (runtime::writeFileAtomically(path.str(), contents.str(), error))
    return true;
  reportError(error);
  return false;
}

bool writeModule(ModuleOp module, llvm::StringRef path) {
  if (path.empty() || path == "-") {
    module->print(llvm::outs());
    llvm::outs() << "\n";
    return true;
  }
  std::string error;
  if (runtime::writeModuleFile(module, path, error))
    return true;
  reportError(error);
  return false;
}

snn::NetworkOp Model::selectNetwork(llvm::StringRef name) {
  SmallVector<snn::NetworkOp> networks(module->getOps<snn::NetworkOp>());
  if (!name.empty()) {
    for (snn::NetworkOp network : networks)
      if (network.getSymName() == name)
        return network;
    reportError("'" + path + "' has no network named '" + name.str() + "'");
    return nullptr;
  }
  if (networks.size() == 1)
    return networks.front();
  if (networks.empty()) {
    reportError("'" + path + "' contains no snn.network");
    return nullptr;
  }
  std::string names;
  for (snn::NetworkOp network : networks)
    names += (names.empty() ? "" : ", ") + network.getSymName().str();
  reportError("'" + path + "' has several networks (" + names +
              "); choose one with --network");
  return nullptr;
}

snn::NetworkOp loadNetwork(Model &model, llvm::StringRef path,
                           const NIRConventions &nir,
                           llvm::StringRef networkName, double &dt) {
  if (!model.load(path, nir))
    return nullptr;
  snn::NetworkOp network = model.selectNetwork(networkName);
  if (!network)
    return nullptr;
  if (model.isNIR() && dt <= 0) {
    dt = runtime::kDefaultTimeStep;
    reportNote(std::string("NIR files carry no time step; using --dt ") +
               runtime::kDefaultTimeStepText + " s");
  }
  if (!network.isDiscretized() && dt <= 0) {
    reportError("'" + path.str() + "': network '" + network.getSymName().str() +
                "' is continuous-time; give its time step with --dt SECONDS");
    return nullptr;
  }
  return network;
}

snn::NetworkOp loadRunnableNetwork(Model &model, llvm::StringRef path,
                                   const NIRConventions &nir,
                                   llvm::StringRef networkName, double dt,
                                   llvm::StringRef scheme,
                                   StageProgress *progress) {
  ScopedStage loading(progress, "load", /*counted=*/false);
  snn::NetworkOp network = loadNetwork(model, path, nir, networkName, dt);
  if (!network)
    return nullptr;
  loading.finish();
  // Only the chosen network is prepared: others may need another dt.
  mlir::PassManager pm(&model.getContext(), snn::NetworkOp::getOperationName());
  buildPrepareNetworkPipeline(pm, PrepareRunOptions{dt, scheme.str()});
  if (progress) {
    progress->addStages(countPipelineStages(pm));
    pm.addInstrumentation(
        std::make_unique<PassProgressInstrumentation>(*progress));
  }
  if (mlir::failed(pm.run(network)))
    return nullptr;
  return network;
}

} // namespace snc::driver
