// Folding: with thousands of events a lane stays legible because runs of markers closer
// than a few points become one "N events" mark (as profilers' timelines do), computed in
// one pass over the lane's time-sorted items. Missed opportunities never fold: each keeps
// its own marker and number, so the figure never hides one.
#pragma once
#include "core/figures/timeline/timeline_model.hpp"

#include <vector>

namespace genochron::timeline {

struct Mark {
    std::size_t first = 0, end = 0;   // items [first, end) of TimelineData::items
    double x = 0;                     // where the marker (or the fold's centre) is drawn
    double x0 = 0, x1 = 0;            // a fold's extent: its first and last markers
    int count() const { return int(end - first); }
    bool folded() const { return end - first > 1; }
};

// Marks for items [begin, end) of one lane, sorted by x (Item::x must be set).
// A run continues while the next marker is within gapPt of the previous one.
std::vector<Mark> foldLane(const std::vector<Item>& items, std::size_t begin, std::size_t end, double gapPt);

}  // namespace genochron::timeline
