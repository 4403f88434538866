// Monckton Smith's eight-stage homicide timeline: the `stage` key (reader, writer,
// validation), the timeline's stage strip, the chronology's stage flag and check's note.
#include "core/check/check.hpp"
#include "core/figures/timeline/timeline_layout.hpp"
#include "core/figures/timeline/timeline_stages.hpp"
#include "core/figures/views.hpp"
#include "core/io/case_io.hpp"
#include "core/model/stages.hpp"
#include "core/anonymise/view_case.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace genochron;

namespace {

LoadResult load(const std::string& text) { return loadCaseString("format: genochron/1\n" + text, "case.yaml"); }

const Diagnostic* findCode(const Diagnostics& ds, const std::string& code) {
    for (auto& d : ds.items())
        if (d.code == code) return &d;
    return nullptr;
}

std::vector<std::string> texts(const Scene& s) {
    std::vector<std::string> out;
    for (auto& it : s.items)
        if (auto* t = std::get_if<TextItem>(&it)) out.push_back(t->text);
    return out;
}

bool anyTextStartsWith(const Document& d, const std::string& prefix) {
    for (auto& p : d.pages)
        for (auto& t : texts(p))
            if (t.rfind(prefix, 0) == 0) return true;
    return false;
}

// A table cell is drawn line by line: the words of a cell read as one text, in order.
bool anyTextReads(const Document& d, const std::string& words) {
    for (auto& p : d.pages) {
        std::string all;
        for (auto& t : texts(p)) all += t + " ";
        if (all.find(words) != std::string::npos) return true;
    }
    return false;
}

const char* kTwoStages =
    "people:\n  - {id: a, roles: [perpetrator]}\n  - {id: v, roles: [victim]}\n"
    "events:\n"
    "  - {id: e1, date: 2019-01-10, source: family, stage: 1, what: earlier}\n"
    "  - {id: e2, date: 2019-03-02, source: family, stage: 4, what: left him}\n"
    "  - {id: e3, date: 2019-03-20, source: family, tags: [stage_escalation], what: followed her}\n";

}  // namespace

TEST_CASE("stage: 1..8 is read, written back and compared", "[stages][case-io]") {
    auto r = load(kTwoStages);
    REQUIRE(r.ok());
    CHECK(r.model->events[0].stage == 1);
    CHECK(r.model->events[1].stage == 4);
    CHECK_FALSE(r.model->events[2].stage);
    CHECK(stageOf(r.model->events[2]) == 5);   // from the older stage tag
    std::string saved = saveCaseToString(*r.model);
    CHECK(saved.find("stage: 4") != std::string::npos);
    auto again = loadCaseString(saved, "again.yaml");
    REQUIRE(again.ok());
    CHECK(again.model->events == r.model->events);
    Case changed = *r.model;
    changed.events[1].stage = 5;
    CHECK_FALSE(changed.events == r.model->events);
}

TEST_CASE("a stage outside 1..8 is an error at its line and column, listing the stages", "[stages][validate]") {
    for (const char* bad : {"9", "0", "trigger", "4.5", "[4]"}) {
        auto r = load(std::string("events:\n  - id: e1\n    date: 2019\n    stage: ") + bad + "\n");
        INFO(bad);
        CHECK_FALSE(r.ok());
        auto* d = findCode(r.diagnostics, std::string(bad) == "[4]" ? "wrong-type" : "bad-stage");
        REQUIRE(d);
        CHECK(d->line == 5);
        CHECK(d->column == 12);
        if (std::string(bad) != "[4]") CHECK(d->message.find("8 Homicide") != std::string::npos);
    }
    auto r = load("events:\n  - id: e1\n    date: 2019\n    stage: trigger\n");
    CHECK(findCode(r.diagnostics, "bad-stage")->message.find("did you mean 4?") != std::string::npos);
}

TEST_CASE("a stage key and a stage tag that disagree are a warning", "[stages][validate]") {
    auto r = load("events:\n  - {id: e1, date: 2019, stage: 3, tags: [stage_trigger]}\n");
    REQUIRE(r.ok());
    auto* d = findCode(r.diagnostics, "stage-mismatch");
    REQUIRE(d);
    CHECK(d->message.find("stage 4") != std::string::npos);
    CHECK_FALSE(findCode(load("events:\n  - {id: e1, date: 2019, stage: 4, tags: [stage_trigger]}\n").diagnostics, "stage-mismatch"));
}

TEST_CASE("stage 1 (history) before the scope is background, not out of scope", "[stages][validate]") {
    auto r = load("case: {scope: {from: 2015, to: 2020}}\nevents:\n  - {id: e1, date: 2010, stage: 1}\n  - {id: e2, date: 2010, stage: 2}\n");
    int outside = 0;
    for (auto& d : r.diagnostics.items()) outside += d.code == "outside-scope" && d.id == "e2";
    for (auto& d : r.diagnostics.items()) CHECK_FALSE((d.code == "outside-scope" && d.id == "e1"));
    CHECK(outside == 1);
}

