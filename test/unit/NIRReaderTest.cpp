//===- NIRReaderTest.cpp - the NIR reader's process boundary --------------===//
//
// The parsed graph crosses from the reading child to snc as bytes
// (nir/NIRSerialize.h): every field survives, and a cut or garbled message
// is refused rather than read out of bounds. The reader through the child
// gives what the reader in-process gives.
//
//===----------------------------------------------------------------------===//

#include "nir/NIRModel.h"
#include "nir/NIRReaderInProcess.h"
#include "nir/NIRSerialize.h"

#include <gtest/gtest.h>

using namespace snc::nir;

namespace {

Array array(Array::Kind kind, std::vector<int64_t> shape,
            std::vector<double> values) {
  Array a;
  a.kind = kind;
  a.shape = std::move(shape);
  a.values = std::move(values);
  return a;
}

/// A file with every kind of field: a nested graph, arrays of each kind
/// (one empty), strings, metadata of both sorts, edges.
File sampleFile() {
  File file;
  file.version = "0.2.0";
  file.root.type = "NIRGraph";
  file.root.metadata["source"].isString = true;
  file.root.metadata["source"].text = "unit test";
  file.root.metadata["dt"].array = array(Array::Kind::F64, {}, {1e-4});
  file.root.graph = std::make_unique<Graph>();
  Node lif;
  lif.type = "LIF";
  lif.arrays["tau"] = array(Array::Kind::F32, {2}, {0.01, 0.02});
  lif.arrays["groups"] = array(Array::Kind::Int, {0}, {});
  lif.strings["mode"] = "same";
  Node sub;
  sub.type = "NIRGraph";
  sub.graph = std::make_unique<Graph>();
  Node input;
  input.type = "Input";
  input.arrays["shape"] = array(Array::Kind::Int, {1}, {2});
  sub.graph->nodes.emplace_back("in", std::move(input));
  file.root.graph->nodes.emplace_back("lif", std::move(lif));
  file.root.graph->nodes.emplace_back("sub", std::move(sub));
  file.root.graph->edges = {{"sub", "lif"}, {"lif", "sub.in"}};
  return file;
}

void expectSameArray(const Array &a, const Array &b) {
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.shape, b.shape);
  EXPECT_EQ(a.values, b.values);
}

void expectSameNode(const Node &a, const Node &b) {
  EXPECT_EQ(a.type, b.type);
  ASSERT_EQ(a.arrays.size(), b.arrays.size());
  for (const auto &[name, value] : a.arrays) {
    ASSERT_TRUE(b.find(name)) << name;
    expectSameArray(value, *b.find(name));
  }
  EXPECT_EQ(a.strings, b.strings);
  ASSERT_EQ(a.metadata.size(), b.metadata.size());
  for (const auto &[name, value] : a.metadata) {
    const MetadataValue &other = b.metadata.at(name);
    EXPECT_EQ(value.isString, other.isString);
    EXPECT_EQ(value.text, other.text);
    expectSameArray(value.array, other.array);
  }
  ASSERT_EQ(bool(a.graph), bool(b.graph));
  if (!a.graph)
    return;
  EXPECT_EQ(a.graph->edges, b.graph->edges);
  ASSERT_EQ(a.graph->nodes.size(), b.graph->nodes.size());
  for (size_t i = 0; i < a.graph->nodes.size(); ++i) {
    EXPECT_EQ(a.graph->nodes[i].first, b.graph->nodes[i].first);
    expectSameNode(a.graph->nodes[i].second, b.graph->nodes[i].second);
  }
}

TEST(NIRSerialize, EveryFieldSurvives) {
  File file = sampleFile();
  File back;
  ASSERT_TRUE(deserializeFile(serializeFile(file), back));
  EXPECT_EQ(back.version, file.version);
  expectSameNode(file.root, back.root);
}

TEST(NIRSerialize, EveryCutMessageIsRefused) {
  std::string bytes = serializeFile(sampleFile());
  for (size_t n = 0; n < bytes.size(); ++n) {
    File back;
    EXPECT_FALSE(deserializeFile(std::string_view(bytes).substr(0, n), back))
        << n;
  }
  File back;
  EXPECT_FALSE(deserializeFile(bytes + "x", back)); // trailing bytes
}

TEST(NIRSerialize, HugeCountsAreRefusedWithoutAllocating) {
  // A version string claiming 2^63 bytes.
  std::string bytes(8, '\0');
  bytes[7] = char(0x80);
  File back;
  EXPECT_FALSE(deserializeFile(bytes, back));
}

TEST(NIRReadIsolated, SameAsInProcess) {
  for (const char *name : {"lif_norse.nir", "cnn_sinabs.nir"}) {
    std::string path = std::string(SNC_TEST_NIR_DIR) + "/" + name, error;
    File inProcess, isolated;
    ASSERT_TRUE(readNIRFileInProcess(path, inProcess, error)) << error;
    ASSERT_TRUE(readNIRFile(path, isolated, error)) << error;
    EXPECT_EQ(inProcess.version, isolated.version);
    expectSameNode(inProcess.root, isolated.root);
  }
}

TEST(NIRReadIsolated, MissingFileIsAnErrorFromTheChild) {
  File file;
  std::string error;
  EXPECT_FALSE(readNIRFile("/nonexistent/model.nir", file, error));
  EXPECT_EQ(error, "/nonexistent/model.nir: cannot open file");
}

} // namespace
