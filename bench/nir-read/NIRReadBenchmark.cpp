//===- NIRReadBenchmark.cpp - cost of reading NIR files in a child process ===//
//
// snc reads NIR files in a forked child (nir/ReadIsolated.cpp) so that a
// crash or hang in libhdf5 becomes an error. This prints, per file, the mean
// time of readNIRFileInProcess (libhdf5 in this process) and of readNIRFile
// (through the child process), and the difference: the boundary's cost, in
// wall-clock time and in CPU time (this process and its children, so a busy
// machine that delays the child's start shows in the first, not the second).
//
// usage: snc-bench-nir-read [REPEATS] FILE.nir...
//
//===----------------------------------------------------------------------===//

#include "nir/NIRModel.h"
#include "nir/NIRReaderInProcess.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>

using namespace snc::nir;

namespace {

double cpuMilliseconds() {
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage usage;
    getrusage(who, &usage);
    for (const timeval &t : {usage.ru_utime, usage.ru_stime})
      total += t.tv_sec * 1e3 + t.tv_usec / 1e3;
  }
  return total;
}

struct Cost {
  double wall, cpu; // milliseconds per read
};

template <typename Read> Cost meanCost(int repeats, const Read &read) {
  auto start = std::chrono::steady_clock::now();
  double cpuStart = cpuMilliseconds();
  for (int i = 0; i < repeats; ++i)
    read();
  std::chrono::duration<double, std::milli> elapsed =
      std::chrono::steady_clock::now() - start;
  return {elapsed.count() / repeats, (cpuMilliseconds() - cpuStart) / repeats};
}

} // namespace

int main(int argc, char **argv) {
  int first = 1, repeats = 50;
  if (argc > 1 && std::atoi(argv[1]) > 0) {
    repeats = std::atoi(argv[1]);
    first = 2;
  }
  if (first >= argc) {
    std::fprintf(stderr, "usage: snc-bench-nir-read [REPEATS] FILE.nir...\n");
    return 2;
  }
  std::printf("mean of %d reads per file, milliseconds\n", repeats);
  std::printf("%-22s %32s %32s\n", "", "wall-clock", "CPU");
  std::printf("%-22s %10s %10s %10s %10s %10s %10s\n", "file", "in-process",
              "child", "overhead", "in-process", "child", "overhead");
  for (int i = first; i < argc; ++i) {
    std::string path = argv[i], error;
    File file;
    bool ok = true;
    // The child first, as snc runs it: before this process has read with
    // libhdf5 itself (whose freed memory the child would copy on write).
    Cost isolated =
        meanCost(repeats, [&] { ok &= readNIRFile(path, file, error); });
    Cost inProcess = meanCost(
        repeats, [&] { ok &= readNIRFileInProcess(path, file, error); });
    if (!ok) {
      std::fprintf(stderr, "snc-bench-nir-read: %s\n", error.c_str());
      return 1;
    }
    std::string name = path.substr(path.find_last_of('/') + 1);
    std::printf("%-22s %10.2f %10.2f %10.2f %10.2f %10.2f %10.2f\n",
                name.c_str(), inProcess.wall, isolated.wall,
                isolated.wall - inProcess.wall, inProcess.cpu, isolated.cpu,
                isolated.cpu - inProcess.cpu);
  }
  return 0;
}
