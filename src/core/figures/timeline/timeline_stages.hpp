// Monckton Smith's eight-stage homicide timeline over the multi-agency timeline
// (`render --view timeline --stages`): a strip under the top axis with one row per
// stage, each a band from the first to the last shown event of that stage, with its name.
#pragma once
#include "core/figures/timeline/timeline_layout.hpp"

#include <vector>

namespace genochron::timeline {

struct StageSpan {
    int stage = 0;                 // 1..8
    int events = 0;                // dated events shown with this stage
    int undated = 0;               // ... and undated ones
    long firstDay = 0, lastDay = 0;   // inclusive span of those events' days (when events > 0)
    std::vector<double> markDays;  // where each event's marker sits
};

// All eight stages, in order, from the items the timeline shows (after its filters).
std::vector<StageSpan> stageSpans(const TimelineData& d);

// The strip's height: a header and one row per stage.
double stageStripHeight();

// Draws the strip with its top at `top`, across the header column and the time axis;
// and, through the lanes, a faint line where each stage begins.
void drawStageStrip(Scene& sc, const TimelineLayout& lay, double top, const Palette& pal);
void drawStageGuides(Scene& sc, const TimelineLayout& lay, double top, double bottom, const Palette& pal);

// A stage's colour: a cool-to-hot progression (greys in print).
Color stageColor(int stage, const Palette& pal);

}  // namespace genochron::timeline
