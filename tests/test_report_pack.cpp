// The report pack (report_pack.cpp, report_pack_figures.cpp, report_pack_write.cpp): printable
// margins on every page, one running header and footer with one numbering over the whole pack,
// the protective marking, a legible genogram, the action plan's position fixed by --as-of, the
// size limit, and the action fields the annex shows (outcome, evidence, milestones).
#include "core/io/case_io.hpp"
#include "core/model/diagnostics.hpp"
#include "core/publish/detail/report_pack_parts.hpp"
#include "core/publish/report_pack_write.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <functional>
#include <regex>

using namespace genochron;
using namespace genochron::test;

namespace {

const long kAsOf = daysFromCivil(2025, 1, 1);
constexpr double kMinMarginPt = 12 / 25.4 * 72;   // 12 mm

Case sampleCase() {
    auto res = loadCaseFile(sample("ashford-dhr.yaml"));
    REQUIRE(res.ok());
    Case c = *res.model;
    if (!c.publication) c.publication.emplace();
    c.publication->marking = "OFFICIAL-SENSITIVE";
    return c;
}

// An adversarial fictional case: a title pasted from Word (non-breaking space, zero-width
// joiner, curly quotes), names that are also words (Dawn, Hope, Bright), an action whose outcome and milestones name
// the people, a marking with a soft hyphen.
const char* kSmall = "format: genochron/1\n"
                     "case:\n"
                     "  title: \"Review:\\u00a0\\u201cDawn\\u201d \\u200dHope\"\n"
                     "  kind: DHR\n"
                     "  reference_date: 2021-06-14\n"
                     "  scope: {from: 2014-01, to: 2021-06-14}\n"
                     "publication: {marking: \"OFFICIAL\\u00adSENSITIVE\"}\n"
                     "agencies:\n"
                     "  - {id: police, name: Test Police, kind: police}\n"
                     "people:\n"
                     "  - {id: dawn, name: Dawn Hope, pseudonym: Rowan, sex: female, born: 1990-02-03, roles: [victim], "
                     "index: true}\n"
                     "  - {id: lee, name: Lee Bright, pseudonym: Ash, sex: male, roles: [perpetrator]}\n"
                     "partnerships:\n"
                     "  - {partners: [dawn, lee], status: cohabiting, from: 2018}\n"
                     "events:\n"
                     "  - {id: e1, date: 2019-05-03, agency: police, what: \"Police attended Dawn Hope's flat.\", "
                     "people: [dawn, lee], missed_opportunity: \"No DASH\"}\n"
                     "recommendations:\n"
                     "  - id: R1\n"
                     "    text: \"Police to complete a DASH at every incident.\"\n"
                     "    scope: local\n"
                     "    addresses: [e1]\n"
                     "    actions:\n"
                     "      - id: R1.1\n"
                     "        text: \"Audit DASH completion\"\n"
                     "        lead: police\n"
                     "        owner: \"Head of Public Protection\"\n"
                     "        target: 2024-06-30\n"
                     "        status: in_progress\n"
                     "        outcome: \"Victims like Dawn Hope are assessed away from Lee Bright\"\n"
                     "        evidence: \"Quarterly audit report to the CSP\"\n"
                     "        milestones:\n"
                     "          - {date: 2024-01-31, text: \"Audit tool agreed\", done: true}\n"
                     "          - {date: 2024-05-31, text: \"First audit of Dawn's cohort\"}\n"
                     "        updates:\n"
                     "          - {date: 2024-02-15, text: \"Tool in use.\"}\n";

Case smallCase() {
    auto r = loadCaseString(kSmall, "small.yaml");
    INFO(r.diagnostics.items().size());
    REQUIRE(r.ok());
    return *r.model;
}

Rect cut(const Rect& a, const Rect& b) {
    const double x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    return {x0, y0, std::max(0.0, std::min(a.right(), b.right()) - x0), std::max(0.0, std::min(a.bottom(), b.bottom()) - y0)};
}

bool holds(const Rect& outer, const Rect& r) {
    return r.x >= outer.x && r.y >= outer.y && r.right() <= outer.right() && r.bottom() <= outer.bottom();
}

struct Box {
    Rect r;
    std::string what;
};

// Everything a page draws, as boxes on the page (clipped where the page clips).
std::vector<Box> drawn(const Scene& s) {
    std::vector<Box> out;
    std::vector<Rect> clips;
    for (auto& it : s.items) {
        std::optional<Rect> b;
        std::string what;
        if (auto* c = std::get_if<ClipPush>(&it)) {
            clips.push_back(clips.empty() ? c->rect : cut(clips.back(), c->rect));
            continue;
        }
        if (std::holds_alternative<ClipPop>(it)) {
            if (!clips.empty()) clips.pop_back();
            continue;
        }
        if (auto* sh = std::get_if<ShapeItem>(&it)) {
            if (sh->path.empty()) continue;
            b = sh->path.bounds().inflated(sh->paint.stroke ? sh->paint.lineWidth / 2 : 0);
            what = "shape";
        } else if (auto* t = std::get_if<TextItem>(&it)) {
            if (t->text.empty()) continue;
            TextExtent e = measureText(t->text, t->sizePt, t->weight, t->italic, t->maxWidthPt);
            double w = e.widthPt;
            double x = t->at.x - (t->halign == HAlign::Center ? w / 2 : t->halign == HAlign::Right ? w : 0);
            double y = t->at.y - (t->valign == VAlign::Middle   ? e.heightPt / 2
                                  : t->valign == VAlign::Baseline ? e.baselinePt
                                  : t->valign == VAlign::Bottom   ? e.heightPt
                                                                  : 0);
            b = Rect{x, y, w, e.heightPt};
            what = "text '" + t->text + "'";
        }
        if (!b) continue;
        if (!clips.empty()) {
            if (!b->intersects(clips.back())) continue;
            b = cut(*b, clips.back());
        }
        out.push_back({*b, what});
    }
    return out;
}

std::vector<const TextItem*> texts(const Scene& s) {
    std::vector<const TextItem*> out;
    for (auto& it : s.items)
        if (auto* t = std::get_if<TextItem>(&it)) out.push_back(t);
    return out;
}

Pack anonymisedPack(const Case& c, const AnonymisedCase& a, PackOptions o = {}) {
    (void)c;
    o.todayDays = kAsOf;
    return buildReportPack(a, o);
}

}  // namespace

