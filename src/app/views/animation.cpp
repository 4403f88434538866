#include "app/views/animation.hpp"

#include <algorithm>
#include <cmath>

namespace genochron::app {

namespace {
constexpr double kDeepZoom = 8;   // how far in the pan runs: where labels become readable
double lerp(double a, double b, double t) { return a + (b - a) * t; }
// Geometric interpolation: every wheel notch scales by the same factor.
double zoomLerp(double a, double b, double t) { return a * std::pow(b / a, t); }
}  // namespace

CameraPose animationPose(double t) {
    t = std::clamp(t, 0.0, 1.0);
    CameraPose p;
    if (t < 0.15) {   // zoom in on the top-left
        double u = t / 0.15;
        p.x = lerp(0.5, 0.0, u);
        p.y = lerp(0.5, 0.0, u);
        p.zoom = zoomLerp(1, kDeepZoom, u);
    } else if (t < 0.65) {   // pan across, three sweeps left-right-left going down
        double u = (t - 0.15) / 0.5;
        double sweep = u * 3;
        int k = std::min(2, int(sweep));
        double f = sweep - k;
        p.x = k % 2 == 0 ? f : 1 - f;
        p.y = (k + f) / 3;
        p.zoom = kDeepZoom;
    } else if (t < 0.8) {   // zoom out towards the whole figure
        double u = (t - 0.65) / 0.15;
        p.x = lerp(1, 0.5, u);
        p.y = lerp(1, 0.5, u);
        p.zoom = zoomLerp(kDeepZoom, 1, u);
    } else {   // wheel in and out about the centre, twice
        double u = (t - 0.8) / 0.2;
        p.zoom = zoomLerp(1, kDeepZoom / 2, 0.5 - 0.5 * std::cos(u * 4 * M_PI));
    }
    return p;
}

double animationScroll(double t) {
    t = std::clamp(t, 0.0, 1.0);
    if (t < 0.7) return t / 0.7;
    // Back up in eight jumps.
    double u = (t - 0.7) / 0.3;
    return 1 - std::floor(u * 8) / 8;
}

}  // namespace genochron::app
