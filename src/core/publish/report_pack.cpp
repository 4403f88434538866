// [SECTION] running header and footer
// [SECTION] cover and contents
// [SECTION] the pack: sections in order, then the annexes, then numbering
#include "core/publish/report_pack.hpp"

#include "core/figures/actions/actions_style.hpp"
#include "core/figures/chronology/chronology_rows.hpp"
#include "core/figures/table/table_page.hpp"
#include "core/model/diagnostics.hpp"
#include "core/publish/detail/report_pack_parts.hpp"

#include <fmt/format.h>

namespace genochron {

using namespace pack;

namespace {

// ---------------------------------------------------------------- [SECTION] header and footer

const Color kInk = Color::rgb(0x1a1a1a), kMuted = Color::rgb(0x4a5260), kRule = Color::rgb(0xb8bfc9);

TextItem text(std::string s, Point at, double size, FontWeight w = FontWeight::Normal, double maxWidth = 0,
              Color color = kInk) {
    TextItem t;
    t.text = std::move(s);
    t.at = at;
    t.sizePt = size;
    t.weight = w;
    t.valign = VAlign::Top;
    t.maxWidthPt = maxWidth;
    t.color = color;
    return t;
}

// The text cut to one line no wider than `width`, with an ellipsis where it is cut.
std::string oneLine(const std::string& s, double size, FontWeight w, double width) {
    if (measureText(s, size, w).widthPt <= width) return s;
    std::string t = s;
    while (!t.empty()) {
        do t.pop_back();
        while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80);
        if (!t.empty()) t.pop_back();
        if (measureText(t + "\u2026", size, w).widthPt <= width) return t + "\u2026";
    }
    return "";
}

struct Furniture {
    std::string title, marking, status;
    bool named = false;
};

void drawFurniture(Scene& s, const Furniture& f, const std::string& section, int page, int pages) {
    const double x0 = kMarginPt, x1 = s.widthPt - kMarginPt, w = x1 - x0;
    const double markW = f.marking.empty() ? 0 : measureText(f.marking, 8.5, FontWeight::Bold).widthPt;
    const double side = (w - markW) / 2 - 12;
    // Header: the review's title, the marking, the section.
    const double top = kMarginPt;
    s.text(text(oneLine(f.title, 7.5, FontWeight::Normal, side), {x0, top}, 7.5, FontWeight::Normal, 0, kMuted));
    if (!f.marking.empty()) {
        TextItem m = text(f.marking, {x0 + w / 2, top - 0.5}, 8.5, FontWeight::Bold);
        m.halign = HAlign::Center;
        s.text(std::move(m));
    }
    TextItem sec = text(oneLine(section, 7.5, FontWeight::Normal, side), {x1, top}, 7.5, FontWeight::Normal, 0, kMuted);
    sec.halign = HAlign::Right;
    s.text(std::move(sec));
    s.add(Path().moveTo({x0, top + 13}).lineTo({x1, top + 13}), Paint::stroked(kRule, 0.5));
    // Footer: what the pack is, the marking again, the page.
    const double foot = s.heightPt - kMarginPt - 10;
    s.add(Path().moveTo({x0, foot - 5}).lineTo({x1, foot - 5}), Paint::stroked(kRule, 0.5));
    s.text(text(oneLine(f.status, 7.5, f.named ? FontWeight::Bold : FontWeight::Normal, side), {x0, foot}, 7.5,
                f.named ? FontWeight::Bold : FontWeight::Normal, 0, f.named ? Color::rgb(0xb00020) : kMuted));
    if (!f.marking.empty()) {
        TextItem m = text(f.marking, {x0 + w / 2, foot - 0.5}, 8.5, FontWeight::Bold);
        m.halign = HAlign::Center;
        s.text(std::move(m));
    }
    s.pageLabel = fmt::format("Page {} of {}", page + 1, pages);
    TextItem pg = text(s.pageLabel, {x1, foot}, 7.5, FontWeight::Normal, 0, kInk);
    pg.halign = HAlign::Right;
    s.text(std::move(pg));
}

// ---------------------------------------------------------------- [SECTION] cover and contents

Scene coverPage(const ViewCase& vc, const Paper& paper, const std::vector<PackSection>& sections, long today,
                std::vector<StructTag>& tags) {
    const Case& c = vc.data();
    Scene s = blankPage(paper);
    const Rect b = bodyOf(paper.w, paper.h);
    const double x = b.x + 24, width = b.w - 48;
    double y = b.y + 24;
    s.add(Path::rect({x, y, 60, 4}), Paint::filled(Color::rgb(0x6a3d9a)));
    y += 14;
    s.text(text(std::string(toString(c.info.kind)) + " report pack", {x, y}, 12));
    y += 22;
    const std::string title = c.info.title.empty() ? "Untitled review" : c.info.title;
    tags.push_back({"H1", s.items.size(), s.items.size() + 1});
    s.text(text(title, {x, y}, 22, FontWeight::Bold, width));
    y += measureText(title, 22, FontWeight::Bold, false, width).heightPt + 8;
    if (!c.info.partnership.empty()) {
        s.text(text(c.info.partnership, {x, y}, 12.5, FontWeight::Normal, width));
        y += measureText(c.info.partnership, 12.5, FontWeight::Normal, false, width).heightPt + 6;
    }
    const std::string mode = vc.anonymised()
                                 ? "Anonymised for publication: pseudonyms, no date of death, children's sex hidden, "
                                   "dates coarsened, unpublished events left out."
                                 : "CONTAINS REAL NAMES AND DATES. For the review panel only; not for publication.";
    TextItem m = text(mode, {x, y + 4}, 10.5, FontWeight::Bold, width, vc.anonymised() ? Color::rgb(0x1b5e20)
                                                                                          : Color::rgb(0xb00020));
    s.text(m);
    y += measureText(mode, 10.5, FontWeight::Bold, false, width).heightPt + 10;
    const std::string asOf = fmt::format("The action plan's position is given on {}.", Date::fromDays(today).humanLabel());
    s.text(text(asOf, {x, y}, 9.5, FontWeight::Normal, width, kMuted));
    y += 24;
    s.text(text("Contents", {x, y}, 14, FontWeight::Bold));
    y += 22;
    for (auto& sec : sections) {
        std::string name = sec.title;
        if (!sec.note.empty()) name += "  (" + sec.note + ")";
        if (!sec.problem.empty()) name += "  (could not be drawn)";
        s.text(text(oneLine(name, 10.5, FontWeight::Normal, width - 90), {x + 10, y}, 10.5));
        std::string pages = sec.pages > 1 ? fmt::format("pages {}\u2013{}", sec.firstPage + 1, sec.firstPage + sec.pages)
                                          : fmt::format("page {}", sec.firstPage + 1);
        TextItem pg = text(pages, {x + width, y}, 10.5);
        pg.halign = HAlign::Right;
        s.text(std::move(pg));
        s.add(Path().moveTo({x + 10, y + 14.5}).lineTo({x + width, y + 14.5}), Paint::stroked(Color::rgb(0xdddddd), 0.5));
        y += 19.5;
    }
    y += 14;
    const std::vector<std::string> notes = {
        "Reading the figures. The genogram uses McGoldrick's notation; its key lists only the symbols it uses.",
        "The timeline keeps what agencies recorded apart from what family, friends and others told the review.",
        "Missed opportunities are numbered MO1, MO2, ... in date order; the same numbers appear in the timeline, the "
        "chronology, the index of missed opportunities and the action plan.",
        "Dates are shown as precisely as they are known: 'c.' marks an approximate date, and ranges are shown as ranges.",
        "The action plan is a live document, subject to change: it shows the position on the date above.",
    };
    for (auto& n : notes) {
        if (y > b.bottom() - 20) break;
        s.text(text(n, {x, y}, 9.5, FontWeight::Normal, width));
        y += measureText(n, 9.5, FontWeight::Normal, false, width).heightPt + 5;
    }
    // The whole cover is a section; its title the document's heading (tags nest, outer first).
    tags.insert(tags.begin(), StructTag{"Sect", 0, s.items.size()});
    return s;
}

Scene problemPage(const Paper& paper, const std::string& title, const std::string& problem) {
    Scene s = blankPage(paper);
    const Rect b = bodyOf(paper.w, paper.h);
    s.text(text(title, {b.x, b.y + 20}, 18, FontWeight::Bold));
    s.text(text("This section could not be drawn: " + problem, {b.x, b.y + 56}, 11, FontWeight::Normal, b.w));
    return s;
}

table::PageGeometry tableGeometry(const Paper& p) {
    table::PageGeometry g;
    g.w = p.w;
    g.h = p.h;
    g.u = 1;
    g.body = bodyOf(p.w, p.h);
    g.ownFooter = false;   // the pack draws one header and footer on every page
    return g;
}

std::string annexLetter(std::size_t i) {
    std::string s;
    for (std::size_t n = i + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), char('A' + (n - 1) % 26));
    return s;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] the pack

