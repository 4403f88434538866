// genochron layout CASE [--anonymise] [--person ID --depth N]: the genogram's geometry
// as JSON on stdout (DESIGN.md's schema), with the layout's quality measures.
#include "cli/command.hpp"
#include "cli/person_arg.hpp"
#include "core/model/diagnostics.hpp"
#include "core/figures/genogram/genogram_layout.hpp"
#include "core/anonymise/view_case.hpp"
#include "core/anonymise/as_of_view.hpp"
#include "core/model/as_of.hpp"

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

namespace genochron::cli {

namespace {

struct LayoutArgs {
    std::string path, person, asOf;
    int depth = 2;
    bool anonymise = false;
};

// Two decimals are plenty for points and keep the output stable to read and diff.
double r2(double v) { return std::round(v * 100.0) / 100.0; }

nlohmann::json toJson(const genogram::Layout& l) {
    using nlohmann::json;
    json j;
    j["people"] = json::array();
    for (auto& p : l.people)
        j["people"].push_back({{"id", p.id},
                               {"label", p.label},
                               {"sex", std::string(toString(p.sex))},
                               {"x", r2(p.box.x)},
                               {"y", r2(p.box.y)},
                               {"w", r2(p.box.w)},
                               {"h", r2(p.box.h)},
                               {"generation", p.generation},
                               {"age", p.age}});
    j["unions"] = json::array();
    for (auto& u : l.unions)
        j["unions"].push_back({{"partners", u.partners}, {"children", u.children}, {"x", r2(u.at.x)}, {"y", r2(u.at.y)}});
    j["lines"] = json::array();
    for (auto& ln : l.lines) {
        json pts = json::array();
        for (auto& p : ln.points) pts.push_back({r2(p.x), r2(p.y)});
        j["lines"].push_back({{"kind", std::string(genogram::toString(ln.kind))}, {"from", ln.from}, {"to", ln.to}, {"points", pts}});
    }
    j["bbox"] = {r2(l.bbox.x), r2(l.bbox.y), r2(l.bbox.right()), r2(l.bbox.bottom())};
    j["quality"] = {{"crossings", l.quality.crossings},
                    {"partner_gap", l.quality.partnerGap},
                    {"partners_off_row", l.quality.partnersOffRow},
                    {"sibling_inversions", l.quality.siblingInversions},
                    {"relation_crossings", l.quality.relationCrossings},
                    {"lines_through_labels", l.quality.linesThroughLabels},
                    {"relations_over_partnership", l.quality.relationsOverPartnership},
                    {"household_strangers", l.quality.householdStrangers}};
    j["households"] = json::array();
    for (auto& h : l.households) {
        json loops = json::array();
        for (auto& loop : h.loops) {
            json pts = json::array();
            for (auto& p : loop) pts.push_back({r2(p.x), r2(p.y)});
            loops.push_back(pts);
        }
        j["households"].push_back({{"id", h.id}, {"members", h.members}, {"outline", loops}});
    }
    // Every label written, as boxes (names: the fixed slot under the symbol).
    static const char* kKinds[] = {"name", "born", "died", "partnership", "household"};
    j["labels"] = json::array();
    for (auto& lab : l.labels)
        j["labels"].push_back({{"kind", kKinds[int(lab.kind)]},
                               {"of", lab.owner},
                               {"box", {r2(lab.box.x), r2(lab.box.y), r2(lab.box.w), r2(lab.box.h)}}});
    return j;
}

int run(const LayoutArgs& a) {
    std::optional<Date> asOf;
    if (!a.asOf.empty()) {
        auto r = parseDate(a.asOf);
        if (!r.date) throw GenochronError("--as-of: " + r.error);
        if (!r.date->known()) throw GenochronError("--as-of: give a date, e.g. 2017-05 or 2017-05-20");
        asOf = r.date;
    }
    auto c = loadForCommand(a.path);
    if (!c) return kExitInvalid;
    genogram::LayoutOptions lo;
    lo.person = a.person;
    lo.depth = a.depth;
    genogram::Layout l;
    if (a.anonymise) {
        AnonymisedCase anon = asOf ? anonymiseAsOf(*c, *asOf).anon : anonymise(*c);   // nothing below sees the real case
        lo.person = publishedPersonId(a.person, *c, anon);   // "adam" -> "p3"
        l = genogram::layoutGenogram(anon, lo);
    } else if (asOf) {
        const Case then = caseAsOf(*c, *asOf);
        l = genogram::layoutGenogram(ViewCase::named(then), lo);
    } else {
        l = genogram::layoutGenogram(ViewCase::named(*c), lo);
    }
    std::cout << toJson(l).dump(2) << "\n";
    return kExitOk;
}

Register reg("layout", "Print the genogram's geometry as JSON (people, unions, lines, bbox, quality)",
             [](CLI::App& app) -> std::function<int()> {
                 auto a = std::make_shared<LayoutArgs>();
                 app.add_option("CASE", a->path, "Case file (.yaml)")->required();
                 app.add_flag("--anonymise,--anonymize", a->anonymise, "Opaque ids, pseudonyms, hidden children's sex");
                 app.add_option("--person", a->person, "Only the family around this person");
                 app.add_option("--depth", a->depth, "Steps of family around --person")->check(CLI::Range(1, 10))->capture_default_str();
                 app.add_option("--as-of", a->asOf, "The family as it was on this date");
                 return [a] { return run(*a); };
             });

}  // namespace

}  // namespace genochron::cli
