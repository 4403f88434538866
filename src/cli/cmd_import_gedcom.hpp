// `genochron import gedcom`: a subcommand of `import` (cmd_import.cpp adds it).
#pragma once
#include <CLI/CLI.hpp>
#include <functional>

namespace genochron::cli {

// Adds `gedcom` under `import`; the function runs it once parsed.
std::function<int()> addImportGedcom(CLI::App& import);

}  // namespace genochron::cli
