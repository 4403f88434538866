// [SECTION] compression: busy spans, quiet gaps, segments
// [SECTION] mapping days to points
// [SECTION] ticks: choosing a unit for the scale, then generating ticks and labels
#include "core/figures/timeline/timeline_axis.hpp"

#include "core/model/date.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace genochron::timeline {

std::string monthAbbrev(int month) {
    static constexpr std::array<const char*, 12> kNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return kNames[std::size_t(std::clamp(month, 1, 12) - 1)];
}

// ---------------------------------------------------------------- [SECTION] compression

TimeAxis::TimeAxis(long firstDay, long lastDay, double x0, double x1, std::vector<std::pair<long, long>> busy,
                   double breakWidthPt)
    : m_x0(x0), m_x1(std::max(x1, x0 + 1)) {
    if (lastDay < firstDay) std::swap(firstDay, lastDay);
    // A little room either side so the first and last markers are not on the frame.
    const double span = double(lastDay + 1 - firstDay);
    const double pad = std::max(1.0, std::round(span * 0.02));
    const double lo = double(firstDay) - pad, hi = double(lastDay + 1) + pad;
    const double total = hi - lo;

    // Merge the busy spans (half-open) and find the quiet gaps between them.
    std::vector<std::pair<double, double>> spans;
    for (auto [a, b] : busy) {
        if (b < a) std::swap(a, b);
        spans.push_back({std::max(lo, double(a)), std::min(hi, double(b + 1))});
    }
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<double, double>> merged;
    for (auto& s : spans) {
        if (s.second <= s.first) continue;
        if (!merged.empty() && s.first <= merged.back().second) merged.back().second = std::max(merged.back().second, s.second);
        else merged.push_back(s);
    }
    // Each compressed gap keeps a margin of ordinary axis on both sides, so a marker next
    // to a break is not drawn against the zigzag.
    const double keep = std::max(1.0, std::round(total * 0.015));
    const double threshold = std::max(double(kMinBreakDays), total * 0.25);
    std::vector<std::pair<double, double>> gaps;
    double cursor = lo;
    auto considerGap = [&](double a, double b) {
        if (b - a > threshold && b - a > 2 * keep + 1) gaps.push_back({a + keep, b - keep});
    };
    for (auto& m : merged) {
        considerGap(cursor, m.first);
        cursor = std::max(cursor, m.second);
    }
    if (!merged.empty()) considerGap(cursor, hi);

    // Segments: ordinary runs share what the breaks leave, in proportion to their days.
    const double width = m_x1 - m_x0;
    double breakW = breakWidthPt;
    if (!gaps.empty() && breakW * double(gaps.size()) > width * 0.4) breakW = width * 0.4 / double(gaps.size());
    double gapDays = 0;
    for (auto& g : gaps) gapDays += g.second - g.first;
    const double normalDays = std::max(1.0, total - gapDays);
    m_ptPerDay = (width - breakW * double(gaps.size())) / normalDays;
    double d = lo, x = m_x0;
    auto push = [&](double dayEnd, bool compressed) {
        if (dayEnd <= d) return;
        double w = compressed ? breakW : (dayEnd - d) * m_ptPerDay;
        m_segments.push_back({d, dayEnd, x, x + w, compressed});
        d = dayEnd;
        x += w;
    };
    for (auto& g : gaps) {
        push(g.first, false);
        push(g.second, true);
    }
    push(hi, false);
    if (m_segments.empty()) m_segments.push_back({lo, hi, m_x0, m_x1, false});
    m_segments.back().xEnd = m_x1;   // absorb rounding
    chooseSteps();
}

// ---------------------------------------------------------------- [SECTION] mapping

double TimeAxis::x(double day) const {
    const auto& s = m_segments;
    if (day <= s.front().dayFirst) return s.front().xFirst - (s.front().dayFirst - day) * m_ptPerDay;
    if (day >= s.back().dayEnd) return s.back().xEnd + (day - s.back().dayEnd) * m_ptPerDay;
    auto it = std::upper_bound(s.begin(), s.end(), day, [](double v, const AxisSegment& seg) { return v < seg.dayFirst; });
    const AxisSegment& seg = *(it - 1);
    double t = (day - seg.dayFirst) / std::max(1e-9, seg.dayEnd - seg.dayFirst);
    return seg.xFirst + t * (seg.xEnd - seg.xFirst);
}

std::vector<AxisSegment> TimeAxis::breaks() const {
    std::vector<AxisSegment> r;
    for (auto& s : m_segments)
        if (s.compressed) r.push_back(s);
    return r;
}

bool TimeAxis::inBreak(double day) const {
    for (auto& s : m_segments)
        if (s.compressed && day > s.dayFirst && day < s.dayEnd) return true;
    return false;
}

// ---------------------------------------------------------------- [SECTION] ticks

namespace {

struct Candidate {
    TickStep step;
    double days;        // typical length of one step
    double minSpacingPt; // labels need this much room
};

// Finest first. Month labels need more room than years because they sit under a year row,
// and a figure of several years reads best in years with month ticks between.
constexpr Candidate kCandidates[] = {
    {{TickUnit::Day, 1}, 1, 20},           {{TickUnit::Day, 2}, 2, 20},
    {{TickUnit::Week, 1}, 7.3, 40},        {{TickUnit::Month, 1}, 30.44, 70},
    {{TickUnit::Month, 2}, 60.9, 70},      {{TickUnit::Month, 3}, 91.3, 70},
    {{TickUnit::Month, 6}, 182.6, 70},     {{TickUnit::Year, 1}, 365.25, 36},
    {{TickUnit::Year, 2}, 730.5, 36},      {{TickUnit::Year, 5}, 1826, 36},
    {{TickUnit::Year, 10}, 3652, 36},      {{TickUnit::Year, 20}, 7305, 36},
    {{TickUnit::Year, 50}, 18262, 36},     {{TickUnit::Year, 100}, 36525, 36},
};
constexpr double kMinorMinPt = 4.5;

}  // namespace

