// genochron pack CASE -o OUT.pdf [--anonymise] [--annex FILE.pdf ...] [--as-of DATE] [--strict]: the report pack as one PDF.
#include "cli/command.hpp"
#include "cli/day_arg.hpp"
#include "core/model/diagnostics.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/publish/report_pack_write.hpp"

#include <fmt/format.h>
#include <iostream>

namespace genochron::cli {

namespace {

struct PackArgs {
    std::string path, out, theme = "colour", asOf;
    std::vector<std::string> annexes, annexTitles;
    bool anonymise = false, portrait = false, quiet = false, strict = false;
};

int run(const PackArgs& a) {
    if (formatForPath(a.out) != FileFormat::Pdf) throw GenochronError("the report pack is a PDF: name it .pdf", a.out);
    if (a.annexTitles.size() > a.annexes.size())
        throw GenochronError("--annex-title: more titles than --annex files (give them in the same order)");
    PackWriteOptions o;
    o.pack.todayDays = dayArg(a.asOf, "--as-of");
    auto c = loadForCommand(a.path);
    if (!c) return kExitInvalid;
    o.anonymise = a.anonymise;
    o.strict = a.strict;
    o.pack.theme = a.theme == "print" ? Theme::Print : Theme::Colour;
    o.pack.landscape = !a.portrait;
    for (std::size_t i = 0; i < a.annexes.size(); ++i)
        o.pack.annexes.push_back({a.annexes[i], i < a.annexTitles.size() ? a.annexTitles[i] : "", {}});
    o.pack.progress = [&](const std::string& s, int i, int n) {
        if (!a.quiet) std::cerr << fmt::format("[{}/{}] {}\n", i, n, s);
    };
    PackReport r = writeReportPack(*c, o, a.out);
    for (auto& w : r.warnings) std::cerr << a.out << ": warning: " << w << "\n";
    std::cerr << fmt::format("wrote {} ({} pages, {:.2f} MB{})\n", a.out, r.pages, double(r.bytes) / 1e6,
                             r.anonymised ? ", audited: no sensitive strings found" : "");
    return r.warnings.empty() ? kExitOk : kExitFindings;
}

Register reg("pack", "The report pack as one PDF: cover, genogram, timeline, chronology, action plan, annexes",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<PackArgs>();
                 app.add_option("CASE", a->path, "Case file (.yaml)")->required();
                 app.add_option("-o,--output", a->out, "Output PDF")->required();
                 app.add_flag("--anonymise,--anonymize", a->anonymise,
                              "Publishable pack; audited before it is kept");
                 app.add_option("--annex", a->annexes,
                                "A PDF to append as an annex (repeatable, in order): the QA Panel's letter, ...")
                     ->check(CLI::ExistingFile);
                 app.add_option("--annex-title", a->annexTitles,
                                "The title of each --annex in the contents (repeatable, same order; default: the PDF's own title)");
                 app.add_option("--as-of", a->asOf, "Give the action plan's position on this day (YYYY-MM-DD), not today");
                 app.add_option("--theme", a->theme, "colour | print")->check(CLI::IsMember({"colour", "color", "print"}));
                 app.add_flag("--portrait", a->portrait, "A4 portrait pages (default landscape)");
                 app.add_flag("--strict", a->strict, "Refuse a pack over 20 MB instead of warning");
                 app.add_flag("-q,--quiet", a->quiet, "No progress lines");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
