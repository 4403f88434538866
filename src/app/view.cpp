#include "app/view.hpp"

namespace genochron::app {

ViewOptions View::figureOptions(const AppContext& ctx) const {
    ViewOptions o;
    o.theme = ctx.settings.figureTheme;
    return o;
}

SelectItem selectionForId(const Case& c, const std::string& id) {
    if (id.empty()) return {};
    if (c.person(id)) return {ItemKind::Person, id};
    if (c.event(id)) return {ItemKind::Event, id};
    for (auto& h : c.households)
        if (h.id == id) return {ItemKind::Household, id};
    for (auto& r : c.recommendations) {
        if (r.id == id) return {ItemKind::Recommendation, id};
        for (auto& a : r.actions)
            if (a.id == id) return {ItemKind::Action, id};
    }
    if (c.agency(id)) return {ItemKind::Agency, id};
    return {};
}

}  // namespace genochron::app
