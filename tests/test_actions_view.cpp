// The action plan view (actions_view.cpp): status as glyph and word, overdue actions
// marked in words, pagination with the header and "Page N of M" on every page, and a
// print theme whose meaning never rests on colour.
#include "core/io/case_io.hpp"
#include "core/figures/views.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <map>
#include <set>

using namespace genochron;
using namespace genochron::test;

namespace {

const long kToday = daysFromCivil(2025, 3, 1);

Case sampleCase() {
    auto res = loadCaseFile(sample("ashford-dhr.yaml"));
    REQUIRE(res.ok());
    return *res.model;
}

ViewOptions a4(Theme theme = Theme::Colour) {
    ViewOptions o;
    o.theme = theme;
    o.page.size = PageSpec::Size::A4;
    o.page.landscape = true;
    o.todayDays = kToday;
    return o;
}

std::vector<const TextItem*> texts(const Scene& s) {
    std::vector<const TextItem*> out;
    for (const auto& it : s.items)
        if (auto* t = std::get_if<TextItem>(&it)) out.push_back(t);
    return out;
}

std::string allText(const Document& d) {
    std::string s;
    for (const auto& p : d.pages)
        for (auto* t : texts(p)) s += t->text + "\n";
    return s;
}

// A case with many recommendations and actions, some overdue.
std::string bigPlan(int recs, int actionsPer) {
    std::string s = "format: genochron/1\ncase:\n  title: \"Plan test\"\nagencies:\n  - {id: police, name: \"Test Police\", kind: police}\n"
                    "recommendations:\n";
    for (int r = 1; r <= recs; ++r) {
        s += fmt::format("  - id: R{}\n    text: \"Recommendation number {} about information sharing between agencies, "
                         "with enough words to wrap over more than one line of the band.\"\n    actions:\n",
                         r, r);
        for (int a = 1; a <= actionsPer; ++a)
            s += fmt::format("      - id: R{}.{}\n        text: \"Action {} of recommendation {}: write the guidance, train "
                             "staff and audit it.\"\n        lead: police\n        owner: \"Head of Public Protection\"\n"
                             "        target: {}\n        status: {}\n",
                             r, a, a, r, a % 2 ? "2024-01-31" : "2026-12-31", a % 3 ? "in_progress" : "not_started");
    }
    return s;
}

}  // namespace

TEST_CASE("actions: every status shows its glyph and word", "[actions]") {
    Case c = sampleCase();
    auto doc = buildActionsView(ViewCase::named(c), a4());
    REQUIRE_FALSE(doc.pages.empty());
    std::string t = allText(doc);
    for (const char* s : {"\u2713 Complete", "\u25D0 In progress", "\u25CB Not started", "\u2715 Dropped"}) {
        INFO(s);
        CHECK(t.find(s) != std::string::npos);
    }
    CHECK(t.find("Action plan") != std::string::npos);
    CHECK(t.find(c.info.title) != std::string::npos);
    CHECK(t.find("Key:") != std::string::npos);
    // Each action's status pill is on its own row.
    const std::map<ActionStatus, std::string> word = {{ActionStatus::Complete, "\u2713 Complete"},
                                                      {ActionStatus::InProgress, "\u25D0 In progress"},
                                                      {ActionStatus::NotStarted, "\u25CB Not started"},
                                                      {ActionStatus::Dropped, "\u2715 Dropped"}};
    for (const auto& r : c.recommendations)
        for (const auto& a : r.actions) {
            bool pill = false;
            for (const auto& p : doc.pages)
                for (auto* x : texts(p)) pill |= x->modelId == a.id && x->text == word.at(a.status);
            INFO(a.id);
            CHECK(pill);
        }
}

TEST_CASE("actions: overdue actions are marked in words on their own rows", "[actions]") {
    Case c = sampleCase();
    auto doc = buildActionsView(ViewCase::named(c), a4());
    std::set<std::string> overdue, marked;
    for (const auto& r : c.recommendations)
        for (const auto& a : r.actions)
            if (a.overdue(kToday)) overdue.insert(a.id);
    REQUIRE(overdue.size() >= 2);   // R1.2 and R4.1 on 1 March 2025
    for (const auto& p : doc.pages)
        for (auto* t : texts(p))
            if (t->text.find("OVERDUE") != std::string::npos && !t->modelId.empty()) marked.insert(t->modelId);
    CHECK(marked == overdue);
    // The summary counts them.
    std::string all = allText(doc);
    CHECK(all.find(fmt::format("\u26A0 {}", overdue.size())) != std::string::npos);
    // Moving "today" before every target: nothing overdue.
    auto early = a4();
    early.todayDays = daysFromCivil(2022, 1, 1);
    auto none = buildActionsView(ViewCase::named(c), early);
    for (const auto& p : none.pages)
        for (auto* t : texts(p)) CHECK((t->text.find("OVERDUE") == std::string::npos || t->modelId.empty()));
}