void TimeAxis::chooseSteps() {
    std::size_t pick = std::size(kCandidates) - 1;
    for (std::size_t i = 0; i < std::size(kCandidates); ++i) {
        if (kCandidates[i].days * m_ptPerDay >= kCandidates[i].minSpacingPt) {
            pick = i;
            break;
        }
    }
    m_step = kCandidates[pick].step;
    // Minor ticks: the finest step that nests in the labelled one and is not a smear.
    auto nests = [&](TickStep minor) {
        if (m_step.unit == TickUnit::Year) return minor.unit == TickUnit::Year ? m_step.count % minor.count == 0
                                                : minor.unit == TickUnit::Month ? 12 % minor.count == 0 : false;
        if (m_step.unit == TickUnit::Month) return minor.unit == TickUnit::Month && m_step.count % minor.count == 0;
        if (m_step.unit == TickUnit::Week) return minor.unit == TickUnit::Day && minor.count == 1;
        return minor.unit == TickUnit::Day && minor.count == 1;
    };
    m_hasMinor = false;
    for (std::size_t i = 0; i < pick; ++i) {
        if (!nests(kCandidates[i].step) || kCandidates[i].step == m_step) continue;
        if (kCandidates[i].days * m_ptPerDay >= kMinorMinPt) {
            m_minorStep = kCandidates[i].step;
            m_hasMinor = true;
            break;
        }
    }
    m_ticks = makeTicks(m_step, true);
    if (m_hasMinor) m_minor = makeTicks(m_minorStep, false);
    makeUpperLabels();
}

std::vector<Tick> TimeAxis::makeTicks(TickStep s, bool labelled) const {
    std::vector<Tick> out;
    const double lo = m_segments.front().dayFirst, hi = m_segments.back().dayEnd;
    auto add = [&](long day, std::string label) {
        if (double(day) < lo || double(day) > hi || inBreak(double(day))) return;
        out.push_back({x(double(day)), day, labelled ? std::move(label) : std::string()});
    };
    CalendarDate a = civilFromDays(long(std::floor(lo))), b = civilFromDays(long(std::ceil(hi)));
    switch (s.unit) {
    case TickUnit::Year:
        for (int y = a.year; y <= b.year + 1; ++y)
            if (((y % s.count) + s.count) % s.count == 0) add(daysFromCivil(y, 1, 1), std::to_string(y));
        break;
    case TickUnit::Month:
        for (int y = a.year; y <= b.year; ++y)
            for (int m = 1; m <= 12; ++m)
                if ((m - 1) % s.count == 0) add(daysFromCivil(y, m, 1), monthAbbrev(m));
        break;
    case TickUnit::Week:
        for (int y = a.year; y <= b.year; ++y)
            for (int m = 1; m <= 12; ++m)
                for (int dd : {1, 8, 15, 22}) add(daysFromCivil(y, m, dd), std::to_string(dd));
        break;
    case TickUnit::Day:
        for (long d = long(std::floor(lo)); d <= long(std::ceil(hi)); ++d) {
            if (inBreak(double(d))) continue;
            CalendarDate c = civilFromDays(d);
            if ((c.day - 1) % s.count == 0) add(d, std::to_string(c.day));
        }
        break;
    }
    return out;
}

void TimeAxis::makeUpperLabels() {
    m_upper.clear();
    if (m_step.unit == TickUnit::Year) return;
    const bool months = m_step.unit == TickUnit::Month;
    auto text = [&](long day) {
        CalendarDate c = civilFromDays(day);
        return months ? std::to_string(c.year) : fmt::format("{} {}", monthAbbrev(c.month), c.year);
    };
    auto isBoundary = [&](long day) {
        CalendarDate c = civilFromDays(day);
        return c.day == 1 && (!months || c.month == 1);
    };
    // Boundaries (a new year over months, a new month over days) inside ordinary segments.
    std::vector<Tick> bounds;
    for (auto& seg : m_segments) {
        if (seg.compressed) continue;
        for (long d = long(std::ceil(seg.dayFirst)); double(d) < seg.dayEnd; ++d) {
            if (!isBoundary(d)) {
                // Jump to the next first of a month: at most 31 steps per month.
                CalendarDate c = civilFromDays(d);
                int ny = c.year, nm = c.month + 1;
                if (nm > 12) nm = 1, ++ny;
                d = daysFromCivil(ny, nm, 1) - 1;
                continue;
            }
            bounds.push_back({x(double(d)), d, text(d)});
        }
    }
    // Each ordinary segment also says where it starts, unless a boundary label is close by.
    const double room = months ? 34 : 52;
    for (auto& seg : m_segments) {
        if (seg.compressed) continue;
        long d = long(std::ceil(seg.dayFirst));
        bool crowded = std::any_of(bounds.begin(), bounds.end(), [&](const Tick& t) {
            return t.x >= seg.xFirst - 1 && t.x - seg.xFirst < room;
        });
        if (!crowded && seg.xEnd - seg.xFirst > room * 0.6) m_upper.push_back({seg.xFirst, d, text(d)});
    }
    m_upper.insert(m_upper.end(), bounds.begin(), bounds.end());
    std::sort(m_upper.begin(), m_upper.end(), [](const Tick& a, const Tick& b) { return a.x < b.x; });
}

}  // namespace genochron::timeline
