// CSV import into a case: any bytes as an agency's spreadsheet. The plan is all or nothing;
// a plan with no errors is applied, and the case with the imported events must save and
// load again as the same case (imported text is the text most likely to hold what YAML
// cannot write raw). Only GenochronError (unreadable bytes) may be thrown.
#include "core/import/chronology_csv.hpp"
#include "core/io/case_io.hpp"
#include "core/model/diagnostics.hpp"
#include "fuzz_support.hpp"

#include <cstdint>
#include <string>

using namespace genochron;

namespace {

const char* kBase = R"(format: genochron/1
case:
  title: "Domestic Homicide Review: Amy"
  kind: DHR
  reference_date: 2021-02-11
  scope: {from: 2016-01, to: 2021-02-11}
agencies:
  - {id: police, name: "Fernley Police", kind: police}
  - {id: gp, name: "Brookside Surgery", kind: health}
people:
  - {id: jo, name: "Joanna Fenwick", pseudonym: "Amy", aliases: [Jojo], sex: female, born: 1991-02-03, roles: [victim], index: true}
  - {id: dale, name: "Dale Fenwick", pseudonym: "Ben", sex: male, born: 1989, roles: [perpetrator]}
events:
  - {id: e001, date: 2017-08-14, agency: gp, people: [jo], what: "Jo attended with a sprained wrist."}
)";

const Case& baseCase() {
    static const Case c = [] {
        auto r = loadCaseString(kBase, "base.yaml");
        FUZZ_CHECK(r.ok(), "the harness's base case does not load");
        return *r.model;
    }();
    return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    ChronologyImportOptions opt;
    opt.agency = "police";
    ImportPlan plan;
    try {
        plan = planChronologyImport(baseCase(), bytes, "fuzz.csv", opt);
    } catch (const GenochronError&) {
        return 0;   // unreadable bytes: a clear error, nothing imported
    }
    if (!plan.ok() || plan.added.empty()) return 0;
    Case c = baseCase();
    applyImportPlan(c, plan);
    std::string saved;
    try {
        saved = saveCaseToString(c);
    } catch (const std::exception& e) {
        FUZZ_CHECK(false, "an imported case could not be saved: %s", e.what());
    }
    LoadResult back = loadCaseString(saved, "saved.yaml");
    FUZZ_CHECK(back.model, "the case saved after the import does not load\n--- saved:\n%s", saved.c_str());
    auto diff = caseDifference(c, *back.model);
    FUZZ_CHECK(!diff, "the imported case reads back differently in %s\n--- saved:\n%s", diff ? diff->c_str() : "",
               saved.c_str());
    return 0;
}