TEST_CASE("actions: a long plan paginates with the header and page numbers on every page", "[actions]") {
    auto res = loadCaseString(bigPlan(12, 6), "plan.yaml");
    REQUIRE(res.ok());
    auto doc = buildActionsView(ViewCase::named(*res.model), a4());
    REQUIRE(doc.pages.size() >= 3);
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const Scene& s = doc.pages[i];
        CHECK(s.pageLabel == fmt::format("Page {} of {}", i + 1, doc.pages.size()));
        bool header = false, label = false;
        for (auto* t : texts(s)) {
            if (t->text == "What will be done") header = true;
            if (t->text == s.pageLabel) label = true;
            // Nothing runs into the footer.
            CHECK(t->at.y <= s.heightPt);
            if (t->modelId.size() > 2 && t->text == t->modelId) ++seen[t->modelId];
        }
        CHECK(header);
        CHECK(label);
        if (i > 0) {
            bool running = false;
            for (auto* t : texts(s)) running |= t->text == "Action plan (continued)";
            CHECK(running);
        }
    }
    // Every action's id appears exactly once across the pages.
    for (int r = 1; r <= 12; ++r)
        for (int a = 1; a <= 6; ++a) CHECK(seen[fmt::format("R{}.{}", r, a)] == 1);
    // A recommendation cut by a page break is named again on the next page.
    CHECK(allText(doc).find("(continued)\n") != std::string::npos);
}

TEST_CASE("actions: the print theme carries no meaning by colour alone", "[actions]") {
    Case c = sampleCase();
    auto doc = buildActionsView(ViewCase::named(c), a4(Theme::Print));
    auto grey = [](const Color& k) { return std::abs(k.r - k.g) < 1e-6 && std::abs(k.g - k.b) < 1e-6; };
    bool hatched = false;
    for (const auto& p : doc.pages)
        for (const auto& it : p.items) {
            if (auto* s = std::get_if<ShapeItem>(&it)) {
                if (s->paint.fill) CHECK(grey(*s->paint.fill));
                if (s->paint.stroke) CHECK(grey(*s->paint.stroke));
                hatched |= s->paint.hatch != Hatch::None;
            } else if (auto* t = std::get_if<TextItem>(&it)) {
                CHECK(grey(t->color));
            }
        }
    CHECK(hatched);   // the progress bar's segments differ by pattern
    std::string t = allText(doc);
    for (const char* s : {"\u2713 Complete", "\u25D0 In progress", "\u25CB Not started", "\u2715 Dropped", "\u26A0 OVERDUE"})
        CHECK(t.find(s) != std::string::npos);
}

TEST_CASE("actions: options and empty plans", "[actions]") {
    Case c = sampleCase();
    auto o = a4();
    o.title = "Annex C: action plan tracker";
    auto doc = buildActionsView(ViewCase::named(c), o);
    CHECK(texts(doc.pages[0]).front()->text.size() > 0);
    CHECK(allText(doc).find("Annex C: action plan tracker") != std::string::npos);
    auto anon = anonymise(c);
    auto pub = buildActionsView(anon, a4());
    CHECK(allText(pub).find("Anonymised for publication") != std::string::npos);

    auto res = loadCaseString("format: genochron/1\n", "empty.yaml");
    REQUIRE(res.ok());
    auto empty = buildActionsView(ViewCase::named(*res.model), a4());
    REQUIRE(empty.pages.size() == 1);
    CHECK(allText(empty).find("no recommendations yet") != std::string::npos);
    // Fit: one landscape-proportioned scene per page.
    ViewOptions fit;
    fit.todayDays = kToday;
    auto f = buildActionsView(ViewCase::named(c), fit);
    CHECK(f.pages[0].widthPt > f.pages[0].heightPt);
}
