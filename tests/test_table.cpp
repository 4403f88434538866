// The one table engine of the printed annexes (figures/table): its measuring cache, line
// breaking, bands kept with their rows and resumed on a new page, split rows that repeat
// whose entry they continue, and the palette the chronology and the action plan share.
#include "core/figures/actions/actions_style.hpp"
#include "core/figures/chronology/chronology_rows.hpp"
#include "core/figures/table/table.hpp"
#include "core/figures/table/table_page.hpp"
#include "core/io/case_io.hpp"
#include "core/figures/views.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <set>

using namespace genochron;
using namespace genochron::table;

namespace {

std::string words(int n, const std::string& prefix) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + prefix + std::to_string(i);
    return s;
}

std::vector<const TextItem*> texts(const Scene& s) {
    std::vector<const TextItem*> out;
    for (const auto& it : s.items)
        if (auto* t = std::get_if<TextItem>(&it)) out.push_back(t);
    return out;
}

bool has(const Scene& s, const std::string& text) {
    for (auto* t : texts(s))
        if (t->text == text) return true;
    return false;
}

}  // namespace

TEST_CASE("table: the measuring cache never confuses two texts", "[table]") {
    TextStyle st;
    // Long texts that differ only in their last characters, and short ones: each gets its own width.
    const std::string stem = words(30, "w");
    for (const std::string tail : {"i", "iii", "WWW", "mmmm", ""}) {
        const std::string t = stem + tail;
        CHECK(measure(t, st).widthPt == Approx(measureText(t, st.sizePt).widthPt));
        CHECK(measure(tail, st).widthPt == Approx(measureText(tail, st.sizePt).widthPt));
    }
    TextStyle bold = st;
    bold.weight = FontWeight::Bold;
    CHECK(measure("Wessex", bold).widthPt > measure("Wessex", st).widthPt);
    // Wrapped measuring is keyed by the width too.
    CHECK(measure(stem, st, 100).heightPt > measure(stem, st, 400).heightPt);
}

TEST_CASE("table: lines are broken at spaces, no wider than the column, nothing lost", "[table]") {
    TextStyle st;
    const std::string text = words(120, "word") + " " + std::string(60, 'x') + "\n\nsecond paragraph";
    auto lines = wrapLines(text, st, 90);
    std::string back;
    for (auto& l : lines) {
        CHECK(measureText(l, st.sizePt).widthPt <= 90.01);
        back += l;
    }
    std::string expect = text;
    expect.erase(std::remove(expect.begin(), expect.end(), ' '), expect.end());
    expect.erase(std::remove(expect.begin(), expect.end(), '\n'), expect.end());
    back.erase(std::remove(back.begin(), back.end(), ' '), back.end());
    CHECK(back == expect);
    // The blank line between the paragraphs is kept.
    CHECK(std::find(lines.begin(), lines.end(), std::string()) != lines.end());
}

TEST_CASE("table: a band stays with the row under it and is named again where its rows resume", "[table]") {
    TableStyle ts;
    ts.continuedBand.italic = true;
    Table tbl({Column{"A", 120, std::nullopt}, Column{"B", 200, std::nullopt}}, ts);
    std::vector<Row> rows;
    for (int b = 0; b < 3; ++b) {
        Row band;
        band.kind = Row::Kind::Band;
        band.cells = {Cell{{Para{fmt::format("Band {}", b), ts.band, 0, std::nullopt}}}};
        band.continuedLabel = fmt::format("Band {} (continued)", b);
        rows.push_back(band);
        for (int r = 0; r < 6; ++r) {
            Row row;
            row.modelId = fmt::format("b{}r{}", b, r);
            row.cells = {Cell{{Para{row.modelId, {}, 0, std::nullopt}}}, Cell{{Para{words(20, "z"), {}, 0, std::nullopt}}}};
            rows.push_back(row);
        }
    }
    const double rowH = tbl.rowHeight(rows[1]);
    auto pages = tbl.paginate(rows, 0, 0, 4.5 * rowH);
    REQUIRE(pages.size() >= 4);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto& fr = pages[p].fragments;
        REQUIRE_FALSE(fr.empty());
        // A page never ends with a band (it is kept with its first row).
        CHECK_FALSE((rows[fr.back().row].kind == Row::Kind::Band && !fr.back().bandResumed));
        // A page that starts inside a band's rows says which band first.
        if (p > 0 && rows[fr.front().row].kind == Row::Kind::Body) CHECK(fr.front().bandResumed);
        if (fr.front().bandResumed) CHECK(rows[fr.front().row].kind == Row::Kind::Band);
    }
}

TEST_CASE("actions: a split action repeats its id and lead, marked continued on both sides", "[table][actions]") {
    std::string yaml = "format: genochron/1\ncase:\n  title: \"Split test\"\nagencies:\n  - {id: police, name: \"Test Police\", kind: police}\n"
                       "recommendations:\n  - id: R1\n    text: \"One recommendation.\"\n    actions:\n"
                       "      - id: R1.1\n        text: \"" +
                       words(1500, "w") + "\"\n        lead: police\n        status: in_progress\n";
    auto res = loadCaseString(yaml, "split.yaml");
    REQUIRE(res.ok());
    ViewOptions o;
    o.todayDays = daysFromCivil(2025, 1, 1);
    Document d = buildActionsView(ViewCase::named(*res.model), o);
    REQUIRE(d.pages.size() >= 3);
    std::vector<std::string> got;
    for (std::size_t i = 0; i < d.pages.size(); ++i) {
        const Scene& s = d.pages[i];
        INFO("page " << i + 1);
        if (i + 1 < d.pages.size()) CHECK(has(s, "continued on the next page \u25B8"));
        if (i > 0) {
            CHECK(has(s, "\u25C2 continued from the previous page"));
            CHECK(has(s, "Recommendation R1 (continued)"));
            // The id and the lead agency stand on every piece, so a page says whose action it is.
            bool id = false, lead = false;
            for (auto* t : texts(s)) {
                id |= t->modelId == "R1.1" && t->text == "R1.1";
                lead |= t->modelId == "R1.1" && t->text == "Test Police";
            }
            CHECK(id);
            CHECK(lead);
        }
        for (auto* t : texts(s))
            if (t->modelId == "R1.1")
                for (std::size_t p = 0, q; p < t->text.size(); p = q + 1) {
                    q = t->text.find(' ', p);
                    if (q == std::string::npos) q = t->text.size();
                    std::string w = t->text.substr(p, q - p);
                    if (w.size() > 1 && w[0] == 'w' && std::isdigit(static_cast<unsigned char>(w[1]))) got.push_back(w);
                }
    }
    REQUIRE(got.size() == 1500);   // nothing lost, nothing repeated
    for (int i = 0; i < 1500; ++i) REQUIRE(got[std::size_t(i)] == "w" + std::to_string(i));
}

TEST_CASE("table: the chronology and the action plan share one palette", "[table]") {
    for (Theme t : {Theme::Colour, Theme::Print}) {
        const table::Palette& a = chron::paletteFor(t);
        const table::Palette& b = actions::paletteFor(t);
        CHECK(a.headerFill == b.headerFill);
        CHECK(a.headerText == b.headerText);
        CHECK(a.rule == b.rule);
        CHECK(a.text == b.text);
        CHECK(a.muted == b.muted);
        CHECK(a.bandFill == b.bandFill);
    }
}
