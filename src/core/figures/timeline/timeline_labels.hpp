// Labels on the timeline: short texts cut to the room there is (measured with the same
// Pango metrics the painters use), placed greedily per lane so they never overlap each
// other or a marker. Labels yield before markers do: a label that does not fit is left out.
#pragma once
#include "core/scene/scene.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace genochron::timeline {

// Occupied intervals along one row of a lane, for greedy placement.
class Occupancy {
public:
    // The widest free run [start, start + w) with w <= limit - start; 0 if `start` is taken.
    double room(double start, double limit) const;
    bool free(double a, double b) const { return room(a, b) >= b - a - 1e-9; }
    void take(double a, double b);
    // The centre nearest `centre` of a free run `width` wide within [lo, hi], if any.
    std::optional<double> nearestFree(double centre, double width, double lo, double hi) const;
private:
    std::map<double, double> m_spans;   // start -> end, disjoint
};

// Places boxes on a line without overlap, in their given order, each as near its desired
// centre as it can be (least squares, by merging clusters), within [lo, hi] where room allows.
// `centres` must be sorted; returns the placed centres.
std::vector<double> spreadApart(const std::vector<double>& centres, const std::vector<double>& widths, double gap,
                                double lo, double hi);

// A few words from an event's facts: the first sentence, spaces tidied.
std::string shortText(const std::string& what);

// `text` as it fits in maxWidthPt at sizePt: whole if it fits, else cut at a word with "…"
// (or mid-word if one word is too long). Empty if not even a few letters fit.
// widthPt receives the measured width of what is returned.
std::string fitText(const std::string& text, double sizePt, double maxWidthPt, double* widthPt,
                    FontWeight weight = FontWeight::Normal, bool italic = false);

}  // namespace genochron::timeline
