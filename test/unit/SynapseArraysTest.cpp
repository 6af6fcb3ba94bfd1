//===- SynapseArraysTest.cpp - views of inline and blob synapse arrays ----===//
//
// IndexArray and WeightArray read the same values from every form a sparse
// projection may store (inline array<i64> / dense elements, blobs of each
// width), reject blobs they cannot read, and the writers pick the form and
// width by size and range.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/SynapseArrays.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace mlir;
using namespace snc::snn;

namespace {

/// A 1-D blob of `values` stored as T.
template <typename T>
Attribute blob(MLIRContext &ctx, Type element, const std::vector<T> &values) {
  auto type = RankedTensorType::get({int64_t(values.size())}, element);
  return detail::DenseResourceElementsAttrBase<T>::get(
      type, "test",
      HeapAsmResourceBlob::allocateAndCopyInferAlign(ArrayRef<T>(values)));
}

std::vector<int64_t> read(Attribute attr) {
  IndexArray view = IndexArray::get(attr);
  EXPECT_TRUE(bool(view));
  return std::vector<int64_t>(view.begin(), view.end());
}

TEST(IndexArrayTest, ReadsInlineAndEveryBlobWidth) {
  MLIRContext ctx;
  std::vector<int64_t> expected{0, -3, 127, -128, 5};
  EXPECT_EQ(read(DenseI64ArrayAttr::get(&ctx, expected)), expected);
  EXPECT_EQ(
      read(blob<int8_t>(ctx, IntegerType::get(&ctx, 8), {0, -3, 127, -128, 5})),
      expected);
  EXPECT_EQ(read(blob<int16_t>(ctx, IntegerType::get(&ctx, 16),
                               {0, -3, 127, -128, 5})),
            expected);
  EXPECT_EQ(read(blob<int32_t>(ctx, IntegerType::get(&ctx, 32),
                               {0, -3, 127, -128, 5})),
            expected);
  EXPECT_EQ(read(blob<int64_t>(ctx, IntegerType::get(&ctx, 64), expected)),
            expected);
  IndexArray i32 = IndexArray::get(
      blob<int32_t>(ctx, IntegerType::get(&ctx, 32), {4, 9, 2}));
  EXPECT_EQ(i32.size(), 3);
  EXPECT_EQ(i32.getElementBytes(), 4u);
  EXPECT_EQ(i32.max(), 9);
  EXPECT_EQ(i32.toVector(), (std::vector<int64_t>{4, 9, 2}));
  // i32 blobs can be read in place; other widths and inline arrays not.
  ASSERT_NE(i32.getInt32Data(), nullptr);
  EXPECT_EQ(i32.getInt32Data()[1], 9);
  EXPECT_EQ(
      IndexArray::get(DenseI64ArrayAttr::get(&ctx, expected)).getInt32Data(),
      nullptr);
}

TEST(IndexArrayTest, RejectsWhatItCannotRead) {
  MLIRContext ctx;
  // Floats, a missing blob and a blob shorter than its type are invalid
  // views (empty), never reads past the data.
  EXPECT_FALSE(
      IndexArray::get(blob<float>(ctx, Float32Type::get(&ctx), {1.0f, 2.0f})));
  auto type = RankedTensorType::get({4}, IntegerType::get(&ctx, 32));
  auto &manager = DenseResourceElementsHandle::getManagerInterface(&ctx);
  auto missing = DenseResourceElementsAttr::get(
      type, manager.insert("missing", std::nullopt));
  EXPECT_FALSE(IndexArray::get(missing));
  std::vector<int32_t> three{1, 2, 3};
  auto shortBlob = DenseResourceElementsAttr::get(
      type,
      manager.insert("short", HeapAsmResourceBlob::allocateAndCopyInferAlign(
                                  ArrayRef<int32_t>(three))));
  EXPECT_FALSE(IndexArray::get(shortBlob));
  EXPECT_EQ(IndexArray::get(shortBlob).size(), 0);
  EXPECT_FALSE(IndexArray::get(Attribute()));
}

TEST(WeightArrayTest, ReadsValuesAsParamValues) {
  MLIRContext ctx;
  Builder b(&ctx);
  // f32 inline and in a blob: the same doubles.
  std::vector<float> w{0.5f, -0.25f, 3.0f};
  auto inlineF32 = DenseElementsAttr::get(
      RankedTensorType::get({3}, b.getF32Type()), ArrayRef<float>(w));
  for (Attribute attr :
       {Attribute(inlineF32), blob<float>(ctx, b.getF32Type(), w)}) {
    WeightArray view = WeightArray::get(attr);
    ASSERT_TRUE(bool(view));
    EXPECT_EQ(view.size(), 3);
    EXPECT_FALSE(view.isSplat());
    EXPECT_EQ(view.values(3), (std::vector<double>{0.5, -0.25, 3.0}));
    EXPECT_TRUE(view.getElementType().isF32());
  }
  // Integers, signed.
  WeightArray ints =
      WeightArray::get(blob<int32_t>(ctx, b.getI32Type(), {-7, 0, 12}));
  EXPECT_EQ(ints.values(3), (std::vector<double>{-7, 0, 12}));
  // One value broadcasts; a splat reads its one stored element.
  auto one = DenseElementsAttr::get(RankedTensorType::get({}, b.getF64Type()),
                                    ArrayRef<double>{2.5});
  EXPECT_EQ(WeightArray::get(one).values(4),
            (std::vector<double>{2.5, 2.5, 2.5, 2.5}));
  auto splat = DenseElementsAttr::get(RankedTensorType::get({3}, b.getI8Type()),
                                      ArrayRef<int8_t>{-4});
  WeightArray s = WeightArray::get(splat);
  EXPECT_TRUE(s.isSplat());
  EXPECT_EQ(s.at(2), -4.0);
  // f16 has no raw layout snc reads: decoded once, the same values.
  auto half = DenseElementsAttr::get(
      RankedTensorType::get({2}, b.getF16Type()),
      ArrayRef<Attribute>{b.getFloatAttr(b.getF16Type(), 0.5),
                          b.getFloatAttr(b.getF16Type(), -2.0)});
  EXPECT_EQ(WeightArray::get(half).values(2), (std::vector<double>{0.5, -2.0}));
  // toAttributes: attributes of the element type, blob or inline.
  SmallVector<Attribute> attrs =
      WeightArray::get(blob<int32_t>(ctx, b.getI32Type(), {3, -2}))
          .toAttributes(2);
  ASSERT_EQ(attrs.size(), 2u);
  EXPECT_EQ(cast<IntegerAttr>(attrs[1]).getInt(), -2);
  EXPECT_TRUE(cast<IntegerAttr>(attrs[1]).getType().isInteger(32));
}

TEST(WritersTest, PickFormAndWidth) {
  MLIRContext ctx;
  // Below the threshold: inline, whatever the values.
  std::vector<int64_t> small{0, 1, 2};
  EXPECT_TRUE(isa<DenseI64ArrayAttr>(makeIndexArray(&ctx, "s", small)));
  // At the threshold: a blob of i32 when the values fit, else i64; delays
  // as narrow as they fit.
  std::vector<int64_t> big(kBlobThreshold);
  for (int64_t i = 0; i < kBlobThreshold; ++i)
    big[size_t(i)] = i % 100;
  auto index =
      dyn_cast<DenseResourceElementsAttr>(makeIndexArray(&ctx, "big", big));
  ASSERT_TRUE(index);
  EXPECT_TRUE(index.getElementType().isInteger(32));
  EXPECT_EQ(read(index), big);
  auto delays =
      dyn_cast<DenseResourceElementsAttr>(makeDelayArray(&ctx, "d", big));
  ASSERT_TRUE(delays);
  EXPECT_TRUE(delays.getElementType().isInteger(8));
  EXPECT_EQ(read(delays), big);
  big[7] = int64_t(1) << 40;
  auto wide = cast<DenseResourceElementsAttr>(makeIndexArray(&ctx, "w", big));
  EXPECT_TRUE(wide.getElementType().isInteger(64));
  EXPECT_EQ(read(wide), big);
  // All inline when asked (snc-netgen --inline-arrays).
  EXPECT_TRUE(isa<DenseI64ArrayAttr>(
      makeIndexArray(&ctx, "i", big, std::numeric_limits<int64_t>::max())));
  // Weights: f32 blob, the same values back.
  std::vector<float> w(size_t(kBlobThreshold), 0.125f);
  w[3] = -1.5f;
  Attribute weights = makeWeightArray(&ctx, "wt", ArrayRef<float>(w));
  ASSERT_TRUE(isa<DenseResourceElementsAttr>(weights));
  WeightArray view = WeightArray::get(weights);
  EXPECT_EQ(view.at(3), -1.5);
  EXPECT_EQ(view.at(4), 0.125);
}

} // namespace
