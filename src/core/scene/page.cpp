#include "core/scene/page.hpp"

namespace genochron {

std::pair<double, double> PageSpec::pagePt(const Scene& s) const {
    double w, h;
    switch (size) {
    case Size::A4: w = 595.276; h = 841.89; break;
    case Size::A3: w = 841.89; h = 1190.55; break;
    default: return {s.widthPt, s.heightPt};
    }
    if (landscape) std::swap(w, h);
    return {w, h};
}

}  // namespace genochron
