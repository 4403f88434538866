// The CLI's subcommands register themselves here; main.cpp parses and runs one.
#pragma once
#include "core/io/case_io.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace genochron::cli {

// Exit codes shared by every subcommand.
constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;   // check/audit: something to look at
constexpr int kExitInvalid = 2;    // unreadable or invalid input, or a failed output
constexpr int kExitUnverified = 3; // audit: nothing found, but part of a file could not be read to check

// A subcommand: `setup` adds options to its CLI::App and returns the function that runs it.
struct Command {
    std::string name;
    std::string help;
    std::function<std::function<int()>(CLI::App&)> setup;
};

std::vector<Command>& commands();

struct Register {
    Register(std::string name, std::string help, std::function<std::function<int()>(CLI::App&)> setup) {
        commands().push_back({std::move(name), std::move(help), std::move(setup)});
    }
};

// Loads a case for a command: prints every diagnostic to stderr (warnings too when
// `showWarnings`), and returns nothing if the case is unreadable or invalid.
std::optional<Case> loadForCommand(const std::string& path, bool showWarnings = false);

}  // namespace genochron::cli
