// (import gedcom is cmd_import_gedcom.cpp.)
// genochron import chronology FILE.csv|.xlsx|.xlsm|.docx --agency ID --into CASE [--map ...]
// [--sheet S] [--skip-hidden] [--dry-run]: merge an agency's chronology into the case, all rows
// or none, saying how each column was read.
#include "cli/cmd_import_gedcom.hpp"
#include "cli/command.hpp"
#include "core/io/atomic_file.hpp"
#include "core/import/chronology_csv.hpp"

#include <fmt/format.h>
#include <iostream>

namespace genochron::cli {

namespace {

struct ImportArgs {
    std::string csv, into, agency, sheet;
    std::vector<std::string> maps;
    bool dryRun = false, skipHidden = false, forgetMap = false;
};

std::string idSpan(const std::vector<Event>& added) {
    if (added.empty()) return "";
    if (added.size() == 1) return fmt::format(" ({})", added.front().id);
    return fmt::format(" ({} to {})", added.front().id, added.back().id);
}

int countCommentLines(const std::string& text) {
    int n = 0;
    bool lineStart = true, seenText = false;
    for (char ch : text) {
        if (lineStart && !seenText && ch == '#') ++n, seenText = true;
        if (ch == '\n') lineStart = true, seenText = false;
        else if (ch != ' ' && ch != '\t') seenText = true;
    }
    return n;
}

int run(const ImportArgs& a) {
    ChronologyImportOptions opt;
    opt.agency = a.agency;
    opt.sheet = a.sheet;
    opt.skipHidden = a.skipHidden;
    opt.useRememberedMap = !a.forgetMap;
    for (auto& m : a.maps) {
        auto pairs = parseColumnMap(m);
        opt.map.insert(opt.map.end(), pairs.begin(), pairs.end());
    }
    std::string bytes = readFile(a.csv, std::size_t(256) << 20);
    std::string caseText = readFile(a.into);
    auto c = loadForCommand(a.into);
    if (!c) return kExitInvalid;

    ImportPlan plan = planChronologyImport(*c, bytes, a.csv, opt);
    std::cout << fmt::format("{}: {}{}{}\n", a.csv, toString(plan.format), plan.source.empty() ? "" : ", " + plan.source,
                             plan.headerRow ? fmt::format(", header on {} {}", plan.format == TableFormat::Csv ? "line" : "row",
                                                          plan.headerRow)
                                            : "");
    for (auto& n : plan.notes) std::cerr << a.csv << ": note: " << n << "\n";
    if (!plan.mapping.empty()) {
        // The mapping found, so a chair can see how each column was read and correct it with --map.
        std::cout << "columns:\n";
        for (auto& m : plan.mapping) {
            if (m.header.empty() && m.field.empty()) continue;
            std::string how = m.how == "--map" ? " (--map)" : m.how == "remembered" ? " (remembered for " + a.agency + ")" : "";
            std::cout << fmt::format("  '{}' -> {}{}\n", m.header,
                                     m.field.empty() ? "(not imported)" : m.field == "extras" ? "extras (kept, no field)" : m.field,
                                     how);
        }
    }
    plan.diagnostics.sort();
    int errors = 0;
    for (auto& d : plan.diagnostics.items()) {
        std::cerr << formatDiagnostic(d) << "\n";
        if (d.severity == Severity::Error) ++errors;
    }
    if (!plan.ok()) {
        std::cerr << fmt::format("{}: {} error{}; nothing was imported and {} is unchanged\n", a.csv, errors,
                                 errors == 1 ? "" : "s", a.into);
        return kExitInvalid;
    }
    std::cout << fmt::format("{}: {} row{} read: {} new event{}{}, {} row{} already in the case\n", a.csv,
                             plan.rowsRead, plan.rowsRead == 1 ? "" : "s", plan.added.size(),
                             plan.added.size() == 1 ? "" : "s", idSpan(plan.added), plan.duplicates,
                             plan.duplicates == 1 ? "" : "s");
    if (a.dryRun) {
        std::cout << "dry run: nothing was written\n";
        return kExitOk;
    }
    if (plan.added.empty() && !plan.mapChanged) {
        std::cout << "nothing new to add; " << a.into << " is unchanged\n";
        return kExitOk;
    }
    if (plan.mapChanged)
        std::cout << fmt::format("the column map for {} is remembered in the case (agencies: import_map) for the next "
                                 "import\n",
                                 plan.mapAgency);
    applyImportPlan(*c, plan);
    saveCaseFile(*c, a.into);
    int comments = countCommentLines(caseText);
    std::cerr << a.into << ": note: the case file was rewritten in canonical form"
              << (comments ? fmt::format("; its {} comment line{} were not kept", comments, comments == 1 ? "" : "s")
                           : std::string())
              << "\n";
    std::cout << "saved " << a.into << "\n";
    return kExitOk;
}

Register reg("import", "Merge data into a case: an agency's chronology (CSV, Excel, Word) or a family tree (GEDCOM)",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<ImportArgs>();
                 app.require_subcommand(1);
                 auto* chron = app.add_subcommand(
                     "chronology", "Merge an agency chronology (CSV, Excel .xlsx/.xlsm or a table in a Word .docx; "
                                   "columns such as Date, Source of Information, Event, Action Taken, Comment). All "
                                   "rows or none; re-importing adds nothing twice.");
                 chron->add_option("FILE", a->csv, "The agency's chronology: CSV, Excel workbook or Word document "
                                                   "(recognised by content, whatever its name)")->required();
                 chron->add_option("--into", a->into, "Case file (.yaml) to merge into; saved in place")->required();
                 chron->add_option("--agency", a->agency,
                                   "The agency whose chronology this is (an agency id in the case)");
                 chron->add_option("--map", a->maps,
                                   "Column meanings the importer does not guess: 'Header=field,...' (fields: " +
                                       [] {
                                           std::string s;
                                           for (auto f : importFields()) s += (s.empty() ? "" : ", ") + std::string(f);
                                           return s;
                                       }() + ")");
                 chron->add_option("--sheet", a->sheet,
                                   "Which sheet of a workbook (name or number), or which table of a Word document "
                                   "(number); by default the one that looks like a chronology");
                 chron->add_flag("--skip-hidden", a->skipHidden,
                                 "Leave out rows and columns hidden in Excel (by default they are imported, and listed)");
                 chron->add_flag("--forget-map", a->forgetMap,
                                 "Do not apply the column map remembered for this agency (agencies: import_map)");
                 chron->add_flag("--dry-run", a->dryRun, "Check the sheet and report what would be added; write nothing");
                 auto gedcom = addImportGedcom(app);
                 return [a, chron, gedcom] { return chron->parsed() ? run(*a) : gedcom(); };
             });

}  // namespace

}  // namespace genochron::cli
