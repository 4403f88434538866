#include "core/figures/views.hpp"

#include "core/model/diagnostics.hpp"

#include <chrono>

namespace genochron {

std::optional<ViewKind> viewFromString(std::string_view s) {
    if (s == "genogram") return ViewKind::Genogram;
    if (s == "timeline") return ViewKind::Timeline;
    if (s == "chronology") return ViewKind::Chronology;
    if (s == "actions") return ViewKind::Actions;
    if (s == "knowledge") return ViewKind::Knowledge;
    return std::nullopt;
}

std::string_view toString(ViewKind v) {
    switch (v) {
    case ViewKind::Genogram: return "genogram";
    case ViewKind::Timeline: return "timeline";
    case ViewKind::Chronology: return "chronology";
    case ViewKind::Actions: return "actions";
    case ViewKind::Knowledge: return "knowledge";
    }
    return "genogram";
}

Document buildView(const ViewCase& c, ViewKind kind, const ViewOptions& opt) {
    ViewOptions o = opt;
    if (o.todayDays == 0) o.todayDays = todayDays();
    switch (kind) {
    case ViewKind::Genogram: return buildGenogramView(c, o);
    case ViewKind::Timeline: return buildTimelineView(c, o);
    case ViewKind::Chronology: return buildChronologyView(c, o);
    case ViewKind::Actions: return buildActionsView(c, o);
    case ViewKind::Knowledge: return buildKnowledgeView(c, o);
    }
    throw GenochronError("unknown view");
}

}  // namespace genochron
