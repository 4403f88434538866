#include "app/platform/frame_stats.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

namespace genochron::app {

FrameSummary FrameStats::summary() const {
    FrameSummary s;
    s.frames = m_ms.size();
    if (m_ms.empty()) return s;
    std::vector<double> v = m_ms;
    std::sort(v.begin(), v.end());
    std::size_t n = v.size();
    s.medianMs = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    std::size_t rank = std::size_t(std::ceil(0.95 * double(n)));   // 1-based nearest rank
    s.p95Ms = v[std::clamp<std::size_t>(rank, 1, n) - 1];
    s.maxMs = v.back();
    return s;
}

std::string formatSummary(const FrameSummary& s) {
    return fmt::format("frames {}, median {:.1f} ms, p95 {:.1f} ms, max {:.1f} ms", s.frames, s.medianMs, s.p95Ms,
                       s.maxMs);
}

FrameCpuClock::FrameCpuClock() = default;

double FrameCpuClock::nowMs() {
    namespace fs = std::filesystem;
    // llvmpipe starts its threads with the first GL context: look for them a few times.
    if (m_rasterTasks.empty() && m_rescan++ % 60 == 0) {
        std::error_code ec;
        for (fs::directory_iterator it("/proc/self/task", ec), end; !ec && it != end; it.increment(ec)) {
            std::ifstream comm(it->path() / "comm");
            std::string name;
            std::getline(comm, name);
            if (name.rfind("llvmpipe", 0) == 0) m_rasterTasks.push_back((it->path() / "schedstat").string());
        }
    }
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    double ms = double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    for (auto& path : m_rasterTasks) {
        std::ifstream f(path);
        double ns = 0;
        if (f >> ns) ms += ns / 1e6;
    }
    return ms;
}

}  // namespace genochron::app
