//===- Backend.cpp - the backend registry and the emission pass -----------===//

#include "backends/Backend.h"

#include "mlir/IR/SymbolTable.h"
#include "mlir/Pass/Pass.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Program.h"

#include <algorithm>
#include <cassert>

using namespace mlir;

namespace snc::backends {

Backend::~Backend() = default;

bool Backend::synthesize(const std::string &,
                         const targets::TargetDescription &target,
                         SynthesisReport &, std::string &error) const {
  error = "--synth: backend '" + getName().str() + "' (target '" + target.name +
          "') has no synthesis flow; --synth applies to FPGA "
          "targets";
  return false;
}

static std::vector<std::unique_ptr<Backend>> &registry() {
  static std::vector<std::unique_ptr<Backend>> backends;
  return backends;
}

void registerBackend(std::unique_ptr<Backend> backend) {
  for (const std::unique_ptr<Backend> &existing : registry())
    assert(existing->getName() != backend->getName() &&
           "two backends with one name");
  registry().push_back(std::move(backend));
}

std::vector<const Backend *> getBackends() {
  std::vector<const Backend *> out;
  for (const std::unique_ptr<Backend> &backend : registry())
    out.push_back(backend.get());
  std::sort(out.begin(), out.end(), [](const Backend *a, const Backend *b) {
    return a->getName() < b->getName();
  });
  return out;
}

const Backend *findBackend(llvm::StringRef name) {
  for (const Backend *backend : getBackends())
    if (backend->getName() == name)
      return backend;
  return nullptr;
}

const Backend *findBackend(const targets::TargetDescription &target,
                           std::string &error) {
  if (const Backend *backend = findBackend(target.backend))
    return backend;
  std::string known;
  for (const Backend *b : getBackends())
    known += (known.empty() ? "" : ", ") + b->getName().str();
  if (target.backend.empty())
    error = target.path + ": /backend: target '" + target.name +
            "' names no backend (add \"backend\": \"<name>\"); registered "
            "backends: " +
            known;
  else
    error = target.path + ": /backend: no registered backend '" +
            target.backend + "' (registered backends: " + known + ")";
  return nullptr;
}

bool checkTools(const Backend &backend, std::string &error,
                bool onlyToCompile) {
  std::vector<std::string> missing;
  for (const ExternalTool &tool : backend.getCapabilities().tools)
    if ((tool.neededToCompile || !onlyToCompile) &&
        !llvm::sys::findProgramByName(tool.program))
      missing.push_back("backend '" + backend.getName().str() + "' needs '" +
                        tool.program + "' " + tool.purpose +
                        ", but it is not on PATH");
  if (missing.empty())
    return true;
  error = llvm::join(missing, "\n");
  return false;
}

namespace {

/// The emitter as the compile pipeline's last pass, so it sees the
/// pipeline's analyses (the many-core form snn-partition extracted).
class EmitPass : public PassWrapper<EmitPass, OperationPass<ModuleOp>> {
public:
  EmitPass(const Backend &backend, std::string network, EmitOutput output,
           std::string *summary)
      : backend(backend), network(std::move(network)),
        output(std::move(output)), summary(summary) {}
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(EmitPass)

  StringRef getArgument() const override { return "snc-emit"; }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto networkOp = dyn_cast_or_null<snn::NetworkOp>(
        SymbolTable::lookupSymbolIn(module, network));
    if (!networkOp) {
      module.emitError() << "emit: the module has no snn.network named '"
                         << network << "'";
      return signalPassFailure();
    }
    std::string text;
    llvm::raw_string_ostream os(text);
    AnalysisManager analyses = getAnalysisManager();
    if (failed(backend.emit(module, networkOp, &analyses, output, os)))
      return signalPassFailure();
    if (summary)
      *summary += text;
    markAllAnalysesPreserved();
  }

private:
  const Backend &backend;
  std::string network;
  EmitOutput output;
  std::string *summary;
};

} // namespace

std::unique_ptr<Pass> createEmitPass(const Backend &backend,
                                     std::string network, EmitOutput output,
                                     std::string *summary) {
  return std::make_unique<EmitPass>(backend, std::move(network),
                                    std::move(output), summary);
}

} // namespace snc::backends
