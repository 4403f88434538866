// Generates a large fictional review for the report-pack benchmark: families over five
// generations (parents, partnerships), a chronology across agencies with family accounts,
// missed opportunities, panel analysis, and an action plan with dated updates. Deterministic.
#pragma once
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

namespace genochron::bench {

inline std::string generatePackCase(int people, int events, int recommendations = 40, unsigned seed = 7) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return int(rng() % unsigned(n)); };
    static const char* kinds[] = {"police", "health", "mental_health", "substance_misuse", "ambulance",
                                  "childrens_social_care", "adult_social_care", "education", "housing",
                                  "probation", "idva", "marac"};
    static const char* tags[] = {"incident", "referral", "ccb_isolation", "physical_abuse", "missed_appointment",
                                 "disclosure", "risk_assessment", "information_not_shared", "strangulation"};
    static const char* sources[] = {"agency_record", "agency_record", "agency_record", "family", "friend"};
    static const char* verbs[] = {"attended", "called", "reported", "visited", "assessed", "referred", "noted", "phoned"};
    static const char* statuses[] = {"not_started", "in_progress", "in_progress", "complete", "dropped"};
    const int agencies = 14;
    std::string s = "format: genochron/1\ncase:\n  title: \"Domestic Homicide Review: Benchmark\"\n  kind: DHR\n"
                    "  partnership: \"Generated Community Safety Partnership\"\n"
                    "  reference_date: 2021-06-14\n  scope: {from: 2013-01, to: 2021-06-14}\n"
                    "publication: {marking: \"OFFICIAL-SENSITIVE\"}\n";
    s += "agencies:\n";
    for (int a = 0; a < agencies; ++a)
        s += fmt::format("  - {{id: ag{}, name: \"Generated Agency {}\", kind: {}}}\n", a, a + 1, kinds[a % 12]);

    // Families: founding couples, two to four children each, most of whom partner someone new.
    struct P {
        int gen, born;
        bool male;
        std::vector<int> parents;
    };
    std::vector<P> ps;
    std::vector<std::pair<int, int>> couples;
    while (int(ps.size()) < people) {
        int a = int(ps.size());
        ps.push_back({0, 1900 + pick(9), true, {}});
        ps.push_back({0, 1902 + pick(9), false, {}});
        couples.push_back({a, a + 1});
        for (std::size_t q = couples.size() - 1; q < couples.size() && int(ps.size()) < people; ++q) {
            auto [x, y] = couples[q];
            if (ps[std::size_t(x)].gen >= 4) continue;
            int kids = 2 + pick(3);
            for (int k = 0; k < kids && int(ps.size()) < people; ++k) {
                int child = int(ps.size());
                ps.push_back({ps[std::size_t(x)].gen + 1, ps[std::size_t(x)].born + 24 + 2 * k, pick(2) == 0, {x, y}});
                if (pick(4) == 0 || int(ps.size()) >= people) continue;
                int spouse = int(ps.size());
                ps.push_back({ps[std::size_t(child)].gen, ps[std::size_t(child)].born + pick(3), !ps[std::size_t(child)].male, {}});
                couples.push_back({child, spouse});
            }
        }
    }
    s += "people:\n";
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const P& p = ps[i];
        s += fmt::format("  - {{id: p{}, name: \"Firstname{} Family{}\", pseudonym: \"Adult {}\", sex: {}, born: {}",
                         i, i, i % 97, i, p.male ? "male" : "female", p.born);
        if (!p.parents.empty()) s += fmt::format(", parents: [p{}, p{}]", p.parents[0], p.parents[1]);
        if (i == ps.size() - 2) s += ", roles: [victim], index: true";
        if (i == ps.size() - 1) s += ", roles: [perpetrator]";
        s += "}\n";
    }
    s += "partnerships:\n";
    for (auto [a, b] : couples) s += fmt::format("  - {{partners: [p{}, p{}], status: married}}\n", a, b);

    s += "events:\n";
    std::uniform_int_distribution<long> day(0, 8 * 365);
    std::vector<std::string> mos;
    const int np = int(ps.size());
    for (int e = 0; e < events; ++e) {
        long d = day(rng);
        int y = 2013 + int(d / 365), m = 1 + int((d / 30) % 12), dd = 1 + int(d % 28);
        int a = pick(np), b = pick(np);
        std::string what = fmt::format("Adult {} {} the appointment and said that Adult {} had been controlling", a,
                                       verbs[e % 8], b);
        for (int k = pick(4); k > 0; --k)
            what += fmt::format("; the practitioner {} the disclosure and the history of contact since {}", verbs[(e + k) % 8],
                                2010 + k);
        what += ".";
        s += fmt::format("  - id: e{}\n    date: {:04}-{:02}-{:02}\n    agency: ag{}\n    source: {}\n"
                         "    source_ref: \"IMR {}.{}\"\n    people: [p{}, p{}]\n    what: \"{}\"\n"
                         "    action: \"Recorded; advice given; {} informed.\"\n    tags: [{}]\n",
                         e, y, m, dd, e % agencies, sources[e % 5], e % agencies + 1, e % 40, a, b, what,
                         e % 3 ? "the GP" : "children's social care", tags[e % 9]);
        if (e % 3 == 0) s += "    analysis: \"The panel notes that no risk assessment followed and information was not shared.\"\n";
        if (e % 97 == 0) {
            s += "    missed_opportunity: \"No referral made to children's social care; DASH not completed\"\n";
            mos.push_back(fmt::format("e{}", e));
        }
    }
    s += "recommendations:\n";
    for (int r = 1; r <= recommendations; ++r) {
        s += fmt::format("  - id: R{}\n    text: \"Agencies to review how domestic abuse disclosures are recorded and shared "
                         "(recommendation {}).\"\n    scope: {}\n    addresses: [",
                         r, r, r % 5 == 0 ? "national" : "local");
        for (std::size_t k = std::size_t(r - 1); k < mos.size(); k += std::size_t(recommendations))
            s += (k >= std::size_t(recommendations) ? ", " : "") + mos[k];
        s += "]\n    actions:\n";
        for (int a = 1; a <= 3; ++a) {
            const char* st = statuses[(r + a) % 5];
            s += fmt::format("      - id: R{}.{}\n        text: \"Audit the recording of disclosures and report to the "
                             "partnership board ({}).\"\n        lead: ag{}\n        owner: \"Head of Safeguarding\"\n"
                             "        target: {}-{:02}-28\n        status: {}\n",
                             r, a, a, (r + a) % agencies, 2023 + (r + a) % 3, 1 + (r * a) % 12, st);
            if (std::string(st) == "complete") s += fmt::format("        completed: {}-{:02}-15\n", 2023 + a % 2, 1 + r % 12);
            s += "        updates:\n";
            for (int u = 0; u < 3; ++u)
                s += fmt::format("          - {{date: {}-{:02}-01, text: \"Progress reported to the board: step {} done.\"}}\n",
                                 2022 + u, 1 + (r + u) % 12, u + 1);
        }
    }
    return s;
}

}  // namespace genochron::bench
