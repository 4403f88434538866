#include "app/frame_stats.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

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

}  // namespace genochron::app
