#include "core/figures/chronology/chronology_labels.hpp"

#include <map>

namespace genochron::chron {

namespace {

struct TagLabel {
    std::string_view abbr, meaning;
};

// UK safeguarding shorthand where there is one (NFS, TTK, DASH, MARAC), plain words otherwise.
const std::map<std::string_view, TagLabel>& tagLabels() {
    static const std::map<std::string_view, TagLabel> m = {
        {"incident", {"INC", "incident"}},
        {"disclosure", {"DISC", "disclosure of abuse"}},
        {"referral", {"REF", "referral made"}},
        {"referral_not_made", {"NO-REF", "referral not made"}},
        {"risk_assessment", {"RA", "risk assessment"}},
        {"dash_not_done", {"NO-DASH", "DASH risk assessment not done"}},
        {"marac", {"MARAC", "multi-agency risk assessment conference"}},
        {"idva", {"IDVA", "independent domestic violence adviser"}},
        {"routine_enquiry_not_asked", {"NO-RE", "routine enquiry about abuse not made"}},
        {"information_not_shared", {"NOT-SHARED", "information not shared"}},
        {"safeguarding_children", {"SG-CH", "safeguarding children"}},
        {"safeguarding_adult", {"SG-AD", "safeguarding adults"}},
        {"missed_appointment", {"MISSED-APPT", "missed appointment"}},
        {"arrest", {"ARREST", "arrest"}},
        {"charge", {"CHARGE", "charge"}},
        {"conviction", {"CONV", "conviction"}},
        {"court_order", {"ORDER", "court order"}},
        {"breach", {"BREACH", "breach of an order"}},
        {"ccb_isolation", {"CCB-ISOL", "coercive control: isolation"}},
        {"ccb_deprivation", {"CCB-DEPRIV", "coercive control: deprivation"}},
        {"ccb_monitoring", {"CCB-MON", "coercive control: monitoring"}},
        {"ccb_online_monitoring", {"CCB-ONLINE", "coercive control: online monitoring"}},
        {"ccb_controlling_daily_life", {"CCB-DAILY", "coercive control: controlling daily life"}},
        {"ccb_blocking_support", {"CCB-SUPPORT", "coercive control: blocking access to support"}},
        {"ccb_degradation", {"CCB-DEGR", "coercive control: degradation"}},
        {"ccb_humiliation", {"CCB-HUMIL", "coercive control: humiliation"}},
        {"ccb_forced_criminality", {"CCB-CRIM", "coercive control: forced criminality"}},
        {"ccb_financial_control", {"CCB-FIN", "coercive control: financial control"}},
        {"ccb_threats_to_kill", {"CCB-TTK", "coercive control: threats to kill"}},
        {"ccb_threats_to_children", {"CCB-CHILD", "coercive control: threats to children"}},
        {"ccb_threats_to_reveal", {"CCB-REVEAL", "coercive control: threats to reveal private information"}},
        {"ccb_immigration", {"CCB-IMMIG", "coercive control: immigration status"}},
        {"ccb_health", {"CCB-HEALTH", "coercive control: control of health care"}},
        {"ccb_devices", {"CCB-DEVICE", "coercive control: devices and accounts"}},
        {"physical_abuse", {"PHYS", "physical abuse"}},
        {"emotional_abuse", {"EMOT", "emotional abuse"}},
        {"sexual_abuse", {"SEXUAL", "sexual abuse"}},
        {"financial_abuse", {"FIN", "financial abuse"}},
        {"stalking", {"STALK", "stalking"}},
        {"strangulation", {"NFS", "non-fatal strangulation"}},
        {"threats_to_kill", {"TTK", "threats to kill"}},
        {"weapon", {"WEAPON", "weapon used or threatened"}},
        {"substance_misuse", {"SUBST", "substance misuse"}},
        {"mental_health", {"MH", "mental health"}},
        {"suicidal_ideation", {"SUICIDAL", "suicidal thoughts"}},
        {"pregnancy", {"PREG", "pregnancy"}},
        {"homelessness", {"HOMELESS", "homelessness"}},
        {"physical_neglect", {"NEGL-PHYS", "physical neglect (ACE)"}},
        {"emotional_neglect", {"NEGL-EMOT", "emotional neglect (ACE)"}},
        {"parental_separation", {"SEPARATION", "parental separation (ACE)"}},
        {"domestic_abuse_witnessed", {"DA-WITNESS", "domestic abuse witnessed (ACE)"}},
        {"household_substance_misuse", {"HH-SUBST", "household substance misuse (ACE)"}},
        {"household_mental_illness", {"HH-MH", "household mental illness (ACE)"}},
        {"household_imprisonment", {"HH-PRISON", "household member imprisoned (ACE)"}},
        {"stage_history", {"HT1", "homicide timeline stage 1: history"}},
        {"stage_commitment", {"HT2", "homicide timeline stage 2: commitment"}},
        {"stage_living_with_control", {"HT3", "homicide timeline stage 3: living with control"}},
        {"stage_trigger", {"HT4", "homicide timeline stage 4: trigger"}},
        {"stage_escalation", {"HT5", "homicide timeline stage 5: escalation"}},
        {"stage_change_in_thinking", {"HT6", "homicide timeline stage 6: change in thinking"}},
        {"stage_planning", {"HT7", "homicide timeline stage 7: planning"}},
        {"stage_homicide", {"HT8", "homicide timeline stage 8: homicide"}},
    };
    return m;
}

std::string spaced(std::string_view tag) {
    std::string s(tag);
    for (auto& ch : s)
        if (ch == '_') ch = ' ';
    return s;
}

}  // namespace

std::string tagAbbreviation(std::string_view tag) {
    auto it = tagLabels().find(tag);
    return it != tagLabels().end() ? std::string(it->second.abbr) : spaced(tag);
}

std::string tagMeaning(std::string_view tag) {
    auto it = tagLabels().find(tag);
    return it != tagLabels().end() ? std::string(it->second.meaning) : spaced(tag);
}

std::string_view sourceLabel(Source s) {
    switch (s) {
    case Source::AgencyRecord: return "Agency record";
    case Source::Family: return "Family";
    case Source::Friend: return "Friend";
    case Source::Colleague: return "Colleague";
    case Source::Victim: return "Victim's own account";
    case Source::Perpetrator: return "Perpetrator's account";
    case Source::Panel: return "Review panel";
    }
    return "Agency record";
}

bool isPersonalAccount(Source s) {
    return s == Source::Family || s == Source::Friend || s == Source::Colleague || s == Source::Victim ||
           s == Source::Perpetrator;
}

}  // namespace genochron::chron
