//===- Backend.cpp - the backend registry ---------------------------------===//

#include "backends/Backend.h"

#include <algorithm>
#include <cassert>

namespace snc::backends {

Backend::~Backend() = default;

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

const Backend *findBackend(const targets::TargetDescription &target) {
  for (const Backend *backend : getBackends())
    if (backend->accepts(target))
      return backend;
  return nullptr;
}

} // namespace snc::backends
