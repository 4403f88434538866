// Mutated case files: whatever the bytes, loading never throws, and a case that loads runs
// through the checks, anonymisation and every view with at most a clean GenochronError.
// A deterministic mutation run (same seed, same mutants); a crash fails the whole suite.
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/check/check.hpp"
#include "core/model/diagnostics.hpp"
#include "core/anonymise/view_case.hpp"
#include "core/figures/views.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>

using namespace genochron;

namespace {

std::string mutate(std::string s, std::mt19937& rng) {
    static const char* kInserts[] = {":", "-", "{", "[", "&a ", "*a", "\n  ", "\"", "'", "? ", "!!str ", "|", ">",
                                     "\t", "~", "..", "<", "2019-02-30", "\xff", "\xc3", "\n- ", "null", "}", "]"};
    auto pick = [&](std::size_t n) { return std::size_t(rng() % std::max<std::size_t>(1, n)); };
    const int edits = 1 + int(rng() % 3);
    for (int k = 0; k < edits && !s.empty(); ++k) {
        const std::size_t p = pick(s.size());
        switch (rng() % 4) {
        case 0: s[p] = char(rng() % 256); break;
        case 1: s.erase(p, 1 + pick(200)); break;
        case 2: s.insert(p, kInserts[pick(std::size(kInserts))]); break;
        default: {
            const std::size_t q = pick(s.size());
            s.insert(p, s.substr(q, 1 + pick(300)));
        }
        }
    }
    return s;
}

}  // namespace

TEST_CASE("mutated case files never crash the loader, the checks, anonymisation or the views", "[robustness]") {
    const std::string original = readFile(genochron::test::sample("ashford-dhr.yaml"));
    std::mt19937 rng(20261127);
    int loaded = 0, drawn = 0;
    for (int i = 0; i < 400; ++i) {
        const std::string text = mutate(original, rng);
        INFO("mutant " << i);
        LoadResult r;
        REQUIRE_NOTHROW(r = loadCaseString(text, "mutant.yaml"));
        for (const auto& d : r.diagnostics.items())
            if (d.severity == Severity::Error) CHECK_FALSE(d.message.empty());
        if (!r.ok()) continue;
        ++loaded;
        try {
            Diagnostics d("mutant.yaml");
            CheckOptions co;
            co.todayDays = daysFromCivil(2024, 1, 1);
            co.sourceText = &r.source;
            runChecks(*r.model, co, d);
            AnonymisedCase anon = anonymise(*r.model);
            if (loaded % 4 == 1) {   // the views cost more: every fourth loaded mutant
                for (auto kind : {ViewKind::Genogram, ViewKind::Timeline, ViewKind::Chronology, ViewKind::Actions, ViewKind::Knowledge}) {
                    Document doc = buildView(anon, kind, ViewOptions{});
                    CHECK_FALSE(doc.pages.empty());
                }
                ++drawn;
            }
        } catch (const GenochronError&) {
            // A clean, explained refusal is allowed; anything else escapes and fails the test.
        }
    }
    INFO(loaded << " mutants loaded, " << drawn << " drawn");
    CHECK(loaded > 40);   // the mutations leave many files valid, so the later stages are exercised
}
