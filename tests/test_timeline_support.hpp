// Helpers for the timeline tests: small cases built in code, fixtures, and ways to read a scene.
#pragma once
#include "core/io/case_io.hpp"
#include "core/model/diagnostics.hpp"
#include "core/figures/timeline/timeline_layout.hpp"
#include "core/figures/views.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace genochron::test::tl {

inline Date date(const std::string& s) {
    auto r = parseDate(s);
    if (!r.date) throw std::runtime_error("bad test date " + s + ": " + r.error);
    return *r.date;
}

// A case assembled in code: agencies, people and events with just the fields a test needs.
struct CaseBuilder {
    Case c;
    CaseBuilder() { c.info.title = "Test case"; }
    CaseBuilder& agency(const std::string& id, const std::string& name, AgencyKind kind) {
        c.agencies.push_back({id, name, kind, {}});
        return *this;
    }
    CaseBuilder& person(const std::string& id, Role role) {
        Person p;
        p.id = id;
        p.name = "Name of " + id;
        p.roles = {role};
        c.people.push_back(p);
        return *this;
    }
    Event& event(const std::string& id, const std::string& when, const std::string& agency = {},
                 Source source = Source::AgencyRecord) {
        Event e;
        e.id = id;
        e.date = date(when);
        e.agency = agency;
        e.source = source;
        e.what = "Event " + id + " happened.";
        c.events.push_back(e);
        return c.events.back();
    }
};

inline Case loadFixture(const std::string& name) {
    auto res = loadCaseFile(std::string(GENOCHRON_TEST_DATA) + "/timeline/" + name);
    if (!res.ok()) FAIL("fixture " << name << " does not load");
    return *res.model;
}

inline Scene scene(const Case& c, const ViewOptions& opt = {}) {
    Document d = buildTimelineView(ViewCase::named(c), opt);
    REQUIRE(d.pages.size() == 1);
    return d.pages.front();
}

inline std::vector<const TextItem*> texts(const Scene& s) {
    std::vector<const TextItem*> r;
    for (auto& it : s.items)
        if (auto* t = std::get_if<TextItem>(&it)) r.push_back(t);
    return r;
}

inline bool hasText(const Scene& s, const std::string& text) {
    for (auto* t : texts(s))
        if (t->text == text) return true;
    return false;
}

inline bool hasTextContaining(const Scene& s, const std::string& part) {
    for (auto* t : texts(s))
        if (t->text.find(part) != std::string::npos) return true;
    return false;
}

inline std::vector<const ShapeItem*> shapesFor(const Scene& s, const std::string& id) {
    std::vector<const ShapeItem*> r;
    for (auto& it : s.items)
        if (auto* sh = std::get_if<ShapeItem>(&it); sh && sh->modelId == id) r.push_back(sh);
    return r;
}

inline bool hasCurve(const Path& p) {
    for (auto& op : p.ops())
        if (op.kind == PathOp::Curve) return true;
    return false;
}

inline const timeline::Item* findItem(const timeline::TimelineLayout& lay, const std::string& id) {
    for (auto& it : lay.data.items)
        if (it.event->id == id) return &it;
    return nullptr;
}

inline int laneOf(const timeline::TimelineLayout& lay, const std::string& key) {
    for (std::size_t i = 0; i < lay.data.lanes.size(); ++i)
        if (lay.data.lanes[i].key == key) return int(i);
    return -1;
}

}  // namespace genochron::test::tl
