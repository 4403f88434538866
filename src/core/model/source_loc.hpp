#pragma once

namespace genochron {

// Where something was in the file (1-based; 0 = not from a file).
struct SourceLoc {
    int line = 0;
    int column = 0;
    bool valid() const { return line > 0; }
};

}  // namespace genochron
