//===- RunTool.cpp - running the FPGA flow's external programs ------------===//

#include "backends/fpga/RunTool.h"

#include "runtime/FileIO.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

#include <optional>
#include <sstream>

namespace snc::fpga {

std::string readTextOrEmpty(const std::string &path) {
  std::vector<uint8_t> bytes;
  std::string ignored;
  if (!runtime::readWholeFile(path, bytes, ignored))
    return "";
  return std::string(bytes.begin(), bytes.end());
}

namespace {

/// The lines of a failed tool's log worth showing: those naming an error,
/// else its last lines.
std::string logExcerpt(const std::string &path) {
  std::istringstream in(readTextOrEmpty(path));
  std::vector<std::string> lines, errors;
  std::string line;
  while (std::getline(in, line)) {
    lines.push_back(line);
    if (line.find("ERROR") != std::string::npos ||
        line.find("Error") != std::string::npos ||
        line.find("error:") != std::string::npos)
      errors.push_back(line);
  }
  std::vector<std::string> &shown = errors.empty() ? lines : errors;
  size_t from = errors.empty() && shown.size() > 10 ? shown.size() - 10 : 0;
  std::string text;
  for (size_t i = from; i < shown.size() && i < from + 10; ++i)
    text += "\n  " + shown[i];
  return text;
}

} // namespace

bool runTool(const std::string &program, const std::string &purpose,
             const std::vector<std::string> &args,
             const std::string &workingDir, const std::string &log, int seconds,
             std::string &error) {
  std::string path = program;
  if (program.find('/') == std::string::npos) {
    auto found = llvm::sys::findProgramByName(program);
    if (!found) {
      error = program + " not found on PATH (needed " + purpose +
              "; scripts/setup.sh installs it)";
      return false;
    }
    path = *found;
  } else if (!llvm::sys::fs::can_execute(program)) {
    error = program + " is not an executable program (needed " + purpose + ")";
    return false;
  }
  // LLVM's ExecuteAndWait cannot set the working directory: a shell does,
  // then replaces itself with the program (so a timeout stops the program).
  llvm::SmallVector<llvm::StringRef, 16> argv = {
      "/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", workingDir, path};
  for (const std::string &arg : args)
    argv.push_back(arg);
  std::optional<llvm::StringRef> redirects[] = {
      llvm::StringRef(""), llvm::StringRef(log), llvm::StringRef(log)};
  std::string message;
  bool failedToStart = false;
  int status =
      llvm::sys::ExecuteAndWait("/bin/sh", argv, std::nullopt, redirects,
                                seconds, 0, &message, &failedToStart);
  if (status == 0)
    return true;
  std::string command = program;
  for (const std::string &arg : args)
    command += " " + arg;
  if (failedToStart)
    error = program + " could not be started: " + message;
  else if (status == -2 && message.find("timed out") != std::string::npos)
    error = program + " did not finish within " + std::to_string(seconds) +
            " s and was stopped";
  else
    error = program + " failed (" +
            (status < 0 ? message : "exit status " + std::to_string(status)) +
            ")";
  error += " running `" + command + "`; its log is " + log + logExcerpt(log);
  return false;
}

} // namespace snc::fpga
