// Jane Monckton Smith's eight-stage homicide timeline (domain.md): an event's stage, from
// its `stage: 1..8` key or, in older files, from one of the `stage_*` tags.
#pragma once
#include "core/model/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace genochron {

constexpr int kStageCount = 8;

// "Pre-relationship history", "Early relationship (commitment)", ... for 1..8; "" otherwise.
std::string_view stageName(int stage);
// One or two words for tight places: "History", "Commitment", "Living with control", ...
std::string_view stageShortName(int stage);
// The tag of the same stage: "stage_history", ... ; "" outside 1..8.
std::string_view stageTag(int stage);
// 1..8 for a stage tag, else nothing.
std::optional<int> stageFromTag(std::string_view tag);

// The event's stage: its `stage` key, else its first stage tag, else none.
std::optional<int> stageOf(const Event& e);
// Whether any event of the case has a stage.
bool caseHasStages(const Case& c);

}  // namespace genochron
