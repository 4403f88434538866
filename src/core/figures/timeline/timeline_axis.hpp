// The timeline's time axis: days to points, with long quiet periods compressed behind a
// visible break, and ticks whose unit adapts to the scale (years, months, weeks, days).
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace genochron::timeline {

enum class TickUnit { Day, Week, Month, Year };

struct TickStep {
    TickUnit unit = TickUnit::Year;
    int count = 1;   // every `count` units (weeks: the 1st, 8th, 15th and 22nd of a month)
    bool operator==(const TickStep&) const = default;
};

struct Tick {
    double x = 0;
    long day = 0;
    std::string label;   // "2019", "Mar", "14"; empty for minor ticks
};

// A run of days and where it is drawn. Days are half-open: [dayFirst, dayEnd).
struct AxisSegment {
    double dayFirst = 0, dayEnd = 0;
    double xFirst = 0, xEnd = 0;
    bool compressed = false;   // a quiet period squeezed to a fixed width
};

class TimeAxis {
public:
    // Shows days [firstDay, lastDay] (inclusive) between x0 and x1. `busy` are the inclusive
    // day spans that hold something; a gap between them longer than a quarter of the span
    // (and than kMinBreakDays) is compressed to breakWidthPt with a break mark.
    TimeAxis(long firstDay, long lastDay, double x0, double x1, std::vector<std::pair<long, long>> busy,
             double breakWidthPt);

    static constexpr long kMinBreakDays = 45;   // never break an axis over a few weeks

    double x(double day) const;   // the start of a day; day + 0.5 is its middle
    double x0() const { return m_x0; }
    double x1() const { return m_x1; }
    double ptPerDay() const { return m_ptPerDay; }   // the scale outside the breaks
    const std::vector<AxisSegment>& segments() const { return m_segments; }
    std::vector<AxisSegment> breaks() const;
    bool inBreak(double day) const;

    TickStep step() const { return m_step; }               // labelled ticks
    const std::vector<Tick>& ticks() const { return m_ticks; }
    const std::vector<Tick>& minorTicks() const { return m_minor; }
    // The row above the tick labels: years over months, "May 2019" over days.
    const std::vector<Tick>& upperLabels() const { return m_upper; }

private:
    void chooseSteps();
    std::vector<Tick> makeTicks(TickStep s, bool labelled) const;
    void makeUpperLabels();

    double m_x0, m_x1, m_ptPerDay = 1;
    std::vector<AxisSegment> m_segments;
    TickStep m_step, m_minorStep;
    bool m_hasMinor = false;
    std::vector<Tick> m_ticks, m_minor, m_upper;
};

std::string monthAbbrev(int month);   // 1 -> "Jan"

}  // namespace genochron::timeline
