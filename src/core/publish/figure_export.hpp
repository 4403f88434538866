// Writing one figure to a file, the one way the command line and the desktop app both do it.
#pragma once

#include "core/paint/cairo_painter.hpp"
#include "core/model/model.hpp"
#include "core/scene/scene.hpp"

#include <string>

namespace genochron {

// Paints `doc` to `path` (the format follows the extension) atomically and returns the
// painter's note (empty, or e.g. that a page was scaled). A document drawn from an anonymised
// case (doc.anonymised, set by the figure builders, not by the caller) is audited against
// `realCase` first, what it draws and then the painted file; on any finding it throws
// GenochronError naming them and nothing is written (an existing file is untouched).
std::string exportFigure(const Document& doc, const Case& realCase, const std::string& path, const PaintOptions& po);

}  // namespace genochron
