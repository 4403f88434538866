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
    std::string source;          // the text that was read (for placing findings on a phrase)
    bool ok() const { return model && !diagnostics.hasErrors(); }
};

// Reads, checks structure, references and consistency. Never throws for bad input.
LoadResult loadCaseFile(const std::string& path, const LoadLimits& limits = {});
LoadResult loadCaseString(const std::string& text, const std::string& displayName, const LoadLimits& limits = {});

// Canonical YAML: keys in the contract's order, unknown keys after them, stable ids.
// Every scalar is quoted and escaped where any YAML reader (1.1 or 1.2) could read it as
// something else. Throws GenochronError for text that cannot be written (not UTF-8).
std::string saveCaseToString(const Case& c);
// Atomic: temp file in the same folder, fsync, then the temp file is read back and loaded,
// and only a file that gives the same model replaces the old one (see writeFileAtomic for
// symbolic links, permissions and stale temp files). Throws GenochronError on failure,
// and the old file is then untouched.
void saveCaseFile(const Case& c, const std::string& path);

// Where `reloaded` (the case read back from a save of `saved`) differs from `saved`:
// "events[3] (e017)", "case", ...; nullopt when they are the same. An event saved with no
// id matches the id the loader generates for it, and a value that reads back equal but
// marked unreadable (an invalid time typed in) matches too.
std::optional<std::string> caseDifference(const Case& saved, const Case& reloaded);

}  // namespace genochron
