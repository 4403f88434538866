// Reading and writing the case file (case-format.md), with compiler-style diagnostics.
#pragma once
#include "core/model/diagnostics.hpp"
#include "core/model/model.hpp"

#include <optional>
#include <string>

namespace genochron {

struct LoadLimits {
    std::size_t maxBytes = 64u << 20;   // a real review is well under 1 MiB
    int maxDepth = 64;                  // the format nests 5 deep; yaml-cpp recurses per level
};

struct LoadResult {
    std::optional<Case> model;   // present unless the file could not be read as a case at all
    Diagnostics diagnostics;     // structure and reference errors, consistency warnings
    bool ok() const { return model && !diagnostics.hasErrors(); }
};

// Reads, checks structure, references and consistency. Never throws for bad input.
LoadResult loadCaseFile(const std::string& path, const LoadLimits& limits = {});
LoadResult loadCaseString(const std::string& text, const std::string& displayName, const LoadLimits& limits = {});

// Canonical YAML: keys in the contract's order, unknown keys after them, stable ids.
std::string saveCaseToString(const Case& c);
// Atomic: temp file in the same folder, fsync, rename. Throws GenochronError on failure.
void saveCaseFile(const Case& c, const std::string& path);

}  // namespace genochron
