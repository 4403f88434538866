#include "core/publish/report_pack_write.hpp"

#include "core/io/atomic_file.hpp"
#include "core/model/diagnostics.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/publish/audit.hpp"
#include "core/publish/audit_scene.hpp"
#include "core/publish/report_pack_pdf.hpp"

#include <fmt/format.h>
#include <optional>

namespace genochron {

std::string renderReportPack(const Case& realCase, const PackWriteOptions& opt, PackReport& report,
                             const std::string& displayName) {
    PackOptions po = opt.pack;
    for (auto& a : po.annexes) readAnnex(a);   // before anything is built: a bad annex stops it here
    Pack pack;
    std::optional<AnonymisedCase> anon;
    if (opt.anonymise) {
        anon.emplace(anonymise(realCase));
        pack = buildReportPack(*anon, po);
    } else {
        pack = buildReportPack(ViewCase::named(realCase), po);
    }
    // Audited by what the document is, not by the flag that asked for it (as exportFigure).
    report.anonymised = pack.document.anonymised;
    if (report.anonymised) refuseIfDrawn(pack.document, realCase, displayName);   // what every page draws, before painting
    PaintOptions paint;
    paint.page.size = PageSpec::Size::Fit;   // every pack page is already a page of paper
    paint.tags = &pack.tags;
    std::string bytes = finishPackPdf(paintToBytes(pack.document, FileFormat::Pdf, paint), pack, po.annexes);
    report.pages = int(pack.document.pages.size());
    report.bytes = bytes.size();
    report.sections = pack.sections;
    for (auto& s : pack.sections)
        if (!s.problem.empty()) report.warnings.push_back(fmt::format("{} could not be drawn: {}", s.title, s.problem));
    if (bytes.size() > opt.limitBytes) {
        std::string msg = fmt::format("the pack is {:.1f} MB; the Home Office asks for a PDF under {:.0f} MB",
                                      double(bytes.size()) / 1e6, double(opt.limitBytes) / (1 << 20));
        if (opt.strict) throw GenochronError(msg + " (--strict: nothing was written)", displayName);
        report.warnings.push_back(msg);
    }
    return bytes;
}

PackReport writeReportPack(const Case& realCase, const PackWriteOptions& opt, const std::string& path) {
    PackReport report;
    std::string bytes = renderReportPack(realCase, opt, report, path);
    if (report.anonymised) writeAuditedAtomic(path, bytes, realCase);   // refuses to keep a file that names anyone
    else writeFileAtomic(path, bytes);
    return report;
}

}  // namespace genochron
