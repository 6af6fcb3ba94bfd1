//===- snc-netgen.cpp - write large test networks -------------------------===//
//
// Generates the layered, recurrent spiking networks that bench/scale
// compiles and runs (NetworkGenerator.h). The output is MLIR bytecode when
// its name ends in .mlirbc, text otherwise.
//
//===----------------------------------------------------------------------===//

#include "tools/snc-netgen/NetworkGenerator.h"

#include "dialects/snn/SNNOps.h"
#include "runtime/ModuleFile.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

static cl::opt<std::string> output("o",
                                   cl::desc("Output file (.mlirbc: "
                                            "bytecode, else text)"),
                                   cl::value_desc("file"), cl::Required);
static cl::opt<int64_t> neurons("neurons", cl::desc("Neurons in all layers"),
                                cl::init(10000));
static cl::opt<int64_t> layers("layers", cl::desc("Layers of equal size"),
                               cl::init(10));
static cl::opt<int64_t> inputs("inputs", cl::desc("Spike inputs"),
                               cl::init(100));
static cl::opt<int64_t>
    synapses("synapses",
             cl::desc("Synapses per neuron on average (a fifth recurrent)"),
             cl::init(100));
static cl::opt<int64_t>
    maxDelay("max-delay", cl::desc("Delays uniform in 0..N steps (0: none)"),
             cl::init(7));
static cl::opt<uint64_t> seed("seed", cl::desc("Random seed"), cl::init(1));
static cl::opt<bool> inlineArrays(
    "inline-arrays",
    cl::desc("Write every array inline, large ones too (default: large "
             "arrays as dense_resource blobs)"));
static cl::opt<std::string> name("name", cl::desc("Network symbol name"),
                                 cl::init("generated"));

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(
      argc, argv,
      "snc-netgen: layered recurrent spiking networks of any size\n");
  snc::netgen::NetworkShape shape;
  shape.neurons = neurons;
  shape.layers = layers;
  shape.inputs = inputs;
  shape.synapsesPerNeuron = synapses;
  shape.maxDelay = maxDelay;
  shape.seed = seed;
  shape.inlineArrays = inlineArrays;
  std::string error;
  if (!snc::netgen::checkShape(shape, error)) {
    errs() << "snc-netgen: error: " << error << "\n";
    return 1;
  }
  mlir::MLIRContext context;
  context.getOrLoadDialect<snc::snn::SNNDialect>();
  mlir::OwningOpRef<mlir::ModuleOp> module =
      snc::netgen::generateNetwork(&context, shape, name);
  if (mlir::failed(mlir::verify(*module)))
    return 2; // a generator bug: the verifier has said what
  if (!snc::runtime::writeModuleFile(*module, output, error)) {
    errs() << "snc-netgen: error: " << error << "\n";
    return 1;
  }
  int64_t synapses = 0;
  module->walk([&](snc::snn::SparseProjectionOp projection) {
    synapses += projection.getNumSynapses();
  });
  outs() << "snc-netgen: " << shape.neurons << " neurons in " << shape.layers
         << " layers, " << shape.inputs << " inputs, " << synapses
         << " synapses\n";
  return 0;
}
