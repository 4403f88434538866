// The audit of what a figure draws, before it is painted: every text run of every page,
// the model ids it is tagged with, and the PDF outline. PNG pixels and Cairo's SVG glyph
// outlines cannot be read back as text, so this is how an anonymised PNG or SVG is
// audited: its Document is the same one the PDF would be painted from.
#pragma once

#include "core/publish/audit.hpp"
#include "core/scene/scene.hpp"

namespace genochron {

// Findings are placed "page N (drawn text)", "page N (model id)" or "outline".
AuditReport auditDocument(const Auditor& auditor, const Document& doc, const std::string& displayName = {});

// For every anonymised figure: audits what `doc` draws and throws GenochronError listing
// the findings (nothing is written) if anything sensitive is drawn.
void refuseIfDrawn(const Document& doc, const Case& realCase, const std::string& path);

}  // namespace genochron
