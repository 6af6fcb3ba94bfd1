//===- ReadIsolated.cpp - read a NIR file in a child process --------------===//
//
// libhdf5 can crash or loop forever on a corrupt file (issue 13: a flipped
// byte in the global heap segfaults in H5HG_read; zeroed bytes make
// H5C_protect spin). snc cannot fix libhdf5, so it contains it: the reader
// runs in a forked child with limits on address space and CPU time, and the
// parent kills it after a wall-clock timeout. The child writes the path of
// each HDF5 object into a page shared with the parent before it reads it
// (no system call, so no cost per object), then sends the parsed File or
// its error over a pipe; a child that dies or times out becomes one error
// naming the last object it was reading.
//
// The child only reads the file and writes to the pipe, then _exit()s: it
// runs no destructors or atexit handlers of the parent's libraries, and its
// fatal signals have their default action (not the parent's handlers).
//
//===----------------------------------------------------------------------===//

#include "nir/NIRModel.h"
#include "nir/NIRReaderInProcess.h"
#include "nir/NIRSerialize.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <new>
#include <poll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) ||     \
    __has_feature(thread_sanitizer)
#define SNC_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SNC_SANITIZED 1
#endif

namespace snc::nir {
namespace {

/// Message tags on the pipe: each message is a tag byte, a 64-bit length
/// and that many bytes.
enum : char { kError = 'E', kFile = 'F' };

/// The page the child names the object it is reading in. The parent looks
/// at it only after the child has stopped.
struct Progress {
  static constexpr size_t kPageBytes = 4096;
  uint32_t length;
  char path[kPageBytes - sizeof(uint32_t)];

  void set(const std::string &object) {
    length = 0;
    size_t n = std::min(object.size(), sizeof path);
    std::memcpy(path, object.data(), n);
    length = uint32_t(n);
  }
  std::string get() const {
    return std::string(path, std::min<size_t>(length, sizeof path));
  }
};
static_assert(sizeof(Progress) == Progress::kPageBytes);

/// Defaults, overridable through the environment (tests make them short).
constexpr long kDefaultCpuSeconds = 20;
constexpr long kDefaultMemoryMiB = 4096;

long envLimit(const char *name, long fallback) {
  const char *text = std::getenv(name);
  if (!text || !*text)
    return fallback;
  char *end = nullptr;
  long value = std::strtol(text, &end, 10);
  return *end == '\0' && value > 0 ? value : fallback;
}

bool writeAll(int fd, const char *data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    data += n;
    size -= size_t(n);
  }
  return true;
}

bool sendMessage(int fd, char tag, const std::string &payload) {
  char header[1 + sizeof(uint64_t)];
  header[0] = tag;
  uint64_t size = payload.size();
  std::memcpy(header + 1, &size, sizeof size);
  return writeAll(fd, header, sizeof header) &&
         writeAll(fd, payload.data(), payload.size());
}

/// Virtual memory the process has mapped now (the child inherits it all).
long long mappedBytes() {
  FILE *statm = std::fopen("/proc/self/statm", "r");
  long long pages = 0;
  if (statm) {
    if (std::fscanf(statm, "%lld", &pages) != 1)
      pages = 0;
    std::fclose(statm);
  }
  return pages * ::sysconf(_SC_PAGESIZE);
}

[[noreturn]] void runChild(int fd, Progress *progress, const std::string &path,
                           long cpuSeconds, long memoryMiB) {
  // The parent's crash handlers (LLVM's stack dump) would report the
  // child's crash as snc's own and exit normally: let the signals kill it.
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS,
                  SIGXCPU, SIGXFSZ, SIGPIPE, SIGTERM, SIGINT})
    std::signal(sig, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr); // SIGXCPU must get through
  rlimit cpu{rlim_t(cpuSeconds), rlim_t(cpuSeconds + 1)};
  ::setrlimit(RLIMIT_CPU, &cpu);
#ifndef SNC_SANITIZED
  // A sanitizer's shadow memory needs terabytes of address space.
  rlim_t memory = rlim_t(mappedBytes()) + rlim_t(memoryMiB) * 1024 * 1024;
  rlimit as{memory, memory};
  ::setrlimit(RLIMIT_AS, &as);
#else
  (void)memoryMiB;
