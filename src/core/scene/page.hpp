// Paper: the page a figure is laid out for and printed on.
#pragma once
#include "core/scene/scene.hpp"

#include <utility>

namespace genochron {

struct PageSpec {
    enum class Size { Fit, A4, A3 } size = Size::Fit;
    bool landscape = false;
    double marginPt = 36;   // half an inch
    // Page size in points for A4/A3 (portrait unless landscape); Fit: the scene's own size.
    std::pair<double, double> pagePt(const Scene& s) const;
};

}  // namespace genochron
