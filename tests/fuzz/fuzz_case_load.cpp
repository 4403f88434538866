// The case loader, and the promise that every case file genochron writes loads again:
// bytes -> load; whatever loads (errors and all, as the app opens it for repair) is saved,
// and the saved text must load to the same model and save to the same text again.
// Loading itself must never crash, hang or throw.
#include "core/io/case_io.hpp"
#include "fuzz_support.hpp"

#include <cstdint>
#include <string>

using namespace genochron;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);   // as loadCaseFile does
    LoadResult first = loadCaseString(text, "fuzz.yaml");
    if (!first.model) return 0;
    std::string saved;
    try {
        saved = saveCaseToString(*first.model);
    } catch (const std::exception& e) {
        FUZZ_CHECK(false, "a case that loaded could not be saved: %s", e.what());
    }
    LoadResult again = loadCaseString(saved, "saved.yaml");
    if (!again.model) {
        std::string why;
        for (auto& d : again.diagnostics.items())
            if (d.severity == Severity::Error) { why = formatDiagnostic(d); break; }
        FUZZ_CHECK(false, "the saved case does not load: %s\n--- saved:\n%s", why.c_str(), saved.c_str());
    }
    auto diff = caseDifference(*first.model, *again.model);
    FUZZ_CHECK(!diff, "the saved case reads back differently in %s\n--- saved:\n%s", diff ? diff->c_str() : "",
               saved.c_str());
    std::string twice = saveCaseToString(*again.model);
    FUZZ_CHECK(twice == saved, "saving the reloaded case gives different text\n--- first:\n%s\n--- second:\n%s",
               saved.c_str(), twice.c_str());
    return 0;
}