#endif
  File file;
  std::string error;
  bool ok = readNIRFileInProcess(
      path, file, error,
      [progress](const std::string &object) { progress->set(object); });
  bool sent = ok ? sendMessage(fd, kFile, serializeFile(file))
                 : sendMessage(fd, kError, error);
  ::_exit(sent ? 0 : 3);
}

/// The parent's side of the pipe: the message read.
struct ChildReport {
  bool done = false; // an error or a file arrived
  char tag = 0;
  std::string payload;
};

/// Splits complete messages off `buffer`.
void takeMessages(std::string &buffer, ChildReport &report) {
  constexpr size_t header = 1 + sizeof(uint64_t);
  size_t pos = 0;
  while (buffer.size() - pos >= header) {
    uint64_t size;
    std::memcpy(&size, buffer.data() + pos + 1, sizeof size);
    if (buffer.size() - pos - header < size)
      break;
    char tag = buffer[pos];
    std::string payload = buffer.substr(pos + header, size);
    pos += header + size;
    report.done = true;
    report.tag = tag;
    report.payload = std::move(payload);
  }
  buffer.erase(0, pos);
}

std::string describeStatus(int status, long cpuSeconds) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    if (sig == SIGXCPU)
      return "it ran past its limit of " + std::to_string(cpuSeconds) +
             " s of CPU time";
    const char *name = ::strsignal(sig);
    return "it crashed (signal " + std::to_string(sig) + ", " +
           (name ? name : "unknown") + ")";
  }
  if (WIFEXITED(status))
    return "it stopped with exit code " + std::to_string(WEXITSTATUS(status));
  return "it stopped";
}

} // namespace

bool readNIRFile(const std::string &path, File &file, std::string &error) {
  file = File();
  long cpuSeconds = envLimit("SNC_NIR_READ_CPU_SECONDS", kDefaultCpuSeconds);
  long memoryMiB = envLimit("SNC_NIR_READ_MEMORY_MIB", kDefaultMemoryMiB);
  // The CPU limit stops a spinning child; the wall clock also stops one
  // that sleeps or blocks.
  auto wallLimit = std::chrono::seconds(
      envLimit("SNC_NIR_READ_WALL_SECONDS", 2 * cpuSeconds + 5));

  void *page = ::mmap(nullptr, sizeof(Progress), PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED) {
    error =
        path + ": cannot map memory to read the file: " + std::strerror(errno);
    return false;
  }
  auto *progress = new (page) Progress();
  struct Unmap {
    void *page;
    ~Unmap() { ::munmap(page, sizeof(Progress)); }
  } unmap{page};

  int fds[2];
  if (::pipe(fds) != 0) {
    error = path +
            ": cannot create a pipe to read the file: " + std::strerror(errno);
    return false;
  }
  std::fflush(nullptr); // the child must not write the parent's buffers
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    error = path + ": cannot start a process to read the file: " +
            std::strerror(errno);
    return false;
  }
  if (pid == 0) {
    ::close(fds[0]);
    runChild(fds[1], progress, path, cpuSeconds, memoryMiB);
  }
  ::close(fds[1]);

  ChildReport report;
  std::string buffer;
  bool timedOut = false;
  auto deadline = std::chrono::steady_clock::now() + wallLimit;
  char chunk[65536];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timedOut = true;
      break;
    }
    pollfd poller{fds[0], POLLIN, 0};
    int ready = ::poll(&poller, 1, int(left.count()));
    if (ready < 0 && errno == EINTR)
      continue;
    if (ready <= 0)
      continue; // timeout: the loop's check ends it
    ssize_t n = ::read(fds[0], chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break; // the child closed the pipe: it exited or died
    buffer.append(chunk, size_t(n));
    takeMessages(buffer, report);
  }
  ::close(fds[0]);
  if (timedOut)
    ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }

  std::string object = progress->get();
  if (object.empty())
    object = "/";
  std::string failed = path + ": the HDF5 library failed reading '" + object +
                       "' (corrupt file?): ";
  if (timedOut) {
    error = failed + "it took longer than " +
            std::to_string(wallLimit.count()) + " s";
    return false;
  }
  if (!report.done) {
    error = failed + describeStatus(status, cpuSeconds);
    return false;
  }
  if (report.tag == kError) {
    error = report.payload;
    return false;
  }
  if (report.tag != kFile || !deserializeFile(report.payload, file)) {
    error = path + ": internal error: the reading process sent a garbled graph";
    return false;
  }
  return true;
}

} // namespace snc::nir
