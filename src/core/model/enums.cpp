#include "core/model/enums.hpp"

#include <algorithm>
#include <cctype>

namespace genochron {

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            auto ca = std::tolower(static_cast<unsigned char>(a[i - 1]));
            auto cb = std::tolower(static_cast<unsigned char>(b[j - 1]));
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca == cb ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string_view>& candidates) {
    std::optional<std::string> best;
    std::size_t bestD = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (auto c : candidates) {
        std::size_t d = editDistance(word, c);
        // a prefix ("cohab" for "cohabiting") is a likely slip too
        if (c.size() > word.size() && word.size() >= 3 && c.substr(0, word.size()) == word) d = std::min<std::size_t>(d, 1);
        if (d < bestD) {
            bestD = d;
            best = std::string(c);
        }
    }
    return best;
}

const std::vector<std::string_view>& knownEventTags() {
    static const std::vector<std::string_view> tags = {
        // practice
        "incident", "disclosure", "referral", "referral_not_made", "risk_assessment", "dash_not_done",
        "marac", "idva", "routine_enquiry_not_asked", "information_not_shared", "safeguarding_children",
        "safeguarding_adult", "missed_appointment", "arrest", "charge", "conviction", "court_order", "breach",
        // coercive and controlling behaviour
        "ccb_isolation", "ccb_deprivation", "ccb_monitoring", "ccb_online_monitoring",
        "ccb_controlling_daily_life", "ccb_blocking_support", "ccb_degradation", "ccb_humiliation",
        "ccb_forced_criminality", "ccb_financial_control", "ccb_threats_to_kill", "ccb_threats_to_children",
        "ccb_threats_to_reveal", "ccb_immigration", "ccb_health", "ccb_devices",
        // abuse
        "physical_abuse", "emotional_abuse", "sexual_abuse", "financial_abuse", "stalking", "strangulation",
        "threats_to_kill", "weapon",
        // needs
        "substance_misuse", "mental_health", "suicidal_ideation", "pregnancy", "homelessness",
        // ACEs that are not already above
        "physical_neglect", "emotional_neglect", "parental_separation", "domestic_abuse_witnessed",
        "household_substance_misuse", "household_mental_illness", "household_imprisonment",
        // Monckton Smith's homicide timeline stages
        "stage_history", "stage_commitment", "stage_living_with_control", "stage_trigger",
        "stage_escalation", "stage_change_in_thinking", "stage_planning", "stage_homicide"};
    return tags;
}

const std::vector<std::string_view>& knownAces() {
    static const std::vector<std::string_view> aces = {
        "physical_abuse", "emotional_abuse", "sexual_abuse", "physical_neglect", "emotional_neglect",
        "parental_separation", "domestic_abuse_witnessed", "household_substance_misuse",
        "household_mental_illness", "household_imprisonment"};
    return aces;
}

bool isCoerciveControlTag(std::string_view tag) { return tag.substr(0, 4) == "ccb_"; }

}  // namespace genochron
