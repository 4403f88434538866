// GEDCOM import: any bytes as a family tree, into an empty case and into a case that already
// holds an imported tree. Only diagnostics may come out of bad bytes (never an exception or a
// crash); a plan with no errors must make a case that saves and loads again as the same case,
// and importing the same bytes again must change nothing.
#include "core/import/gedcom.hpp"
#include "core/io/case_io.hpp"
#include "fuzz_support.hpp"

#include <cstdint>
#include <string>

using namespace genochron;

namespace {

void roundTrip(const Case& c) {
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
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    GedcomImportOptions opt;
    opt.displayName = "fuzz.ged";
    GedcomPlan plan;
    try {
        plan = planGedcomImport(newGedcomCase(), bytes, opt);
    } catch (const std::exception& e) {
        FUZZ_CHECK(false, "import gedcom threw: %s", e.what());
    }
    for (auto& d : plan.diagnostics.items())
        FUZZ_CHECK(d.severity != Severity::Error || !d.message.empty(), "an error with no message");
    if (!plan.ok()) {
        FUZZ_CHECK(plan.changes.empty(), "a plan with errors still lists changes");
        return 0;
    }
    if (plan.result.people.empty()) return 0;
    roundTrip(plan.result);
    // The same tree again: matched by gedcom_id, nothing to add or change.
    GedcomPlan again = planGedcomImport(plan.result, bytes, opt);
    FUZZ_CHECK(again.ok(), "a tree that imported once fails the second time");
    FUZZ_CHECK(again.changes.empty(), "re-importing the same tree changes %zu things (first: %s)", again.changes.size(),
               again.changes.empty() ? "" : again.changes.front().id.c_str());
    return 0;
}
