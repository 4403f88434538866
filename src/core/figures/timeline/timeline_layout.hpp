// The timeline laid out: axis, lane positions and folded marks, before anything is drawn.
// buildTimelineView (timeline_view.cpp) = layoutTimeline + drawing; tests use the layout to
// check geometry (bar lengths, bins, folds) without reading pixels.
#pragma once
#include "core/figures/timeline/timeline_axis.hpp"
#include "core/figures/timeline/timeline_fold.hpp"
#include "core/figures/timeline/timeline_marks.hpp"
#include "core/figures/timeline/timeline_model.hpp"

#include <map>
#include <optional>

namespace genochron::timeline {

struct LaneMarks {
    std::vector<Mark> dated;
    std::vector<Mark> undated;   // in the "Undated" bin
};

struct TimelineLayout {
    TimelineData data;
    std::optional<TimeAxis> axis;
    std::vector<LaneMarks> marks;          // per lane
    std::map<std::string, int> agencyLane; // agency id -> lane, for sharing arrows
    double widthPt = 0;
    double plotLeft = 0, plotRight = 0;    // the time axis
    bool undatedBin = false;
    double binLeft = 0, binRight = 0;      // the "Undated" bin
    double lanesTop = 0, lanesBottom = 0;  // set with the lanes' topPt by the view
    double margin = kMarginPt;             // around the figure (less on a page: the page has margins)
    // The lanes drawn on this page, [shownBegin, shownEnd): a timeline split over printed
    // pages draws some lanes per page; the others sit outside the lane area, so sharing
    // arrows to them leave the area, cut at its edge.
    std::size_t shownBegin = 0, shownEnd = std::size_t(-1);
    bool shown(std::size_t lane) const { return lane >= shownBegin && lane < shownEnd; }

    double markerY(int lane) const { return data.lanes[std::size_t(lane)].topPt + kMarkerYPt; }
};

// Filters, lanes, axis and folds for a case (no scene, no lane heights yet), for a figure
// kFigureWidthPt wide with kMarginPt margins, or as wide as asked.
TimelineLayout layoutTimeline(const ViewCase& c, const ViewOptions& opt);
TimelineLayout layoutTimeline(const ViewCase& c, const ViewOptions& opt, double widthPt, double marginPt);

// Provenance of a lane's marks.
Provenance provenanceOf(const Lane& l);

// Draws every lane's marks, sharing arrows and labels (timeline_lane_draw.cpp).
void drawLaneContents(Scene& scene, const TimelineLayout& lay, const Palette& pal, GlyphUse& use);

// Draws the legend of the glyphs used, wrapping within `width`; returns its height
// (timeline_legend.cpp). With draw = false, only measures.
double drawLegend(Scene& scene, const Palette& pal, const GlyphUse& use, const TimelineLayout& lay, double x,
                  double y, double width, bool draw);

// The whole figure (what buildTimelineView returns).
Document buildTimelineDocument(const ViewCase& c, const ViewOptions& opt);

}  // namespace genochron::timeline
