//===- MLIRFuzzer.cpp - libFuzzer target for snn/nmc MLIR text ------------===//
//
// Any text as MLIR source with the snn and nmc dialects registered (as in
// snc-opt): parsing and verification either accept it or report diagnostics;
// they never crash, abort or hang. A module that verifies prints, and its
// printed form parses and verifies again (custom printers and parsers agree).
// Each input gets a fresh context, so runs do not depend on earlier inputs.
//
//===----------------------------------------------------------------------===//

#include "dialects/nmc/NMCDialect.h"
#include "dialects/snn/SNNDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mlir::DialectRegistry registry;
  registry.insert<snc::snn::SNNDialect, snc::nmc::NMCDialect>();
  mlir::MLIRContext context(registry, mlir::MLIRContext::Threading::DISABLED);
  context.loadAllAvailableDialects();
  // Diagnostics are the expected outcome for most inputs: drop them.
  mlir::ScopedDiagnosticHandler quiet(
      &context, [](mlir::Diagnostic &) { return mlir::success(); });

  // MLIR's lexer relies on the NUL after the buffer (as files and strings
  // have); libFuzzer's bytes have none, so copy them into a std::string.
  std::string text(reinterpret_cast<const char *>(data), size);
  mlir::ParserConfig config(&context);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(text, config);
  if (!module || mlir::failed(mlir::verify(*module)))
    return 0;

  std::string printed;
  llvm::raw_string_ostream os(printed);
  module->print(os);
  mlir::OwningOpRef<mlir::ModuleOp> again =
      mlir::parseSourceString<mlir::ModuleOp>(printed, config);
  if (!again) {
    llvm::errs() << "the printed form of a valid module does not parse:\n"
                 << printed << "\n";
    std::abort();
  }
  return 0;
}
