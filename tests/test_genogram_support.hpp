// Helpers shared by the genogram tests: fixture families and scene queries.
#pragma once
#include "core/io/case_io.hpp"
#include "core/figures/genogram/genogram_layout.hpp"
#include "core/figures/views.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace genochron::test::geno {

inline const std::vector<std::string>& fixtureNames() {
    static const std::vector<std::string> names = {"half-siblings", "three-partners", "joined-families",
                                                   "four-generations", "twins", "adoption", "pregnancy-loss",
                                                   "no-parents", "households"};
    return names;
}

inline Case loadFamily(const std::string& name) {
    std::string path = std::string(GENOCHRON_TEST_DATA) + "/families/" + name + ".yaml";
    auto r = loadCaseFile(path);
    INFO(path);
    for (auto& d : r.diagnostics.items()) INFO(formatDiagnostic(d));
    REQUIRE(r.ok());
    return *r.model;
}

inline Case loadSample(const std::string& name) {
    auto r = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/" + name);
    REQUIRE(r.ok());
    return *r.model;
}

inline Scene genogramScene(const Case& c, ViewOptions opt = {}) {
    opt.todayDays = daysFromCivil(2024, 1, 1);
    Document d = buildGenogramView(ViewCase::named(c), opt);
    REQUIRE(d.pages.size() == 1);
    return d.pages.front();
}

inline std::vector<const ShapeItem*> shapesOf(const Scene& s, const std::string& modelId) {
    std::vector<const ShapeItem*> out;
    for (auto& it : s.items)
        if (auto* sh = std::get_if<ShapeItem>(&it); sh && sh->modelId == modelId) out.push_back(sh);
    return out;
}

inline std::vector<const TextItem*> textsOf(const Scene& s, const std::string& modelId) {
    std::vector<const TextItem*> out;
    for (auto& it : s.items)
        if (auto* t = std::get_if<TextItem>(&it); t && t->modelId == modelId) out.push_back(t);
    return out;
}

// A straight two-point segment (move + line).
inline bool isSegment(const ShapeItem& s) {
    auto& ops = s.path.ops();
    return ops.size() == 2 && ops[0].kind == PathOp::Move && ops[1].kind == PathOp::Line;
}

inline bool isSlantedSegment(const ShapeItem& s) {
    if (!isSegment(s)) return false;
    auto a = s.path.ops()[0].p[0], b = s.path.ops()[1].p[0];
    return std::abs(a.x - b.x) > 2 && std::abs(a.y - b.y) > 2;
}

inline int countCurves(const ShapeItem& s) {
    int n = 0;
    for (auto& op : s.path.ops()) n += op.kind == PathOp::Curve;
    return n;
}

}  // namespace genochron::test::geno
