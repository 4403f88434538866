// genochron export chronology CASE -o OUT.csv [--anonymise]: the combined chronology as CSV.
#include "cli/command.hpp"
#include "core/publish/audit.hpp"
#include "core/import/chronology_csv.hpp"
#include "core/publish/chronology_export.hpp"

#include <algorithm>
#include <iostream>

namespace genochron::cli {

namespace {

struct ExportArgs {
    std::string path, out;
    bool anonymise = false;
};

int run(const ExportArgs& a) {
    std::string ext = a.out.size() >= 4 ? a.out.substr(a.out.size() - 4) : "";
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    if (ext != ".csv") throw GenochronError("the output must be a .csv file", a.out);
    auto c = loadForCommand(a.path);
    if (!c) return kExitInvalid;
    std::size_t n = 0;
    if (a.anonymise) {
        AnonymisedCase anon = anonymise(*c);
        n = anon.data().events.size();
        // Audited against the real case before anything is written (audit.hpp): refused, never kept.
        writeAuditedAtomic(a.out, chronologyToCsv(anon), *c);
    } else {
        n = c->events.size();
        writeChronologyCsv(ViewCase::named(*c), a.out);
    }
    std::cerr << "wrote " << a.out << " (" << n << " event" << (n == 1 ? "" : "s")
              << (a.anonymise ? ", anonymised" : ", real names: not for publication") << ")\n";
    return kExitOk;
}

Register reg("export", "Write case data for other tools: the combined chronology as CSV",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<ExportArgs>();
                 app.require_subcommand(1);
                 auto* chron = app.add_subcommand("chronology", "The combined chronology as CSV (UTF-8, RFC 4180), in date order");
                 chron->add_option("CASE", a->path, "Case file (.yaml)")->required();
                 chron->add_option("-o,--output", a->out, "Output .csv file")->required();
                 chron->add_flag("--anonymise,--anonymize", a->anonymise,
                                 "Publishable: pseudonyms, coarsened dates, unpublished events left out");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
