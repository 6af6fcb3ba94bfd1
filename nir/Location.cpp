//===- Location.cpp - where in a NIR file an op came from -----------------===//

#include "nir/Location.h"

#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;

namespace snc::nir {

Location getFileLoc(MLIRContext *context, llvm::StringRef path) {
  return FileLineColLoc::get(context, path, /*line=*/0, /*column=*/0);
}

Location getNodeLoc(MLIRContext *context, llvm::StringRef path,
                    llvm::StringRef nodePath) {
  return NameLoc::get(StringAttr::get(context, nodePath),
                      getFileLoc(context, path));
}

/// The file of a whole-file location, or null.
static StringAttr fileOf(Location loc) {
  auto file = dyn_cast<FileLineColLoc>(loc);
  if (!file || file.getLine() != 0 || file.getColumn() != 0)
    return nullptr;
  return file.getFilename();
}

std::optional<std::string> describeLoc(Location loc) {
  if (StringAttr file = fileOf(loc))
    return file.str();
  if (auto name = dyn_cast<NameLoc>(loc))
    if (StringAttr file = fileOf(name.getChildLoc()))
      return file.str() + ": node '" + name.getName().str() + "'";
  return std::nullopt;
}

} // namespace snc::nir
