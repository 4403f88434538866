// genochron: the command line, on core only (no GUI library is linked). With no subcommand, or
// `open`, or a case file as its only argument, it starts the desktop app, genochron-app.
#include "cli/command.hpp"
#include "core/model/diagnostics.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <unistd.h>

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

// Replaces this process with the desktop app: genochron-app beside this program (a build
// folder, or an install's bin/), else the first on PATH. Returns only if it cannot start.
int startApp(int argc, char** argv) {
    std::vector<char*> args;
    std::string self = "genochron-app";
    args.push_back(self.data());
    for (int i = 1; i < argc; ++i)
        if (!(i == 1 && std::string_view(argv[1]) == "open")) args.push_back(argv[i]);
    args.push_back(nullptr);
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto beside = (exe.parent_path() / "genochron-app").string();
        if (::access(beside.c_str(), X_OK) == 0) ::execv(beside.c_str(), args.data());
    }
    ::execvp("genochron-app", args.data());
    std::cerr << "genochron: error: the desktop app (genochron-app) could not be started: " << std::strerror(errno)
              << "; install it beside genochron or on PATH, or use a subcommand (see genochron --help)\n";
    return kExitInvalid;
}

}  // namespace genochron::cli

int main(int argc, char** argv) {
    using namespace genochron;
    using namespace genochron::cli;
    CLI::App app{"genochron: genograms, chronologies and action plans for domestic homicide and "
                 "safeguarding reviews.\nWith no subcommand, opens the desktop app."};
    app.set_version_flag("--version", std::string("genochron ") + GENOCHRON_VERSION);
    app.require_subcommand(0, 1);
    std::string helpOnlyCase;   // for --help: a lone case file is handed to the app before parsing
    // The app's own options are its business: `genochron open --help` shows them.
    app.add_subcommand("open", "Open a case in the desktop app (genochron-app; see genochron open --help)");
    app.add_option("CASE", helpOnlyCase, "Case file to open in the desktop app");

    std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
    for (auto& cmd : commands()) {
        auto* sub = app.add_subcommand(cmd.name, cmd.help);
        runners.emplace_back(sub, cmd.setup(*sub));
    }
    bool known = false;
    if (argc > 1)
        for (auto& cmd : commands()) known = known || cmd.name == argv[1];
    const bool wantsApp = argc == 1 || std::string_view(argv[1]) == "open" ||
                          (!known && argv[1][0] != '-' && argc == 2);
    if (wantsApp) return startApp(argc, argv);
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
    return startApp(argc, argv);   // a case file given after options, e.g. `genochron -- case.yaml`
}
