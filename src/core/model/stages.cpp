#include "core/model/stages.hpp"

#include <algorithm>
#include <array>

namespace genochron {

namespace {

struct StageNames {
    std::string_view name, shortName, tag;
};

constexpr std::array<StageNames, kStageCount> kStages = {{
    {"Pre-relationship history", "History", "stage_history"},
    {"Early relationship (commitment)", "Commitment", "stage_commitment"},
    {"Relationship (living with control)", "Living with control", "stage_living_with_control"},
    {"Trigger", "Trigger", "stage_trigger"},
    {"Escalation", "Escalation", "stage_escalation"},
    {"Change in thinking", "Change in thinking", "stage_change_in_thinking"},
    {"Planning", "Planning", "stage_planning"},
    {"Homicide", "Homicide", "stage_homicide"},
}};

bool valid(int stage) { return stage >= 1 && stage <= kStageCount; }

}  // namespace

std::string_view stageName(int stage) { return valid(stage) ? kStages[std::size_t(stage - 1)].name : ""; }
std::string_view stageShortName(int stage) { return valid(stage) ? kStages[std::size_t(stage - 1)].shortName : ""; }
std::string_view stageTag(int stage) { return valid(stage) ? kStages[std::size_t(stage - 1)].tag : ""; }

std::optional<int> stageFromTag(std::string_view tag) {
    for (std::size_t i = 0; i < kStages.size(); ++i)
        if (kStages[i].tag == tag) return int(i) + 1;
    return std::nullopt;
}

std::optional<int> stageOf(const Event& e) {
    if (e.stage && valid(*e.stage)) return e.stage;
    for (auto& t : e.tags)
        if (auto s = stageFromTag(t)) return s;
    return std::nullopt;
}

bool caseHasStages(const Case& c) {
    return std::any_of(c.events.begin(), c.events.end(), [](const Event& e) { return stageOf(e).has_value(); });
}

}  // namespace genochron