TEST_CASE("every page of the pack keeps 12 mm clear at each edge", "[pack][layout]") {
    Case c = sampleCase();
    AnonymisedCase a = anonymise(c);
    for (bool landscape : {true, false}) {
        PackOptions o;
        o.landscape = landscape;
        Pack p = anonymisedPack(c, a, o);
        REQUIRE(p.document.pages.size() > 10);
        int checked = 0;
        for (std::size_t i = 0; i < p.document.pages.size(); ++i) {
            const Scene& s = p.document.pages[i];
            const Rect inside{kMinMarginPt - 0.01, kMinMarginPt - 0.01, s.widthPt - 2 * kMinMarginPt + 0.02,
                              s.heightPt - 2 * kMinMarginPt + 0.02};
            for (auto& b : drawn(s)) {
                // The page's own white background may fill it edge to edge.
                if (b.what == "shape" && b.r.w >= s.widthPt - 1 && b.r.h >= s.heightPt - 1) continue;
                INFO("page " << i + 1 << (landscape ? " landscape: " : " portrait: ") << b.what << " at " << b.r.x
                              << "," << b.r.y << " " << b.r.w << "x" << b.r.h << " on " << s.widthPt << "x"
                              << s.heightPt);
                CHECK(b.r.x >= inside.x);
                CHECK(b.r.y >= inside.y);
                CHECK(b.r.right() <= inside.right());
                CHECK(b.r.bottom() <= inside.bottom());
                ++checked;
            }
        }
        CHECK(checked > 1000);
    }
}

