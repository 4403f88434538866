// A small YAML document tree built from libyaml's event parser.
//
// Why not yaml-cpp's Load: it takes 2.6 s on a 6 MB case (20,000 events) where libyaml's
// events take 0.2 s, and it recurses per nesting level. This tree keeps every node's
// position for diagnostics, caps depth and size itself, and mirrors the few yaml-cpp
// calls the reader uses. libyaml's emitter writes files (case_writer.cpp).
#pragma once
#include "core/model/doc_tree.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace genochron::yaml {

struct ParseLimits {
    int maxDepth = 64;
    std::size_t maxNodes = 4'000'000;   // aliases are copied: this stops "billion laughs"
};

struct ParseError {
    yaml::Mark mark;
    std::string message;
};

// What follows the first document, if anything: a case file holds one document.
struct MoreDocuments {
    bool present = false;   // a second document starts (`---` after the first)
    bool empty = true;      // ... and every later document is empty (null)
    yaml::Mark at;          // where the second one starts
};

// Parses the first document. On failure returns nullopt and fills `err`. Later documents
// are parsed too (a syntax error in them is an error) and described in `more` when given.
std::optional<Node> parse(std::string_view text, const ParseLimits& limits, ParseError& err,
                          MoreDocuments* more = nullptr);

}  // namespace genochron::yaml
