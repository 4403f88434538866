#include "core/paint/cairo_painter.hpp"
#include "core/publish/figure_export.hpp"

#include "core/publish/audit.hpp"
#include "core/publish/audit_scene.hpp"

namespace genochron {

std::string exportFigure(const Document& doc, const Case& realCase, const std::string& path, const PaintOptions& po) {
    std::string note;
    if (doc.anonymised) {
        // PNG pixels and SVG glyph outlines cannot be read back, so the drawn text is audited
        // first; then the file's own text and metadata. Only a clean file is written.
        refuseIfDrawn(doc, realCase, path);
        writeAuditedAtomic(path, paintToBytes(doc, formatForPath(path), po, &note), realCase);
    } else {
        paintToFile(doc, path, po, &note);
    }
    return note;
}

}  // namespace genochron
