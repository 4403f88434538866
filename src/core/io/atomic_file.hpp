// Every file genochron writes goes through here: a temp file in the same folder,
// fsync, rename. A crash or a full disk leaves the old file (or none), never half a file.
#pragma once
#include <string>
#include <string_view>

namespace genochron {

// Throws GenochronError naming the path on any failure; the target is then untouched.
void writeFileAtomic(const std::string& path, std::string_view bytes);

// Reads a whole file; throws GenochronError naming the path.
std::string readFile(const std::string& path, std::size_t maxBytes = std::size_t(1) << 30);

}  // namespace genochron
