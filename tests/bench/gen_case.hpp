// Generates large fictional cases for benchmarks (deterministic: a fixed seed).
#pragma once
#include <fmt/format.h>
#include <random>
#include <string>

namespace genochron::bench {

inline std::string generateCase(int events, int agencies = 12, int people = 40, unsigned seed = 42) {
    std::mt19937 rng(seed);
    static const char* kinds[] = {"police", "health", "mental_health", "substance_misuse", "ambulance",
                                  "childrens_social_care", "adult_social_care", "education", "housing",
                                  "probation", "idva", "marac"};
    static const char* tags[] = {"incident", "referral", "ccb_isolation", "physical_abuse", "missed_appointment",
                                 "disclosure", "risk_assessment", "information_not_shared"};
    static const char* sources[] = {"agency_record", "agency_record", "agency_record", "family", "friend"};
    std::string s = "format: genochron/1\ncase:\n  title: \"Benchmark review\"\n  kind: DHR\n"
                    "  reference_date: 2021-06-14\n  scope: {from: 2013-01, to: 2021-06-14}\n";
    s += "agencies:\n";
    for (int a = 0; a < agencies; ++a) s += fmt::format("  - {{id: ag{}, name: \"Agency {}\", kind: {}}}\n", a, a, kinds[a % 12]);
    s += "people:\n";
    for (int p = 0; p < people; ++p)
        s += fmt::format("  - {{id: p{}, name: \"Person{} Surname{}\", pseudonym: \"Pseudo{}\", sex: {}, born: {}-0{}-1{}}}\n", p, p,
                         p % 7, p, p % 2 ? "male" : "female", 1950 + p, 1 + p % 9, p % 9);
    s += "events:\n";
    std::uniform_int_distribution<long> day(0, 8 * 365);
    for (int e = 0; e < events; ++e) {
        long d = 15706 + day(rng);   // from 2013-01-01
        int y = 2013 + int((d - 15706) / 365), m = 1 + int((d / 30) % 12), dd = 1 + int(d % 28);
        s += fmt::format("  - id: e{}\n    date: {:04}-{:02}-{:02}\n    agency: ag{}\n    source: {}\n    people: [p{}, p{}]\n"
                         "    what: \"Person{} attended the appointment and reported that Person{} had been controlling; "
                         "the practitioner recorded the disclosure.\"\n    action: \"Recorded; advice given.\"\n"
                         "    tags: [{}]\n",
                         e, y, m, dd, e % agencies, sources[e % 5], e % people, (e + 1) % people, e % people,
                         (e + 1) % people, tags[e % 8]);
        if (e % 97 == 0)
            s += "    missed_opportunity: \"No referral made\"\n    analysis: \"A referral should have been made.\"\n";
    }
    return s;
}

}  // namespace genochron::bench
