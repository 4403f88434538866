// genochron-app: the desktop app (Dear ImGui + GLFW). `genochron` with no subcommand, or
// `genochron open ...`, starts this program; it can also be started by itself.
#include "app/shell/app.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

int main(int argc, char** argv) {
    using namespace genochron;
    // `genochron open CASE ...` forwards everything after `open`; accept it here too.
    std::vector<char*> args(argv, argv + argc);
    if (args.size() > 1 && std::string_view(args[1]) == "open") args.erase(args.begin() + 1);

    CLI::App cli{"genochron-app: the genochron desktop app. Shows and edits a case: genogram, timeline, "
                 "chronology, action plan, people and findings; exports figures and the report pack."};
    cli.set_version_flag("--version", std::string("genochron-app ") + GENOCHRON_VERSION);
    app::AppOptions ao;
    int frames = 0;
    cli.add_option("CASE", ao.casePath, "Case file (.yaml) to open");
    cli.add_option("--screenshot", ao.screenshotPath, "Render a few frames, save the window as PNG, exit");
    cli.add_option("--frames", frames, "Frames before the screenshot (default 5), or to run with --animate (default 600)");
    cli.add_option("--tab", ao.tab, "Tab to show at start: genogram, timeline, chronology, actions, knowledge, people, findings");
    cli.add_option("--select", ao.select, "Select this item at start (a person, event or action id, or 'case')");
    cli.add_flag("--animate", ao.animate, "Pan, zoom and scroll the --tab by itself for --frames frames, then exit (a benchmark)");
    cli.add_flag("--frame-stats", ao.frameStats, "With --animate: print 'frames N, median X ms, p95 Y ms, max Z ms' (work per frame)");
    std::vector<std::string> clicks;
    cli.add_option("--click", clicks, "With --screenshot: click at X,Y (window pixels; X,Y,right for a right click) once the views are ready; repeatable, in order");
    cli.add_option("--as-of", ao.asOf, "Start with the genogram's time slider on at this date (e.g. 2016-05)");
    try {
        cli.parse(int(args.size()), args.data());
    } catch (const CLI::ParseError& e) {
        int code = cli.exit(e);
        return code == 0 ? 0 : 2;
    }
    for (auto& c : clicks) {
        app::AppOptions::Click k;
        char b[16] = {};
        int n = std::sscanf(c.c_str(), "%f,%f,%15s", &k.x, &k.y, b);
        if (n < 2 || (n == 3 && std::string_view(b) != "right")) {
            std::fprintf(stderr, "genochron-app: --click %s: give X,Y or X,Y,right\n", c.c_str());
            return 2;
        }
        k.right = n == 3;
        ao.clicks.push_back(k);
    }
    if (frames > 0) {
        ao.screenshotFrames = frames;
        ao.frames = frames;
    }
    return app::runApp(ao);
}
