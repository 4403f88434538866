// genochron import chronology FILE.csv --agency ID --into CASE [--map ...] [--dry-run]:
// merge an agency's chronology spreadsheet into the case, all rows or none.
#include "cli/command.hpp"
#include "core/io/atomic_file.hpp"
#include "core/import/chronology_csv.hpp"

#include <fmt/format.h>
#include <iostream>

namespace genochron::cli {

namespace {

struct ImportArgs {
    std::string csv, into, agency;
    std::vector<std::string> maps;
    bool dryRun = false;
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
    for (auto& m : a.maps) {
        auto pairs = parseColumnMap(m);
        opt.map.insert(opt.map.end(), pairs.begin(), pairs.end());
    }
    std::string bytes = readFile(a.csv, std::size_t(256) << 20);
    std::string caseText = readFile(a.into);
    auto c = loadForCommand(a.into);
    if (!c) return kExitInvalid;

    ImportPlan plan = planChronologyImport(*c, bytes, a.csv, opt);
    for (auto& n : plan.notes) std::cerr << a.csv << ": note: " << n << "\n";
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
        std::cout << "columns:\n";
        for (auto& [header, field] : plan.columns)
            std::cout << fmt::format("  '{}' -> {}\n", header, field.empty() ? "(not imported)" : field);
        std::cout << "dry run: nothing was written\n";
        return kExitOk;
    }
    if (plan.added.empty()) {
        std::cout << "nothing new to add; " << a.into << " is unchanged\n";
        return kExitOk;
    }
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

Register reg("import", "Merge data into a case: an agency's chronology spreadsheet (CSV)",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<ImportArgs>();
                 app.require_subcommand(1);
                 auto* chron = app.add_subcommand(
                     "chronology", "Merge an agency chronology (CSV: Date, Source of Information, Event, Action "
                                   "Taken, Comment, ...). All rows or none; re-importing adds nothing twice.");
                 chron->add_option("FILE", a->csv, "The agency's chronology as CSV")->required();
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
                 chron->add_flag("--dry-run", a->dryRun, "Check the sheet and report what would be added; write nothing");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
