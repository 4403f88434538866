// Test helpers shared by the CLI tests: run the built binary, temp folders.
#pragma once
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace genochron::test {

struct RunResult {
    int exitCode = -1;
    std::string out;   // stdout
    std::string err;   // stderr
};

// Runs `GENOCHRON_BINARY args` through the shell; args must be shell-quoted by the caller.
inline RunResult runCli(const std::string& args) {
    namespace fs = std::filesystem;
    static int counter = 0;
    fs::path errFile = fs::temp_directory_path() / ("genochron-test-stderr-" + std::to_string(::getpid()) + "-" +
                                                    std::to_string(counter++));
    std::string cmd = std::string("'") + GENOCHRON_BINARY + "' " + args + " 2>'" + errFile.string() + "' </dev/null";
    RunResult r;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = ::pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(errFile);
    r.err.assign(std::istreambuf_iterator<char>(in), {});
    fs::remove(errFile);
    return r;
}

inline std::string sample(const std::string& name) { return std::string(GENOCHRON_SOURCE_DIR) + "/samples/" + name; }

// A fresh empty folder under the system temp dir, removed when the object goes.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name) {
        path = std::filesystem::temp_directory_path() / ("genochron-" + name + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(file(name), std::ios::binary) << text;
        return file(name);
    }
};

}  // namespace genochron::test