TEST_CASE("one numbering, the title and the marking on every page", "[pack][layout]") {
    Case c = sampleCase();
    AnonymisedCase a = anonymise(c);
    Pack p = anonymisedPack(c, a);
    const std::size_t n = p.document.pages.size();
    const std::regex pageOf(R"(Page \d+ of \d+)", std::regex::icase);
    for (std::size_t i = 0; i < n; ++i) {
        INFO("page " << i + 1);
        int numbers = 0, markings = 0, titles = 0;
        std::string number;
        for (auto* t : texts(p.document.pages[i])) {
            if (std::regex_search(t->text, pageOf)) {
                ++numbers;
                number = t->text;
            }
            markings += t->text == "OFFICIAL-SENSITIVE";
            titles += t->text == "Domestic Homicide Review: Kerry";
        }
        CHECK(numbers == 1);   // no table's own "Page 1 of 14" besides the pack's
        CHECK(number == fmt::format("Page {} of {}", i + 1, n));
        CHECK(markings == 2);  // at the top and at the foot
        CHECK(titles >= 1);
        CHECK(p.document.pages[i].pageLabel == number);
    }
    // Sections follow each other without gaps, after the cover, and the bookmarks point at them.
    int next = 1;
    for (auto& s : p.sections) {
        CHECK(s.firstPage == next);
        CHECK(s.pages >= 1);
        CHECK(s.problem.empty());
        next += s.pages;
    }
    CHECK(next == int(n));
    for (auto& s : p.sections) {
        bool found = false;
        for (auto& [page, title] : p.document.outline) found |= page == s.firstPage && title == s.title;
        CHECK(found);
    }
}

TEST_CASE("no genogram text under 7 pt at print size, and the contents says how it is printed", "[pack][genogram]") {
    Case c = sampleCase();
    AnonymisedCase a = anonymise(c);
    Pack p = anonymisedPack(c, a);
    const PackSection* g = nullptr;
    for (auto& s : p.sections)
        if (s.title == "Genogram") g = &s;
    REQUIRE(g);
    int people = 0;
    for (int i = g->firstPage; i < g->firstPage + g->pages; ++i) {
        const Scene& s = p.document.pages[std::size_t(i)];
        for (auto* t : texts(s)) {
            INFO("page " << i + 1 << ": '" << t->text << "' at " << t->sizePt << " pt");
            CHECK(t->sizePt >= pack::kMinGenogramTextPt - 1e-6);
            people += t->text == "Child 1";
        }
    }
    CHECK(people >= 1);
    // A figure printed on A3 says so in the contents.
    const Scene& first = p.document.pages[std::size_t(g->firstPage)];
    const bool a3 = std::max(first.widthPt, first.heightPt) > 1000;
    CHECK(a3 == !g->note.empty());
    if (a3) {
        bool said = false;
        for (auto* t : texts(p.document.pages[0])) said |= t->text.find(g->note) != std::string::npos;
        CHECK(said);
    }
}

