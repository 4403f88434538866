#include "app/views/view.hpp"

namespace genochron::app {

ViewOptions View::figureOptions(const AppContext& ctx) const {
    ViewOptions o;
    o.theme = ctx.settings.figureTheme;
    return o;
}

SelectItem selectionForId(const Case& c, const std::string& id) {
    if (id.empty()) return {};
    // The compound ids figures give lines and outlines (genogram_view.cpp).
    auto starts = [&](std::string_view p) { return id.rfind(p, 0) == 0; };
    if (starts("partnership:") || starts("union:")) {
        std::string pair = id.substr(id.find(':') + 1);
        auto plus = pair.find('+');
        if (plus == std::string::npos) return selectionForId(c, pair);
        std::string a = pair.substr(0, plus), b = pair.substr(plus + 1);
        for (std::size_t i = 0; i < c.partnerships.size(); ++i) {
            auto& p = c.partnerships[i].partners;
            if ((p[0] == a && p[1] == b) || (p[0] == b && p[1] == a)) return {ItemKind::Partnership, {}, i};
        }
        return {};   // parents with no partnership recorded: nothing to edit
    }
    if (starts("relation:")) {
        try {
            std::size_t i = std::stoul(id.substr(9));
            if (i < c.relations.size()) return {ItemKind::Relation, {}, i};
        } catch (const std::exception&) {
        }
        return {};
    }
    if (starts("household:")) return selectionForId(c, id.substr(10));
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