TEST_CASE("check notes a case with a perpetrator and no stages, once", "[stages][check]") {
    auto none = load("people:\n  - {id: a, roles: [perpetrator]}\n  - {id: b, roles: [perpetrator]}\nevents:\n  - {id: e1, date: 2019, source: family}\n");
    REQUIRE(none.ok());
    Diagnostics d;
    checkStages(*none.model, {}, d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].severity == Severity::Note);
    CHECK(d.items()[0].code == "no-homicide-timeline");
    CHECK(d.items()[0].line == 3);
    auto staged = load(kTwoStages);
    Diagnostics d2;
    checkStages(*staged.model, {}, d2);
    CHECK(d2.items().empty());
    auto noPerp = load("people:\n  - {id: a}\nevents:\n  - {id: e1, date: 2019, source: family}\n");
    Diagnostics d3;
    checkStages(*noPerp.model, {}, d3);
    CHECK(d3.items().empty());
}

TEST_CASE("stage spans run from each stage's first to its last shown event", "[stages][timeline]") {
    auto r = load(kTwoStages);
    REQUIRE(r.ok());
    ViewOptions vo;
    auto lay = timeline::layoutTimeline(ViewCase::named(*r.model), vo);
    auto spans = timeline::stageSpans(lay.data);
    REQUIRE(spans.size() == 8);
    CHECK(spans[0].events == 1);
    CHECK(spans[0].firstDay == daysFromCivil(2019, 1, 10));
    CHECK(spans[3].events == 1);
    CHECK(spans[4].events == 1);   // the tag counts
    CHECK(spans[4].firstDay == daysFromCivil(2019, 3, 20));
    CHECK(spans[1].events == 0);
    // A filter leaves its events out of the bands too.
    vo.to = parseDate("2019-02").date;
    auto cut = timeline::stageSpans(timeline::layoutTimeline(ViewCase::named(*r.model), vo).data);
    CHECK(cut[0].events == 1);
    CHECK(cut[3].events == 0);
}

TEST_CASE("timeline --stages draws the strip with every stage's name - without it, none", "[stages][timeline]") {
    auto r = loadCaseFile(test::sample("ashford-dhr.yaml"));
    REQUIRE(r.ok());
    ViewOptions vo;
    vo.stages = true;
    Document with = buildView(ViewCase::named(*r.model), ViewKind::Timeline, vo);
    vo.stages = false;
    Document without = buildView(ViewCase::named(*r.model), ViewKind::Timeline, vo);
    CHECK(anyTextStartsWith(with, "Homicide timeline"));
    CHECK_FALSE(anyTextStartsWith(without, "Homicide timeline"));
    for (int s = 1; s <= kStageCount; ++s) {
        INFO("stage " << s);
        CHECK(anyTextStartsWith(with, std::string(stageName(s))));
        // Each of the sample's eight stages has events: its band is labelled with a count.
        CHECK(anyTextStartsWith(with, std::string(stageShortName(s)) + " \u00b7 "));
    }
    CHECK(with.pages[0].heightPt > without.pages[0].heightPt + 90);
    // Every stage has a band (a shape tagged with the stage) drawn in the plot area.
    int bands = 0;
    for (auto& it : with.pages[0].items)
        if (auto* sh = std::get_if<ShapeItem>(&it); sh && sh->modelId.rfind("stage:", 0) == 0) ++bands;
    CHECK(bands == 16);   // a chip and a band per stage
}

TEST_CASE("the anonymised timeline keeps the stages, and stage spans print only what is published", "[stages][anonymise]") {
    auto r = loadCaseFile(test::sample("ashford-dhr.yaml"));
    REQUIRE(r.ok());
    AnonymisedCase a = anonymise(*r.model);
    int staged = 0;
    for (auto& e : a.data().events) staged += e.stage.has_value();
    CHECK(staged > 40);
    ViewOptions vo;
    vo.stages = true;
    Document d = buildView(a, ViewKind::Timeline, vo);
    // Dates are published to the month: a band's dates say months, never a day.
    CHECK(anyTextStartsWith(d, "Trigger \u00b7 Apr 2021 \u00b7 1 event"));
    Document named = buildView(ViewCase::named(*r.model), ViewKind::Timeline, vo);
    CHECK(anyTextStartsWith(named, "Trigger \u00b7 26 Apr 2021 \u00b7 1 event"));
}

TEST_CASE("the chronology table shows an event's stage", "[stages][chronology]") {
    auto r = load(kTwoStages);
    REQUIRE(r.ok());
    Document d = buildView(ViewCase::named(*r.model), ViewKind::Chronology, {});
    CHECK(anyTextReads(d, "Stage 4: Trigger"));
    CHECK(anyTextReads(d, "Stage 5: Escalation"));
    CHECK_FALSE(anyTextReads(d, "Stage 6"));
}

TEST_CASE("render --stages on the sample writes a PNG - the flag is in --help", "[stages][cli]") {
    test::TempDir dir("stages-cli");
    auto out = dir.file("t.png");
    auto r = test::runCli("render '" + test::sample("ashford-dhr.yaml") + "' --view timeline --stages --dpi 40 -o '" + out + "'");
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(std::filesystem::file_size(out) > 1000);
    CHECK(test::runCli("render --help").out.find("--stages") != std::string::npos);
}
