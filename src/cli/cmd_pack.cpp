// genochron pack CASE -o OUT.pdf [--anonymise]: the report pack as one PDF.
#include "cli/command.hpp"
#include "core/io/atomic_file.hpp"
#include "core/publish/audit.hpp"
#include "core/publish/audit_scene.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/model/diagnostics.hpp"
#include "core/publish/report_pack.hpp"

#include <fmt/format.h>
#include <iostream>

namespace genochron::cli {

namespace {

constexpr std::size_t kPanelLimitBytes = 20u << 20;   // the QA Panel asks for a PDF under 20 MB

struct PackArgs {
    std::string path, out, theme = "colour";
    bool anonymise = false, portrait = false, quiet = false;
};

int run(const PackArgs& a) {
    if (formatForPath(a.out) != FileFormat::Pdf) throw GenochronError("the report pack is a PDF: name it .pdf", a.out);
    auto c = loadForCommand(a.path);
    if (!c) return kExitInvalid;
    PackOptions po;
    po.theme = a.theme == "print" ? Theme::Print : Theme::Colour;
    po.landscape = !a.portrait;
    po.progress = [&](const std::string& s, int i, int n) {
        if (!a.quiet) std::cerr << fmt::format("[{}/{}] {}\n", i, n, s);
    };
    Pack pack;
    std::optional<AnonymisedCase> anon;
    if (a.anonymise) {
        anon.emplace(anonymise(*c));
        pack = buildReportPack(*anon, po);
    } else {
        pack = buildReportPack(ViewCase::named(*c), po);
    }
    PaintOptions paint;
    paint.page.size = PageSpec::Size::Fit;   // every pack page is already an A4 page
    std::string bytes = paintToBytes(pack.document, FileFormat::Pdf, paint);
    if (bytes.size() > kPanelLimitBytes)
        std::cerr << fmt::format("{}: warning: the pack is {:.1f} MB; the QA Panel asks for under 20 MB\n", a.out,
                                 double(bytes.size()) / 1e6);
    if (pack.document.anonymised) {   // the document says what it is; not the flag that asked for it
        refuseIfDrawn(pack.document, *c, a.out);   // what every page draws, then the PDF itself
        writeAuditedAtomic(a.out, bytes, *c);   // refuses to keep a file that names anyone
    } else {
        writeFileAtomic(a.out, bytes);
    }
    int problems = 0;
    for (auto& s : pack.sections)
        if (!s.problem.empty()) {
            ++problems;
            std::cerr << a.out << ": warning: " << s.title << " could not be drawn: " << s.problem << "\n";
        }
    std::cerr << fmt::format("wrote {} ({} pages, {:.2f} MB{})\n", a.out, pack.document.pages.size(),
                             double(bytes.size()) / 1e6, pack.document.anonymised ? ", audited: no sensitive strings found" : "");
    return problems ? kExitFindings : kExitOk;
}

Register reg("pack", "The report pack as one PDF: cover, genogram, timeline, chronology, action plan",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<PackArgs>();
                 app.add_option("CASE", a->path, "Case file (.yaml)")->required();
                 app.add_option("-o,--output", a->out, "Output PDF")->required();
                 app.add_flag("--anonymise,--anonymize", a->anonymise,
                              "Publishable pack; audited before it is kept");
                 app.add_option("--theme", a->theme, "colour | print")->check(CLI::IsMember({"colour", "color", "print"}));
                 app.add_flag("--portrait", a->portrait, "A4 portrait pages (default landscape)");
                 app.add_flag("-q,--quiet", a->quiet, "No progress lines");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
