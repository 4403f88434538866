// Screenshot mode: the window's pixels as a PNG, for tests and documentation.
#pragma once
#include <string>

namespace genochron::app {

// Reads the current back buffer (w x h) and writes it atomically as PNG. Throws
// GenochronError naming the path on failure.
void writeScreenshot(const std::string& path, int width, int height);

}  // namespace genochron::app
