// Frame times for `open --animate --frame-stats`: the work a frame costs (input, views,
// ImGui, GL submission and finish), not the time spent waiting for events. No GUI here,
// so the arithmetic is tested on its own.
#pragma once
#include <string>
#include <vector>

namespace genochron::app {

struct FrameSummary {
    std::size_t frames = 0;
    double medianMs = 0, p95Ms = 0, maxMs = 0;
};

class FrameStats {
public:
    void add(double ms) { m_ms.push_back(ms); }
    std::size_t size() const { return m_ms.size(); }
    // Median (mean of the two middle values for an even count), p95 by nearest rank
    // (the smallest value with at least 95% of frames at or below it), max.
    FrameSummary summary() const;

private:
    std::vector<double> m_ms;
};

// "frames 600, median 4.1 ms, p95 7.9 ms, max 12.3 ms"
std::string formatSummary(const FrameSummary& s);

// CPU time spent on frames, in milliseconds: the calling (UI) thread's plus Mesa's
// llvmpipe rasteriser threads'. On a shared machine wall time also counts waiting for a
// core; this counts only work. (Linux: /proc/self/task/*/schedstat.)
class FrameCpuClock {
public:
    FrameCpuClock();
    double nowMs();

private:
    std::vector<std::string> m_rasterTasks;   // schedstat paths of llvmpipe threads
    int m_rescan = 0;
};

}  // namespace genochron::app
