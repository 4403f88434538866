// Text that is never published (publish:false events, people's notes) found again in a
// published field or an output: runs of kWords words in a row, compared after folding,
// overlapping (every run of every source is kept), and only runs that say something
// (at least kContentWords of its words are not function words), so a stock phrase shared by
// two entries is not taken for a copy.
#pragma once

#include "core/anonymise/anonymise_terms.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace genochron::anon {

class ReuseFinder {
public:
    static constexpr std::size_t kWords = 6;
    static constexpr std::size_t kContentWords = 3;

    struct Source {
        std::string where;   // "events[e003].what", "people[zoe].notes"
        std::string id;      // the event's or person's id
        SourceLoc loc;
    };
    struct Found {
        std::string words;   // the run, folded
        const Source* source = nullptr;
    };

    // From the case's unpublished text; with `secrets`, also as anonymise would rewrite it
    // (an output carries the rewritten words).
    explicit ReuseFinder(const Case& c, const CaseSecrets* secrets = nullptr);
    bool empty() const { return m_grams.empty(); }
    // Every run of `text` that an unpublished text holds (one per source run).
    std::vector<Found> find(std::string_view text) const;

private:
    std::vector<Source> m_sources;
    std::unordered_map<std::string, std::size_t> m_grams;   // folded run -> source index
};

}  // namespace genochron::anon
