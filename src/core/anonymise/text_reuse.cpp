#include "core/anonymise/text_reuse.hpp"

#include <set>

namespace genochron::anon {

namespace {

bool isContentWord(const std::string& w) {
    if (w.size() < 3) return false;
    static const std::set<std::string> function = {
        "the", "and", "was", "were", "has", "had", "have", "her", "his", "him", "she", "they", "them", "their", "this",
        "that", "with", "from", "for", "not", "but", "are", "been", "being", "who", "which", "what", "when", "where",
        "there", "then", "than", "into", "onto", "upon", "out", "off", "over", "after", "before", "about", "would",
        "could", "should", "will", "shall", "can", "may", "might", "did", "does", "any", "all", "some", "one", "two",
        "its", "our", "you", "your", "also", "very", "such", "each", "other", "more", "most", "only", "same", "both"};
    return !function.count(w);
}

template <class Each>
void eachRun(const std::vector<std::string>& w, Each&& each) {
    for (std::size_t i = 0; i + ReuseFinder::kWords <= w.size(); ++i) {
        std::size_t content = 0;
        std::string g;
        for (std::size_t k = 0; k < ReuseFinder::kWords; ++k) {
            if (isContentWord(w[i + k])) ++content;
            g += (k ? " " : "") + w[i + k];
        }
        if (content >= ReuseFinder::kContentWords) each(g);
    }
}

}  // namespace

ReuseFinder::ReuseFinder(const Case& c, const CaseSecrets* secrets) {
    for (auto& f : unpublishedTextFields(c)) {
        std::size_t src = m_sources.size();
        m_sources.push_back({f.where, f.id, f.loc});
        eachRun(foldedWords(f.text), [&](const std::string& g) { m_grams.emplace(g, src); });
        if (secrets) eachRun(foldedWords(secrets->publish(f.text)), [&](const std::string& g) { m_grams.emplace(g, src); });
    }
}

std::vector<ReuseFinder::Found> ReuseFinder::find(std::string_view text) const {
    std::vector<Found> out;
    if (m_grams.empty() || text.empty()) return out;
    eachRun(foldedWords(text), [&](const std::string& g) {
        if (auto it = m_grams.find(g); it != m_grams.end()) out.push_back({g, &m_sources[it->second]});
    });
    return out;
}

}  // namespace genochron::anon