Pack buildReportPack(const ViewCase& vc, const PackOptions& opt) {
    const Case& c = vc.data();
    const Paper paper = a4(opt.landscape);
    const long today = opt.todayDays ? opt.todayDays : todayDays();
    ViewOptions vo;
    vo.theme = opt.theme;
    vo.todayDays = today;

    Pack pack;
    pack.title = c.info.title.empty() ? "Review report pack" : c.info.title;
    std::vector<Scene> body;                  // every page after the cover
    std::vector<std::string> sectionOf;       // the running header's section name, per body page
    std::vector<std::vector<StructTag>> bodyTags;   // the PDF structure of each body page
    std::vector<std::pair<int, std::string>> subOutline;
    enum class Part { Genogram, Timeline, Chronology, MoIndex, Actions, ActionAnnex };
    const std::pair<const char*, Part> parts[] = {{"Genogram", Part::Genogram},
                                                  {"Multi-agency timeline", Part::Timeline},
                                                  {"Combined chronology", Part::Chronology},
                                                  {"Index of missed opportunities", Part::MoIndex},
                                                  {"Action plan and tracker", Part::Actions},
                                                  {"Action plan annex: outcomes, milestones and updates", Part::ActionAnnex}};
    const int total = int(std::size(parts)) + int(opt.annexes.size());
    int index = 0;
    for (auto& [title, part] : parts) {
        if (opt.progress) opt.progress(title, ++index, total);
        PackSection sec;
        sec.title = title;
        sec.firstPage = 1 + int(body.size());
        std::vector<Scene> pages;
        std::string alt;   // a figure's alternative text; empty for the tables
        try {
            switch (part) {
            case Part::Genogram: {
                Document d = buildView(vc, ViewKind::Genogram, vo);
                FigurePages fp = genogramPages(d.pages.at(0), opt.landscape, sec.firstPage);
                sec.note = fp.note;
                pages = std::move(fp.pages);
                alt = genogramAlt(c, sec.note.empty()                  ? ""
                                    : sec.note.rfind("split", 0) == 0 ? sec.note
                                                                       : "on an " + sec.note);
                break;
            }
            case Part::Timeline: {
                FigurePages fp = timelinePages(vc, vo, opt.landscape);
                sec.note = fp.note;
                pages = std::move(fp.pages);
                alt = timelineAlt(c);
                break;
            }
            case Part::MoIndex: pages = missedOpportunityPages(vc, opt.theme, paper); break;
            case Part::ActionAnnex: pages = actionAnnexPages(vc, opt.theme, paper, today); break;
            case Part::Chronology:
            case Part::Actions: {
                Document d = part == Part::Chronology ? chron::buildChronologyDocument(vc, vo, tableGeometry(paper))
                                                      : actions::buildActionsDocument(vc, vo, tableGeometry(paper));
                for (std::size_t k = 1; k < d.outline.size(); ++k)
                    subOutline.emplace_back(sec.firstPage + d.outline[k].first, d.outline[k].second);
                pages = std::move(d.pages);
                break;
            }
            }
        } catch (const GenochronError& e) {
            sec.problem = e.what();
            pages.clear();
            pages.push_back(problemPage(paper, title, sec.problem));
        }
        sec.pages = int(pages.size());
        // Tagged: each figure page one Figure with its alternative text, each table page a section.
        for (std::size_t k = 0; k < pages.size(); ++k) {
            Scene& p = pages[k];
            const bool figure = !alt.empty() && sec.problem.empty();
            bodyTags.push_back({StructTag{figure ? "Figure" : "Sect", 0, p.items.size()}});
            if (figure)
                pack.figureAlt.push_back(pages.size() > 1 ? fmt::format("{} (part {} of {}) {}", title, k + 1, pages.size(), alt)
                                                          : alt);
        }
        for (auto& p : pages) {
            body.push_back(std::move(p));
            sectionOf.push_back(title);
        }
        pack.sections.push_back(sec);
    }

    // Annexes: one pack page per page of each PDF, its page placed inside the margins.
    for (std::size_t a = 0; a < opt.annexes.size(); ++a) {
        const PackAnnex& ax = opt.annexes[a];
        PackSection sec;
        sec.title = fmt::format("Annex {}: {}", annexLetter(a), ax.title.empty() ? "external document" : ax.title);
        if (opt.progress) opt.progress(sec.title, ++index, total);
        sec.firstPage = 1 + int(body.size());
        sec.annex = true;
        for (std::size_t p = 0; p < ax.pageSizes.size(); ++p) {
            auto [w, h] = ax.pageSizes[p];
            const Paper pp = a4(w > h);
            Scene s = blankPage(pp);
            const Rect b = bodyOf(pp.w, pp.h);
            const double k = std::min({b.w / std::max(1.0, w), b.h / std::max(1.0, h), 1.0});
            const Rect box{b.x + (b.w - w * k) / 2, b.y, w * k, h * k};
            s.add(Path::rect(box.inflated(0.25)), Paint::stroked(Color::rgb(0xd5d9df), 0.5));
            pack.annexPages.push_back({1 + int(body.size()), a, int(p), box});
            body.push_back(std::move(s));
            bodyTags.emplace_back();
            sectionOf.push_back(sec.title);
        }
        sec.pages = int(ax.pageSizes.size());
        pack.sections.push_back(sec);
    }

    // Cover, then one numbering and one header and footer over every page.
    const int pages = 1 + int(body.size());
    pack.tags.emplace_back();
    pack.document.pages.push_back(coverPage(vc, paper, pack.sections, today, pack.tags.back()));
    for (auto& t : bodyTags) pack.tags.push_back(std::move(t));
    for (auto& p : body) pack.document.pages.push_back(std::move(p));
    Furniture f;
    f.title = pack.title;
    if (c.publication) f.marking = c.publication->marking;
    f.named = !vc.anonymised();
    f.status = vc.anonymised() ? "Anonymised for publication" : "CONTAINS REAL NAMES: not for publication";
    for (int i = 0; i < pages; ++i)
        drawFurniture(pack.document.pages[std::size_t(i)], f, i == 0 ? "Cover and contents" : sectionOf[std::size_t(i - 1)],
                      i, pages);
    pack.document.outlineTitle = pack.title;
    pack.document.outline.emplace_back(0, "Cover and contents");
    std::size_t sub = 0;
    for (auto& sec : pack.sections) {
        pack.document.outline.emplace_back(sec.firstPage, sec.title);
        // A section's own bookmarks (years, recommendations) follow it.
        while (sub < subOutline.size() && subOutline[sub].first < sec.firstPage + sec.pages)
            pack.document.outline.push_back(subOutline[sub++]);
    }
    pack.document.anonymised = vc.anonymised();
    return pack;
}

}  // namespace genochron
