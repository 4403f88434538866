// The camera path `open --animate` follows, as a pure function of progress t in [0, 1],
// so every tab is driven the same way and runs compare: zoom in from the fit, pan across
// the whole figure (left to right, top to bottom), zoom back out, then wheel in and out
// about the centre. No GUI here.
#pragma once

namespace genochron::app {

struct CameraPose {
    double x = 0.5, y = 0.5;   // the point of the figure at the canvas centre, 0..1 of its size
    double zoom = 1;           // relative to the fit zoom
};

CameraPose animationPose(double t);

// Scroll position for tables, 0..1 of the scroll range: down to the end, then back up
// in big jumps (a reader looking for a date).
double animationScroll(double t);

}  // namespace genochron::app
