#include "app/views/row_layout.hpp"

#include <algorithm>
#include <cmath>

namespace genochron::app {

void RowLayout::reset(std::vector<float> estimates) {
    m_height = std::move(estimates);
    m_measured.assign(m_height.size(), 0);
    m_dirty = true;
}

float RowLayout::setMeasured(std::size_t row, float h) {
    if (row >= m_height.size()) return 0;
    m_measured[row] = 1;
    float d = h - m_height[row];
    if (d != 0) {
        m_height[row] = h;
        m_dirty = true;
    }
    return d;
}

void RowLayout::sum() {
    if (!m_dirty) return;
    m_top.resize(m_height.size() + 1);
    double y = 0;
    for (std::size_t i = 0; i < m_height.size(); ++i) {
        m_top[i] = y;
        y += m_height[i];
    }
    m_top[m_height.size()] = y;
    m_dirty = false;
}

float RowLayout::top(std::size_t row) {
    sum();
    return float(m_top[std::min(row, m_height.size())]);
}

float RowLayout::total() { return top(m_height.size()); }

std::pair<std::size_t, std::size_t> RowLayout::visible(float y0, float y1) {
    sum();
    std::size_t n = m_height.size();
    if (n == 0) return {0, 0};
    // The last row whose top is at or above y0, then every row whose top is above y1.
    auto first = std::upper_bound(m_top.begin(), m_top.begin() + std::ptrdiff_t(n), double(y0));
    std::size_t f = first == m_top.begin() ? 0 : std::size_t(first - m_top.begin()) - 1;
    auto last = std::lower_bound(m_top.begin() + std::ptrdiff_t(f), m_top.begin() + std::ptrdiff_t(n), double(y1));
    std::size_t l = std::max(f + 1, std::size_t(last - m_top.begin()));
    return {f, std::min(l, n)};
}

float estimateRowHeight(const std::vector<std::pair<std::size_t, float>>& lengthAndWidth, float charPx, float linePx,
                        float padPx, int minLines) {
    int lines = minLines;
    for (auto& [len, width] : lengthAndWidth) {
        float perLine = std::max(1.f, std::floor(width / std::max(charPx, 1.f)));
        lines = std::max(lines, int(std::ceil(float(len) / perLine)));
    }
    return float(lines) * linePx + padPx;
}

}  // namespace genochron::app