TEST_CASE("a split genogram never cuts a name and marks where it continues", "[pack][genogram]") {
    // A scene too wide for A3 at 7 pt: a row of 60 labelled people.
    Scene fig;
    fig.widthPt = 60 * 40;
    fig.heightPt = 120;
    for (int i = 0; i < 60; ++i) {
        fig.add(Path::rect({i * 40.0 + 10, 20, 20, 20}), Paint::stroked(Color::rgb(0), 1));
        TextItem t;
        t.text = fmt::format("P{}", i);
        t.at = {i * 40.0 + 20, 46};
        t.sizePt = 5;
        t.halign = HAlign::Center;
        t.valign = VAlign::Top;
        fig.text(t);
    }
    pack::FigurePages fp = pack::genogramPages(fig, true, 1);
    REQUIRE(fp.pages.size() >= 2);
    CHECK(fp.note.find("split over") != std::string::npos);
    std::map<std::string, int> seen;   // each label whole on at least one page
    for (std::size_t i = 0; i < fp.pages.size(); ++i) {
        std::optional<Rect> clip;
        bool continues = false;
        for (auto& it : fp.pages[i].items) {
            if (auto* c = std::get_if<ClipPush>(&it)) clip = c->rect;
            if (auto* t = std::get_if<TextItem>(&it)) {
                CHECK(t->sizePt >= 7 - 1e-6);
                continues |= t->text.find("page ") != std::string::npos;
                if (t->text.size() <= 3 && t->text[0] == 'P' && clip) {
                    TextExtent e = measureText(t->text, t->sizePt);
                    Rect b{t->at.x - e.widthPt / 2, t->at.y, e.widthPt, e.heightPt};
                    if (holds(*clip, b)) seen[t->text]++;
                    else CHECK_FALSE(clip->intersects(b));   // never half a name
                }
            }
        }
        CHECK(continues);
    }
    CHECK(seen.size() == 60);
}

TEST_CASE("the action plan's position is the --as-of day, not the clock", "[pack][asof]") {
    Case c = smallCase();
    auto coverSays = [&](long day) {
        PackOptions o;
        o.todayDays = day;
        Pack p = buildReportPack(ViewCase::named(c), o);
        std::string all;
        for (auto* t : texts(p.document.pages[0])) all += t->text + "\n";
        for (auto& s : p.document.pages)
            for (auto* t : texts(s)) all += t->text + "\n";
        return all;
    };
    std::string before = coverSays(daysFromCivil(2024, 3, 1)), after = coverSays(daysFromCivil(2024, 9, 1));
    CHECK(before.find("given on 1 Mar 2024") != std::string::npos);
    CHECK(after.find("given on 1 Sep 2024") != std::string::npos);
    CHECK(before.find("\u26A0 OVERDUE\n") == std::string::npos);   // the pill on an overdue row
    CHECK(after.find("\u26A0 OVERDUE\n") != std::string::npos);
    CHECK(coverSays(daysFromCivil(2024, 9, 1)) == after);   // built again: the same
}

TEST_CASE("pack, render and check take an as-of day - a bad day is an error before anything is written", "[pack][asof][cli]") {
    TempDir d("pack-asof");
    std::string cs = d.write("small.yaml", kSmall);
    auto bad = runCli(fmt::format("pack '{}' -q --as-of 2024-02-30 -o '{}'", cs, d.file("p.pdf")));
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("--as-of '2024-02-30'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(d.file("p.pdf")));
    auto vague = runCli(fmt::format("render '{}' --view actions --as-of 2024 -o '{}'", cs, d.file("a.pdf")));
    CHECK(vague.exitCode == 2);
    CHECK(vague.err.find("YYYY-MM-DD") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(d.file("a.pdf")));
    auto early = runCli(fmt::format("check '{}' --as-of 2024-03-01 --no-language --no-publication", cs));
    auto late = runCli(fmt::format("check '{}' --as-of 2024-09-01 --no-language --no-publication", cs));
    INFO(early.out << "\n---\n" << late.out);
    CHECK(early.out.find("overdue") == std::string::npos);
    CHECK(late.out.find("overdue") != std::string::npos);
    auto ok = runCli(fmt::format("pack '{}' -q --anonymise --as-of 2024-09-01 -o '{}'", cs, d.file("p.pdf")));
    INFO(ok.err);
    CHECK(ok.exitCode == 0);
    CHECK(std::filesystem::file_size(d.file("p.pdf")) > 1000);
}

TEST_CASE("a pack over the size limit warns, and with --strict is refused with nothing written", "[pack][size]") {
    TempDir d("pack-size");
    Case c = smallCase();
    PackWriteOptions o;
    o.pack.todayDays = kAsOf;
    o.anonymise = true;
    o.limitBytes = 2000;   // any pack is over this
    PackReport r = writeReportPack(c, o, d.file("warn.pdf"));
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("under") != std::string::npos);
    CHECK(std::filesystem::exists(d.file("warn.pdf")));
    CHECK(r.pages >= 4);
    o.strict = true;
    CHECK_THROWS_WITH(writeReportPack(c, o, d.file("strict.pdf")), Catch::Contains("--strict"));
    CHECK_FALSE(std::filesystem::exists(d.file("strict.pdf")));
    o.limitBytes = 20u << 20;
    PackReport fine = writeReportPack(c, o, d.file("fine.pdf"));
    CHECK(fine.warnings.empty());
}

