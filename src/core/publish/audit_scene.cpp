#include "core/publish/audit_scene.hpp"

#include "core/model/diagnostics.hpp"

#include <fmt/format.h>
#include <variant>

namespace genochron {

AuditReport auditDocument(const Auditor& auditor, const Document& doc, const std::string& displayName) {
    AuditReport r;
    r.file = displayName;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const std::string page = fmt::format("page {}", i + 1);
        // Each run on its own: what the painter draws in one piece is what a reader reads together.
        for (auto& item : doc.pages[i].items) {
            if (auto* t = std::get_if<TextItem>(&item)) {
                auditor.scanText(t->text, page + " (drawn text)", r);
                auditor.scanText(t->modelId, page + " (model id)", r);
            } else if (auto* s = std::get_if<ShapeItem>(&item)) {
                auditor.scanText(s->modelId, page + " (model id)", r);
            }
        }
        auditor.scanText(doc.pages[i].pageLabel, page + " (label)", r);
    }
    auditor.scanText(doc.outlineTitle, "outline", r);
    for (auto& [page, title] : doc.outline) auditor.scanText(title, "outline", r);
    return r;
}

void refuseIfDrawn(const Document& doc, const Case& realCase, const std::string& path) {
    Auditor auditor(realCase);
    AuditReport r = auditDocument(auditor, doc, path);
    if (r.clean()) return;
    std::string msg = fmt::format(
        "refusing to write an anonymised figure that would draw {} sensitive item(s); nothing was written:",
        r.findings.size());
    for (auto& f : r.findings) msg += "\n  " + formatFinding("", f).substr(std::string("error: ").size());
    msg += "\n  (a pseudonym that is also someone's real name, or text copied from an unpublished event, "
           "is the usual cause: `genochron check` shows where)";
    throw GenochronError(msg, path);
}

}  // namespace genochron
