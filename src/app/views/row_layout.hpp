// Variable-height rows for long tables (the chronology: 20,000 events whose paragraphs
// wrap to different heights), kept cheap the way profilers' timelines are: heights are
// estimated from text length until a row is first seen, measured exactly when it comes
// into view, and summed into offsets so the visible window is a binary search. When rows
// above the view get their exact height, the caller moves the scroll by the returned
// delta so what the reader looks at does not jump. No GUI here: tested on its own.
#pragma once
#include <cstddef>
#include <utility>
#include <vector>

namespace genochron::app {

class RowLayout {
public:
    // `estimates`: one height per row (pixels). Exact heights set earlier are forgotten.
    void reset(std::vector<float> estimates);
    std::size_t size() const { return m_height.size(); }
    float height(std::size_t row) const { return m_height[row]; }
    bool measured(std::size_t row) const { return m_measured[row]; }
    // Sets a row's exact height; returns the change (0 if none).
    float setMeasured(std::size_t row, float h);
    float top(std::size_t row);       // offset of the row's top from the table's
    float total();                    // all rows
    // Rows [first, last) that meet [y0, y1).
    std::pair<std::size_t, std::size_t> visible(float y0, float y1);

private:
    void sum();
    std::vector<float> m_height;
    std::vector<char> m_measured;
    std::vector<double> m_top;   // size()+1 offsets; doubles: 20,000 rows of sums stay exact
    bool m_dirty = true;
};

// A row's height from its texts' lengths: lines each column's text needs at `widthPx`
// with characters about `charPx` wide, times `linePx`, plus `padPx`.
float estimateRowHeight(const std::vector<std::pair<std::size_t, float>>& lengthAndWidth, float charPx, float linePx,
                        float padPx, int minLines = 1);

}  // namespace genochron::app
