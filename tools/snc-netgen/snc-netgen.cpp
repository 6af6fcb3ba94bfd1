//===- snc-netgen.cpp - write large test networks -------------------------===//
//
// Generates the spiking networks that bench/scale compiles and runs:
// layered recurrent ones (NetworkGenerator.h, the default) or
// convolutional ones (--kind cnn, CNNGenerator.h). The output is MLIR
// bytecode when its name ends in .mlirbc, text otherwise.
//
//===----------------------------------------------------------------------===//

#include "tools/snc-netgen/CNNGenerator.h"
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
enum class Kind { Layered, CNN };
static cl::opt<Kind>
    kind("kind", cl::desc("Network kind"), cl::init(Kind::Layered),
         cl::values(clEnumValN(Kind::Layered, "layered",
                               "Layers of LIF neurons, sparse and recurrent"),
                    clEnumValN(Kind::CNN, "cnn",
                               "Convolutional: six 3x3 convolutions and an "
                               "affine readout on a [2, width, width] input")));
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
static cl::opt<int64_t> width("width",
                              cl::desc("--kind cnn: input width and height "
                                       "(a multiple of 16)"),
                              cl::init(128));
static cl::opt<int64_t>
    channels("channels",
             cl::desc("--kind cnn: channels of the first convolutions"),
             cl::init(16));
static cl::opt<int64_t>
    classes("classes", cl::desc("--kind cnn: output neurons"), cl::init(10));
static cl::opt<uint64_t> seed("seed", cl::desc("Random seed"), cl::init(1));
static cl::opt<bool> inlineArrays(
    "inline-arrays",
    cl::desc("Write every array inline, large ones too (default: large "
             "arrays as dense_resource blobs)"));
static cl::opt<std::string> name("name", cl::desc("Network symbol name"),
                                 cl::init("generated"));

/// Writes `module` after checking it; prints its size line on success.
static int write(mlir::ModuleOp module, const std::string &summary) {
  if (mlir::failed(mlir::verify(module)))
    return 2; // a generator bug: the verifier has said what
  std::string error;
  if (!snc::runtime::writeModuleFile(module, output, error)) {
    errs() << "snc-netgen: error: " << error << "\n";
    return 1;
  }
  outs() << "snc-netgen: " << summary << "\n";
  return 0;
}

static int generateCNN(mlir::MLIRContext &context) {
  snc::netgen::CNNShape shape;
  shape.width = width;
  shape.channels = channels;
  shape.classes = classes;
  shape.seed = seed;
  shape.inlineArrays = inlineArrays;
  std::string error;
  if (!snc::netgen::checkCNNShape(shape, error)) {
    errs() << "snc-netgen: error: " << error << "\n";
    return 1;
  }
  mlir::OwningOpRef<mlir::ModuleOp> module =
      snc::netgen::generateCNN(&context, shape, name);
  snc::netgen::CNNSize size = snc::netgen::getCNNSize(shape);
  return write(*module, "cnn of " + std::to_string(size.neurons) +
                            " neurons, input [2, " + std::to_string(width) +
                            ", " + std::to_string(width) + "], " +
                            std::to_string(size.synapses) + " synapses");
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(
      argc, argv, "snc-netgen: large spiking networks for measurements\n");
  mlir::MLIRContext context;
  context.getOrLoadDialect<snc::snn::SNNDialect>();
  if (kind == Kind::CNN)
    return generateCNN(context);
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
  mlir::OwningOpRef<mlir::ModuleOp> module =
      snc::netgen::generateNetwork(&context, shape, name);
  int64_t count = 0;
  module->walk([&](snc::snn::SparseProjectionOp projection) {
    count += projection.getNumSynapses();
  });
  return write(*module, std::to_string(shape.neurons) + " neurons in " +
                            std::to_string(shape.layers) + " layers, " +
                            std::to_string(shape.inputs) + " inputs, " +
                            std::to_string(count) + " synapses");
}
