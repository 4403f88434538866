// The replay driver: runs a fuzz harness (LLVMFuzzerTestOneInput) without libFuzzer, so the
// normal build (gcc) checks every harness in ctest: each file of the corpus and the kept
// crashers, then a fixed number of deterministic mutants of them (bit flips, interesting
// bytes, dictionary tokens, deleted, repeated and spliced ranges). The same command always
// runs the same inputs. A failing input is named on stderr and, for a mutant, written to
// ./fuzz-crash-<harness>-<n> so it can be kept in tests/fuzz/regressions/<name>/.
//   fuzz_<name>_replay [--mutants N] [--seed S] [--dict FILE] [--max-len BYTES] PATH...
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

// What is running now, for the signal handler (which may only use async-signal-safe calls).
char g_what[4096];
char g_dumpPath[4096];
const std::string* g_input = nullptr;

void onCrash(int sig) {
    const char head[] = "\nfuzz replay: crashed on ";
    (void)!::write(2, head, sizeof head - 1);
    (void)!::write(2, g_what, std::strlen(g_what));
    if (g_input && g_dumpPath[0]) {
        int fd = ::open(g_dumpPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            (void)!::write(fd, g_input->data(), g_input->size());
            ::close(fd);
            const char saved[] = "\nfuzz replay: the input is in ";
            (void)!::write(2, saved, sizeof saved - 1);
            (void)!::write(2, g_dumpPath, std::strlen(g_dumpPath));
        }
    }
    (void)!::write(2, "\n", 1);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// libFuzzer's dictionary format: one "token" per line (\\, \" and \xNN escapes), # comments.
std::vector<std::string> readDict(const fs::path& p) {
    std::vector<std::string> out;
    std::ifstream in(p);
    std::string line;
    while (std::getline(in, line)) {
        auto q = line.find('"');
        auto e = line.rfind('"');
        if (line.empty() || line[0] == '#' || q == std::string::npos || e <= q) continue;
        std::string tok;
        for (std::size_t i = q + 1; i < e; ++i) {
            if (line[i] == '\\' && i + 1 < e) {
                char n = line[++i];
                if (n == 'x' && i + 2 < e) {
                    tok += char(std::stoi(line.substr(i + 1, 2), nullptr, 16));
                    i += 2;
                } else tok += n;
            } else tok += line[i];
        }
        out.push_back(tok);
    }
    return out;
}

const std::vector<std::string> kBuiltinTokens = {
    "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85", "\x7F", "\xEF\xBB\xBF", "\xEF\xBF\xBE", "\t", "\r\n", "\r", "\n",
    "\"", "'", ": ", " #", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "---\n", "...\n", "|\n", ">-\n",
    "~", "yes", "no", "null", "0x1F", "1e3", "012", "12:30", "\\u2028", "\\x7f", "\\0", "\xFF\xFE", "\x00"};

std::string mutate(const std::vector<std::string>& inputs, const std::string& base, std::mt19937& rng,
                   const std::vector<std::string>& tokens, std::size_t maxLen) {
    std::string s = base;
    auto pick = [&](std::size_t n) { return n ? std::size_t(rng() % n) : 0; };
    static const char interesting[] = {0, 0x7F, char(0xFF), '\n', '\t', ' ', ':', '"', '\'', '-', '[', '{', '&',
                                       '*', '#', '|', '>', ',', '\\', char(0xC2), char(0xE2)};
    int ops = 1 + int(rng() % 4);
    for (int k = 0; k < ops; ++k) {
        switch (rng() % 7) {
        case 0:
            if (!s.empty()) s[pick(s.size())] ^= char(1u << (rng() % 8));
            break;
        case 1:
            if (!s.empty()) s[pick(s.size())] = interesting[pick(sizeof interesting)];
            break;
        case 2: {
            const std::string& t = tokens[pick(tokens.size())];
            s.insert(pick(s.size() + 1), t);
            break;
        }
        case 3:
            if (!s.empty()) {
                std::size_t at = pick(s.size()), n = 1 + pick(std::min<std::size_t>(64, s.size() - at));
                s.erase(at, n);
            }
            break;
        case 4:
            if (!s.empty()) {
                std::size_t at = pick(s.size()), n = 1 + pick(std::min<std::size_t>(256, s.size() - at));
                s.insert(pick(s.size() + 1), s.substr(at, n));
            }
            break;
        case 5: {
            const std::string& o = inputs[pick(inputs.size())];
            if (!o.empty()) {
                std::size_t at = pick(o.size()), n = 1 + pick(std::min<std::size_t>(512, o.size() - at));
                std::size_t to = pick(s.size() + 1);
                s.replace(to, std::min(n, s.size() - to), o.substr(at, n));
            }
            break;
        }
        default:
            if (!s.empty()) s.resize(pick(s.size()));
            break;
        }
    }
    if (s.size() > maxLen) s.resize(maxLen);
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    long mutants = 0;
    unsigned seed = 1;
    std::size_t maxLen = 64 * 1024;
    std::vector<std::string> tokens = kBuiltinTokens;
    std::vector<fs::path> files;
    const std::string harness = fs::path(argv[0]).filename().string();
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--mutants" && i + 1 < argc) mutants = std::atol(argv[++i]);
        else if (a == "--seed" && i + 1 < argc) seed = unsigned(std::strtoul(argv[++i], nullptr, 10));
        else if (a == "--max-len" && i + 1 < argc) maxLen = std::size_t(std::atol(argv[++i]));
        else if (a == "--dict" && i + 1 < argc) {
            auto more = readDict(argv[++i]);
            tokens.insert(tokens.end(), more.begin(), more.end());
        } else if (fs::is_directory(a)) {
            for (auto& e : fs::recursive_directory_iterator(a))
                if (e.is_regular_file()) files.push_back(e.path());
        } else if (fs::is_regular_file(a)) files.push_back(a);
        else if (!fs::exists(a)) continue;   // an empty regressions folder is not there in git
        else {
            std::fprintf(stderr, "%s: cannot read %s\n", harness.c_str(), a.c_str());
            return 2;
        }
    }
    std::sort(files.begin(), files.end());
    for (int sig : {SIGABRT, SIGSEGV, SIGFPE, SIGBUS, SIGILL}) std::signal(sig, onCrash);
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::string> inputs;
    for (auto& f : files) {
        inputs.push_back(readAll(f));
        std::snprintf(g_what, sizeof g_what, "%s", f.c_str());
        g_dumpPath[0] = 0;
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(inputs.back().data()), inputs.back().size());
    }
    if (inputs.empty()) inputs.push_back({});
    for (long m = 0; m < mutants; ++m) {
        std::mt19937 rng(seed * 1000003u + unsigned(m));
        const std::string& base = inputs[std::size_t(m) % inputs.size()];
        std::string s = mutate(inputs, base, rng, tokens, maxLen);
        std::snprintf(g_what, sizeof g_what, "mutant %ld (seed %u) of %s", m, seed,
                      files.empty() ? "an empty input" : files[std::size_t(m) % files.size()].c_str());
        std::snprintf(g_dumpPath, sizeof g_dumpPath, "fuzz-crash-%s-%ld", harness.c_str(), m);
        g_input = &s;
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
        g_input = nullptr;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s: %zu files and %ld mutants ran clean in %.1f s\n", harness.c_str(), files.size(), mutants, secs);
    return 0;
}
