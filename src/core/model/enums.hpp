// Enumerations of the case format and their spelling in the file.
// Each enum's values are in the same order as its names table.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace genochron {

template <class E> struct EnumNames;   // specialised below: static constexpr names[]

#define GENOCHRON_ENUM(Name, ...)                                                     \
    template <> struct EnumNames<Name> {                                              \
        static constexpr std::string_view kEnum = #Name;                              \
        static constexpr auto names = std::to_array<std::string_view>({__VA_ARGS__}); \
    }

enum class Sex { Female, Male, Other, Unknown };
GENOCHRON_ENUM(Sex, "female", "male", "other", "unknown");

enum class Role { Victim, Perpetrator, Subject, Child, Family, Friend, Colleague, Professional, Other };
GENOCHRON_ENUM(Role, "victim", "perpetrator", "subject", "child", "family", "friend", "colleague",
               "professional", "other");

enum class Parentage { Biological, Adoptive, Foster, Step };
GENOCHRON_ENUM(Parentage, "biological", "adoptive", "foster", "step");

enum class Condition {
    SubstanceMisuse, MentalHealth, PhysicalIllness, Disability, DomesticAbuseVictim,
    DomesticAbusePerpetrator, InRecovery, SuspectedSubstanceMisuse
};
GENOCHRON_ENUM(Condition, "substance_misuse", "mental_health", "physical_illness", "disability",
               "domestic_abuse_victim", "domestic_abuse_perpetrator", "in_recovery",
               "suspected_substance_misuse");

enum class Pregnancy { Pregnancy, Miscarriage, Abortion, Stillbirth };
GENOCHRON_ENUM(Pregnancy, "pregnancy", "miscarriage", "abortion", "stillbirth");

enum class PartnershipStatus { Dating, Engaged, Cohabiting, Married, Separated, Divorced, Widowed };
GENOCHRON_ENUM(PartnershipStatus, "dating", "engaged", "cohabiting", "married", "separated",
               "divorced", "widowed");

enum class RelationKind {
    PhysicalAbuse, EmotionalAbuse, SexualAbuse, CoerciveControl, FinancialAbuse, Stalking,
    Hostile, Close, Distant, Cutoff, Fused
};
GENOCHRON_ENUM(RelationKind, "physical_abuse", "emotional_abuse", "sexual_abuse", "coercive_control",
               "financial_abuse", "stalking", "hostile", "close", "distant", "cutoff", "fused");

enum class AgencyKind {
    Police, Health, MentalHealth, SubstanceMisuse, Ambulance, ChildrensSocialCare, AdultSocialCare,
    Education, Housing, Probation, DaService, Idva, Marac, Employer, Other
};
GENOCHRON_ENUM(AgencyKind, "police", "health", "mental_health", "substance_misuse", "ambulance",
               "childrens_social_care", "adult_social_care", "education", "housing", "probation",
               "da_service", "idva", "marac", "employer", "other");

enum class Source { AgencyRecord, Family, Friend, Colleague, Victim, Perpetrator, Panel };
GENOCHRON_ENUM(Source, "agency_record", "family", "friend", "colleague", "victim", "perpetrator", "panel");

enum class Risk { Standard, Medium, High };
GENOCHRON_ENUM(Risk, "standard", "medium", "high");

enum class RecScope { Local, Regional, National };
GENOCHRON_ENUM(RecScope, "local", "regional", "national");

enum class ActionStatus { NotStarted, InProgress, Complete, Dropped };
GENOCHRON_ENUM(ActionStatus, "not_started", "in_progress", "complete", "dropped");

enum class CaseKind { DHR, DARDR, SAR, CSPR, Other };
GENOCHRON_ENUM(CaseKind, "DHR", "DARDR", "SAR", "CSPR", "other");

enum class PublishPrecision { Day, Month, Year, Relative };
GENOCHRON_ENUM(PublishPrecision, "day", "month", "year", "relative");

enum class ProfessionalNames { Role, Name };
GENOCHRON_ENUM(ProfessionalNames, "role", "name");

#undef GENOCHRON_ENUM

template <class E> constexpr std::string_view toString(E e) {
    return EnumNames<E>::names[static_cast<std::size_t>(e)];
}

template <class E> std::optional<E> enumFromString(std::string_view s) {
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}

template <class E> std::vector<std::string_view> enumNames() {
    const auto& names = EnumNames<E>::names;
    return {names.begin(), names.end()};
}

// Levenshtein distance, for "did you mean" suggestions.
std::size_t editDistance(std::string_view a, std::string_view b);
// The candidate nearest to `word`, if it is near enough to be a likely typo.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string_view>& candidates);

// Known tag vocabularies (domain.md); unknown tags get a warning, not an error.
const std::vector<std::string_view>& knownEventTags();
const std::vector<std::string_view>& knownAces();
bool isCoerciveControlTag(std::string_view tag);

}  // namespace genochron