TEST_CASE("outcome, evidence, milestones and the marking are read, written back and anonymised", "[pack][io]") {
    Case c = smallCase();
    REQUIRE(c.publication);
    CHECK(c.publication->marking == "OFFICIAL\u00adSENSITIVE");
    const Action& a = c.recommendations.at(0).actions.at(0);
    CHECK(a.outcome == "Victims like Dawn Hope are assessed away from Lee Bright");
    CHECK(a.evidence == "Quarterly audit report to the CSP");
    REQUIRE(a.milestones.size() == 2);
    CHECK(a.milestones[0].done);
    CHECK_FALSE(a.milestones[1].done);
    CHECK(a.milestones[1].date.earliestDay() == daysFromCivil(2024, 5, 31));
    // Saved and loaded again: the same case.
    auto again = loadCaseString(saveCaseToString(c), "again.yaml");
    REQUIRE(again.ok());
    CHECK(*again.model == c);
    // Anonymised: the free text names no one.
    AnonymisedCase an = anonymise(c);
    const Action& b = an.data().recommendations.at(0).actions.at(0);
    CHECK(b.outcome.find("Dawn Hope") == std::string::npos);
    CHECK(b.outcome.find("Lee Bright") == std::string::npos);
    CHECK(b.outcome.find("Rowan") != std::string::npos);
    REQUIRE(b.milestones.size() == 2);
    CHECK(b.milestones[1].text.find("Dawn") == std::string::npos);
    // A milestone without a date is an error at its position.
    std::string bad = kSmall;
    bad.replace(bad.find("{date: 2024-01-31, "), 19, "{");
    auto r = loadCaseString(bad, "bad.yaml");
    bool placed = false;
    for (auto& dg : r.diagnostics.items()) placed |= dg.line > 0 && dg.message.find("milestones") != std::string::npos;
    CHECK(placed);
}

// ---------------------------------------------------------------- annexes, structure, bookmarks

#include <cairo-pdf.h>
#define POINTERHOLDER_TRANSITION 4   // qpdf: std::shared_ptr throughout
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

namespace {

// A fictional QA Panel letter: an A4 portrait page and an A4 landscape page of text, titled.
std::string writeLetter(const TempDir& d, const std::string& name, const std::string& body) {
    std::string path = d.file(name);
    cairo_surface_t* s = cairo_pdf_surface_create(path.c_str(), 595.28, 841.89);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Feedback from the Home Office Quality Assurance Panel");
    cairo_t* cr = cairo_create(s);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    cairo_move_to(cr, 72, 100);
    cairo_show_text(cr, body.c_str());
    cairo_show_page(cr);
    cairo_pdf_surface_set_size(s, 841.89, 595.28);
    cairo_move_to(cr, 72, 100);
    cairo_show_text(cr, "Second page of the letter");
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return path;
}

struct Popen {
    std::string out;
    explicit Popen(const std::string& cmd) {
        FILE* p = ::popen(cmd.c_str(), "r");
        if (!p) return;
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
        ::pclose(p);
    }
};

}  // namespace

