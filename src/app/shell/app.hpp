// The desktop app (Dear ImGui + GLFW + OpenGL 3.3). Built on core; the CLI starts it.
#pragma once
#include <string>
#include <vector>

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
    // With a screenshot: clicks (window pixels) made one after another, each once the views
    // are ready, before the picture is taken (tests and README screenshots of menus, popups).
    struct Click {
        float x = 0, y = 0;
        bool right = false;
    };
    std::vector<Click> clicks;
    std::string asOf;             // start with the genogram's time slider on at this date
};

// Runs until the window closes; returns the process exit code.
int runApp(const AppOptions& opt);

}  // namespace genochron::app
