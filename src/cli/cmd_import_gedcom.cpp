// genochron import gedcom FILE.ged --into CASE [--dry-run]: a family tree from genealogy
// software into the case's people and partnerships. Creates the case when it does not exist;
// into an existing one, matches people by their gedcom_id and says what it adds or changes.
#include "cli/cmd_import_gedcom.hpp"

#include "cli/command.hpp"
#include "core/import/gedcom.hpp"
#include "core/io/atomic_file.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <iostream>

namespace genochron::cli {

namespace {

struct GedcomArgs {
    std::string file, into;
    bool dryRun = false, verbose = false;
};

std::string idList(const std::vector<std::string>& ids) {
    if (ids.empty()) return "";
    if (ids.size() <= 6) {
        std::string s;
        for (auto& i : ids) s += (s.empty() ? "" : ", ") + i;
        return " (" + s + ")";
    }
    return fmt::format(" ({}, {}, ... {})", ids[0], ids[1], ids.back());
}

int run(const GedcomArgs& a) {
    namespace fs = std::filesystem;
    std::string bytes = readFile(a.file, std::size_t(512) << 20);
    const bool creating = !fs::exists(a.into);
    Case c;
    if (creating) {
        c = newGedcomCase();
    } else {
        auto loaded = loadForCommand(a.into);
        if (!loaded) return kExitInvalid;
        c = std::move(*loaded);
    }
    GedcomImportOptions opt;
    opt.displayName = a.file;
    GedcomPlan plan = planGedcomImport(c, bytes, opt);
    std::cout << fmt::format("{}: GEDCOM {}{}; {} {}, {} famil{}\n", a.file, plan.version.empty() ? "(no version)" : plan.version,
                             plan.encoding.empty() ? "" : ", " + plan.encoding, plan.individuals,
                             plan.individuals == 1 ? "person" : "people", plan.families, plan.families == 1 ? "y" : "ies");
    const std::size_t shown = a.verbose ? std::size_t(-1) : 20;
    auto list = [&](const std::vector<std::string>& items, std::ostream& os, const std::string& prefix) {
        for (std::size_t i = 0; i < items.size() && i < shown; ++i) os << prefix << items[i] << "\n";
        if (items.size() > shown) os << prefix << fmt::format("... {} more (--verbose lists them all)\n", items.size() - shown);
    };
    if (!plan.reconciled.empty()) {
        std::cout << fmt::format("reconciled {} link{} where FAMC/FAMS and HUSB/WIFE/CHIL disagree:\n", plan.reconciled.size(),
                                 plan.reconciled.size() == 1 ? "" : "s");
        list(plan.reconciled, std::cout, "  ");
    }
    list(plan.notes, std::cerr, a.file + ": note: ");
    plan.diagnostics.sort();
    int errors = 0;
    for (auto& d : plan.diagnostics.items()) {
        std::cerr << formatDiagnostic(d) << "\n";
        if (d.severity == Severity::Error) ++errors;
    }
    if (!plan.ok()) {
        std::cerr << fmt::format("{}: {} error{}; nothing was imported and {} {}\n", a.file, errors, errors == 1 ? "" : "s",
                                 a.into, creating ? "was not created" : "is unchanged");
        return kExitInvalid;
    }
    std::vector<std::string> addedPeople, addedPartnerships;
    int changedPeople = 0, changedPartnerships = 0;
    for (auto& ch : plan.changes) {
        switch (ch.kind) {
        case GedcomChange::Kind::AddPerson: addedPeople.push_back(ch.id); break;
        case GedcomChange::Kind::AddPartnership: addedPartnerships.push_back(ch.id); break;
        case GedcomChange::Kind::ChangePerson: ++changedPeople; break;
        case GedcomChange::Kind::ChangePartnership: ++changedPartnerships; break;
        }
    }
    std::cout << fmt::format("{} {}: {} new {}{}, {} new partnership{}; {} {} and {} partnership{} changed\n",
                             creating ? "new case" : "into", a.into, addedPeople.size(),
                             addedPeople.size() == 1 ? "person" : "people", idList(addedPeople), addedPartnerships.size(),
                             addedPartnerships.size() == 1 ? "" : "s", changedPeople, changedPeople == 1 ? "person" : "people",
                             changedPartnerships, changedPartnerships == 1 ? "" : "s");
    std::vector<std::string> changes;
    for (auto& ch : plan.changes) {
        if (ch.what.empty()) continue;
        std::string w;
        for (auto& x : ch.what) w += (w.empty() ? "" : "; ") + x;
        changes.push_back(fmt::format("{} ({}): {}", ch.id, ch.gedcomId, w));
    }
    list(changes, std::cout, "  change ");
    if (!addedPeople.empty())
        std::cout << "the people added carry their real names and no pseudonym: give each one (pseudonym:) before "
                     "anything is published\n";
    if (a.dryRun) {
        std::cout << "dry run: nothing was written\n";
        return kExitOk;
    }
    if (!plan.changed() && !creating) {
        std::cout << "nothing new to add; " << a.into << " is unchanged\n";
        return kExitOk;
    }
    saveCaseFile(plan.result, a.into);
    if (!creating) std::cerr << a.into << ": note: the case file was rewritten in canonical form (comments are not kept)\n";
    std::cout << "saved " << a.into << "\n";
    return kExitOk;
}

}  // namespace

std::function<int()> addImportGedcom(CLI::App& import) {
    auto a = std::make_shared<GedcomArgs>();
    auto* g = import.add_subcommand(
        "gedcom", "Read a family tree exported from genealogy software (GEDCOM 5.5.1 or 7.0) into the case's people and "
                  "partnerships; creates the case if it does not exist. People are matched by their GEDCOM id on a "
                  "re-import.");
    g->add_option("FILE", a->file, "The GEDCOM file (.ged): UTF-8, UTF-16, ANSEL or Windows-1252")->required();
    g->add_option("--into", a->into, "Case file (.yaml) to merge into, or to create; saved in place")->required();
    g->add_flag("--dry-run", a->dryRun, "Report what would be added or changed; write nothing");
    g->add_flag("--verbose", a->verbose, "List every note and change (by default the first 20 of each)");
    return [a, g]() -> int { return g->parsed() ? run(*a) : -1; };
}

}  // namespace genochron::cli
