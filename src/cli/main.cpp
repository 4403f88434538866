// genochron: one binary. No subcommand (or `open`): the desktop app. Anything else: headless.
#include "cli/command.hpp"
#include "core/model/diagnostics.hpp"

#include <cstdio>
#include <iostream>

#ifdef GENOCHRON_HAVE_APP
#include "app/app.hpp"
#endif

namespace genochron::cli {

std::vector<Command>& commands() {
    static std::vector<Command> all;
    return all;
}

std::optional<Case> loadForCommand(const std::string& path, bool showWarnings) {
    auto res = loadCaseFile(path);
    for (auto& d : res.diagnostics.items())
        if (d.severity == Severity::Error || showWarnings) std::cerr << formatDiagnostic(d) << "\n";
    if (!res.ok()) {
        if (res.model) std::cerr << path << ": the case has errors; fix them and run again (nothing was written)\n";
        return std::nullopt;
    }
    return std::move(res.model);
}

}  // namespace genochron::cli

int main(int argc, char** argv) {
    using namespace genochron;
    using namespace genochron::cli;
    CLI::App app{"genochron: genograms, chronologies and action plans for domestic homicide and "
                 "safeguarding reviews.\nWith no subcommand, opens the desktop app."};
    app.set_version_flag("--version", std::string("genochron ") + GENOCHRON_VERSION);
    app.require_subcommand(0, 1);
    std::string openPath;
    std::string screenshot;
    int screenshotFrames = 5;
    std::string startTab, startSelect;
    auto* open = app.add_subcommand("open", "Open a case in the desktop app");
    open->add_option("CASE", openPath, "Case file (.yaml)");
    open->add_option("--screenshot", screenshot, "Render a few frames, save the window as PNG, exit");
    open->add_option("--frames", screenshotFrames, "Frames before the screenshot")->capture_default_str();
    open->add_option("--tab", startTab, "Tab to show at start: genogram, timeline, chronology, actions, people, findings");
    bool animate = false, frameStats = false;
    int animFrames = 600;
    open->add_flag("--animate", animate, "Pan, zoom and scroll the --tab by itself for --frames frames, then exit (a benchmark)");
    open->add_flag("--frame-stats", frameStats, "With --animate: print 'frames N, median X ms, p95 Y ms, max Z ms' (work per frame)");
    open->add_option("--select", startSelect, "Select this item at start (a person, event or action id, or 'case')");
    app.add_option("CASE", openPath, "Case file to open in the app");

    std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
    for (auto& cmd : commands()) {
        auto* sub = app.add_subcommand(cmd.name, cmd.help);
        runners.emplace_back(sub, cmd.setup(*sub));
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : kExitInvalid;
    }
    try {
        for (auto& [sub, run] : runners)
            if (sub->parsed()) return run();
    } catch (const GenochronError& e) {
        std::cerr << e.what() << "\n";
        return kExitInvalid;
    } catch (const std::exception& e) {
        std::cerr << "genochron: error: " << e.what() << "\n";
        return kExitInvalid;
    }
#ifdef GENOCHRON_HAVE_APP
    app::AppOptions ao;
    ao.casePath = openPath;
    ao.screenshotPath = screenshot;
    ao.screenshotFrames = screenshotFrames;
    ao.animate = animate;
    ao.frameStats = frameStats;
    if (animate && open->count("--frames")) animFrames = screenshotFrames;
    ao.frames = animFrames;
    ao.tab = startTab;
    ao.select = startSelect;
    return app::runApp(ao);
#else
    std::cerr << "genochron: this build has no desktop app; use a subcommand (see --help)\n";
    return kExitInvalid;
#endif
}
