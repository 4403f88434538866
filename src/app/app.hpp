// The desktop app (Dear ImGui + GLFW + OpenGL 3.3). Built on core; the CLI starts it.
#pragma once
#include <string>

namespace genochron::app {

struct AppOptions {
    std::string casePath;         // open this case at start (may be empty)
    std::string screenshotPath;   // non-empty: render a few frames, save the window as PNG, exit
    int screenshotFrames = 5;
    int width = 1400, height = 900;
    std::string tab;              // bring this tab forward at start ("timeline", "findings", ...)
    std::string select;           // select this item at start (an id, or "case")
    bool animate = false;         // drive the tab (pan, zoom, scroll) for `frames` frames, then exit
    int frames = 600;             // --animate: frames to run
    bool frameStats = false;      // print "frames N, median X ms, p95 Y ms, max Z ms" on exit
};

// Runs until the window closes; returns the process exit code.
int runApp(const AppOptions& opt);

}  // namespace genochron::app
