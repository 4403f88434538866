// genochron themes CASE... -o OUT.csv|.pdf: themes across a library of reviews, counted
// from each case's anonymised view only, and audited against every real case before
// anything is written, so the output can be shared.
#include "cli/command.hpp"
#include "core/io/atomic_file.hpp"
#include "core/model/diagnostics.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/publish/audit.hpp"
#include "core/publish/audit_scene.hpp"
#include "core/publish/themes.hpp"
#include "core/figures/views.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>

namespace genochron::cli {

namespace {

struct ThemesArgs {
    std::vector<std::string> cases;
    std::string out, theme = "colour", today;
};

int run(const ThemesArgs& a) {
    std::string ext = a.out.size() >= 4 ? a.out.substr(a.out.size() - 4) : "";
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    if (ext != ".csv" && ext != ".pdf") throw GenochronError("the output must be a .csv or .pdf file", a.out);
    long today = todayDays();
    if (!a.today.empty()) {
        auto r = parseDate(a.today);
        if (!r.date || !r.date->exactDay()) throw GenochronError("--today: give a day, e.g. 2025-01-31");
        today = r.date->earliestDay();
    }
    // Every case first: one that cannot be read stops the run before any output.
    std::vector<Case> real;
    for (auto& path : a.cases) {
        auto c = loadForCommand(path);
        if (!c) {
            std::cerr << path << ": not counted: fix the errors above first; nothing written\n";
            return kExitInvalid;
        }
        real.push_back(std::move(*c));
    }
    std::vector<themes::CaseThemes> rows;
    for (std::size_t i = 0; i < real.size(); ++i) {
        AnonymisedCase anon = anonymise(real[i]);   // nothing below sees the real case
        rows.push_back(themes::caseThemes(anon, today, fmt::format("Case {}", i + 1)));
    }
    const themes::ThemesTable table = themes::makeTable(std::move(rows));
    std::string bytes;
    std::optional<Document> doc;
    if (ext == ".csv") {
        bytes = themes::toCsv(table);
    } else {
        doc = themes::toDocument(table, a.theme == "print" ? Theme::Print : Theme::Colour);
        PaintOptions po;
        bytes = paintToBytes(*doc, FileFormat::Pdf, po);
    }
    // Audited against every case: a pseudonym in one review may be a real name in another.
    std::vector<std::string> found;
    for (std::size_t i = 0; i < real.size(); ++i) {
        Auditor auditor(real[i]);
        std::vector<AuditReport> reports;
        if (doc) reports.push_back(auditDocument(auditor, *doc, a.out));
        reports.push_back(auditor.audit(bytes, ext == ".csv" ? AuditFormat::Text : AuditFormat::Pdf, a.out));
        for (auto& r : reports)
            for (auto& f : r.findings) found.push_back(formatFinding(a.out, f) + " [case " + a.cases[i] + "]");
    }
    if (!found.empty()) {
        std::string msg = "refused: the themes output would carry something sensitive; nothing written";
        for (auto& f : found) msg += "\n  " + f;
        throw GenochronError(msg);
    }
    writeFileAtomic(a.out, bytes);
    // Which review is which stays here, with the chair: the output names none.
    for (std::size_t i = 0; i < a.cases.size(); ++i) std::cerr << "Case " << i + 1 << ": " << a.cases[i] << "\n";
    std::cerr << "wrote " << a.out << " (" << table.cases.size() << " review" << (table.cases.size() == 1 ? "" : "s")
              << " and totals; anonymised, audited against every case)\n";
    return kExitOk;
}

Register reg("themes", "Themes across many reviews: missed opportunities by agency kind and theme, information not shared, DASH not done, action plans (CSV or PDF)",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<ThemesArgs>();
                 app.add_option("CASE", a->cases, "Case files (.yaml), one or more")->required();
                 app.add_option("-o,--output", a->out, "Output file: .csv (one row per case, then totals) or .pdf (table and charts)")->required();
                 app.add_option("--theme", a->theme, "PDF: colour | print (greyscale)")
                     ->check(CLI::IsMember({"colour", "color", "print"}))->capture_default_str();
                 app.add_option("--today", a->today, "The day overdue actions are counted on (default: today)");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
