#include "core/figures/timeline/timeline_fold.hpp"

namespace genochron::timeline {

std::vector<Mark> foldLane(const std::vector<Item>& items, std::size_t begin, std::size_t end, double gapPt) {
    std::vector<Mark> marks;
    std::size_t i = begin;
    while (i < end) {
        Mark m;
        m.first = i;
        m.x0 = m.x1 = items[i].x;
        std::size_t j = i + 1;
        if (!items[i].moNumber) {
            // Chain while markers touch; an MO ends the run and stands alone.
            while (j < end && !items[j].moNumber && items[j].x - items[j - 1].x < gapPt) {
                m.x1 = items[j].x;
                ++j;
            }
        }
        m.end = j;
        m.x = 0.5 * (m.x0 + m.x1);
        marks.push_back(m);
        i = j;
    }
    return marks;
}

}  // namespace genochron::timeline