TEST_CASE("an annexed PDF comes at the end as its own pages, text intact, in the contents and bookmarks",
          "[pack][annex]") {
    TempDir d("pack-annex");
    std::string letter = writeLetter(d, "letter.pdf", "The Panel thanks the chair for a thorough review.");
    Case c = smallCase();
    PackWriteOptions o;
    o.pack.todayDays = kAsOf;
    o.anonymise = true;
    o.pack.annexes.push_back({letter, "", {}});
    o.pack.annexes.push_back({letter, "Executive summary", {}});
    PackReport r = writeReportPack(c, o, d.file("pack.pdf"));
    CHECK(r.warnings.empty());
    REQUIRE(r.sections.size() >= 6);
    const PackSection& a = r.sections[r.sections.size() - 2];
    const PackSection& b = r.sections.back();
    CHECK(a.annex);
    CHECK(a.title == "Annex A: Feedback from the Home Office Quality Assurance Panel");
    CHECK(b.title == "Annex B: Executive summary");
    CHECK(a.pages == 2);
    CHECK(b.firstPage == a.firstPage + 2);
    CHECK(r.pages == b.firstPage + 2);

    QPDF q;
    q.processFile(d.file("pack.pdf").c_str());
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    CHECK(int(pages.size()) == r.pages);
    // The letter's pages are the last ones, the landscape one on a landscape page.
    auto box = [&](int i) { return pages[std::size_t(i)].getMediaBox().getArrayAsRectangle(); };
    CHECK(box(a.firstPage).ury > box(a.firstPage).urx);
    CHECK(box(a.firstPage + 1).ury < box(a.firstPage + 1).urx);
    // Its text is still text (not a picture of it), on its page, with the pack's footer.
    Popen text(fmt::format("pdftotext -layout -f {0} -l {0} '{1}' -", a.firstPage + 1, d.file("pack.pdf")));
    CHECK(text.out.find("The Panel thanks the chair for a thorough review.") != std::string::npos);
    // Where the letter put it (100 pt down an 842 pt page), right way up: near the top of the
    // pack's page, not mirrored to the bottom by the page's own transformation.
    Popen bbox(fmt::format("pdftotext -bbox -f {0} -l {0} '{1}' -", a.firstPage + 1, d.file("pack.pdf")));
    std::smatch m;
    REQUIRE(std::regex_search(bbox.out, m, std::regex(R"re(yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">thanks<)re")));
    const double yMin = std::stod(m[1].str()), yMax = std::stod(m[2].str());
    INFO(yMin);
    CHECK(yMin > 36);    // below the header
    CHECK(yMin < 180);   // near the top, as in the letter
    CHECK(yMax - yMin < 20);
    CHECK(text.out.find(fmt::format("Page {} of {}", a.firstPage + 1, r.pages)) != std::string::npos);
    Popen cover(fmt::format("pdftotext -f 1 -l 1 '{}' -", d.file("pack.pdf")));
    CHECK(cover.out.find("Annex A: Feedback from the Home Office Quality Assurance Panel") != std::string::npos);
    // Bookmarks: one for every section, the annexes' at their first pages.
    std::map<std::string, int> marks;
    QPDFOutlineDocumentHelper outlines(q);
    for (auto& ol : outlines.getTopLevelOutlines()) {
        QPDFObjectHandle dest = ol.getDestPage();
        int page = -1;
        for (std::size_t i = 0; i < pages.size(); ++i)
            if (pages[i].getObjectHandle().getObjGen() == dest.getObjGen()) page = int(i);
        marks[ol.getTitle()] = page;
    }
    for (auto& s : r.sections) {
        INFO(s.title);
        REQUIRE(marks.count(s.title));
        CHECK(marks[s.title] == s.firstPage);
    }
    // The document: title, language, tagged, each figure with its alternative text.
    QPDFObjectHandle root = q.getRoot();
    CHECK(root.getKey("/Lang").getUTF8Value() == "en-GB");
    CHECK(q.getTrailer().getKey("/Info").getKey("/Title").getUTF8Value().find("Review:") == 0);
    CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
    REQUIRE(root.getKey("/StructTreeRoot").isDictionary());
    // Poppler reads the structure back: one Document at the root, nothing it calls wrong.
    Popen st(fmt::format("pdfinfo -struct '{}' 2>&1", d.file("pack.pdf")));
    INFO(st.out.substr(0, 2000));
    CHECK(st.out.find("Document") != std::string::npos);
    CHECK(st.out.find("Figure") != std::string::npos);
    CHECK(st.out.find("Warning") == std::string::npos);
    CHECK(root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
}

TEST_CASE("a bad annex stops the pack before anything is written", "[pack][annex]") {
    TempDir d("pack-badannex");
    Case c = smallCase();
    PackWriteOptions o;
    o.pack.todayDays = kAsOf;
    o.pack.annexes.push_back({d.write("notes.pdf", "Dear chair,\r\nthis is a Word file saved as .pdf\r\n"), "", {}});
    CHECK_THROWS_WITH(writeReportPack(c, o, d.file("pack.pdf")), Catch::Contains("notes.pdf") && Catch::Contains("cannot be read as a PDF"));
    CHECK_FALSE(std::filesystem::exists(d.file("pack.pdf")));
    o.pack.annexes[0].path = d.file("missing.pdf");
    CHECK_THROWS_WITH(writeReportPack(c, o, d.file("pack.pdf")), Catch::Contains("missing.pdf"));
    CHECK_FALSE(std::filesystem::exists(d.file("pack.pdf")));
}

TEST_CASE("an annex that names someone is refused in an anonymised pack", "[pack][annex][audit]") {
    TempDir d("pack-namedannex");
    Case c = smallCase();
    PackWriteOptions o;
    o.pack.todayDays = kAsOf;
    o.anonymise = true;
    o.pack.annexes.push_back({writeLetter(d, "letter.pdf", "The Panel notes what happened to Dawn Hope."), "QA letter", {}});
    CHECK_THROWS(writeReportPack(c, o, d.file("pack.pdf")));
    CHECK_FALSE(std::filesystem::exists(d.file("pack.pdf")));
    o.anonymise = false;   // for the panel: kept
    CHECK_NOTHROW(writeReportPack(c, o, d.file("pack.pdf")));
}

TEST_CASE("every figure is a tagged Figure with alternative text from the anonymised case", "[pack][a11y]") {
    TempDir d("pack-tags");
    Case c = sampleCase();
    PackWriteOptions o;
    o.pack.todayDays = kAsOf;
    o.anonymise = true;
    writeReportPack(c, o, d.file("pack.pdf"));
    QPDF q;
    q.processFile(d.file("pack.pdf").c_str());
    std::vector<std::string> alts;
    std::function<void(QPDFObjectHandle, int)> walk = [&](QPDFObjectHandle n, int depth) {
        if (depth > 100) return;
        if (n.isArray())
            for (int i = 0; i < n.getArrayNItems(); ++i) walk(n.getArrayItem(i), depth + 1);
        if (!n.isDictionary()) return;
        if (n.getKey("/S").isName() && n.getKey("/S").getName() == "/Figure") {
            CHECK(n.getKey("/Alt").isString());
            if (n.getKey("/Alt").isString()) alts.push_back(n.getKey("/Alt").getUTF8Value());
        }
        walk(n.getKey("/K"), depth + 1);
    };
    walk(q.getRoot().getKey("/StructTreeRoot").getKey("/K"), 0);
    REQUIRE(alts.size() >= 2);
    INFO(alts[0]);
    CHECK(alts[0].find("Genogram of 23 people over four generations, with one pregnancy.") != std::string::npos);
    bool timeline = false;
    CHECK(alts[0].find("Kerry") != std::string::npos);   // the pseudonym the sample publishes
    for (auto& a : alts) timeline |= a.find("Multi-agency timeline") != std::string::npos;
    CHECK(timeline);
}
