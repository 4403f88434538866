#include "core/publish/report_pack.hpp"

#include "core/model/diagnostics.hpp"

#include <fmt/format.h>

namespace genochron {

namespace {

constexpr double kA4Long = 841.89, kA4Short = 595.276, kMargin = 36;

TextItem text(std::string s, Point at, double size, FontWeight w = FontWeight::Normal, double maxWidth = 0) {
    TextItem t;
    t.text = std::move(s);
    t.at = at;
    t.sizePt = size;
    t.weight = w;
    t.valign = VAlign::Top;
    t.maxWidthPt = maxWidth;
    t.color = Color::rgb(0x1a1a1a);
    return t;
}

Scene blankPage(double w, double h) {
    Scene s;
    s.widthPt = w;
    s.heightPt = h;
    return s;
}

void footer(Scene& s, const std::string& title, int page, int total) {
    TextItem left = text(title, {kMargin, s.heightPt - 22}, 7.5);
    left.color = Color::rgb(0x555555);
    s.text(left);
    TextItem right = text(fmt::format("Pack page {} of {}", page, total), {s.widthPt - kMargin, s.heightPt - 22}, 7.5);
    right.halign = HAlign::Right;
    right.color = Color::rgb(0x555555);
    s.text(right);
}

Scene coverPage(const ViewCase& vc, double w, double h, const std::vector<PackSection>& sections) {
    const Case& c = vc.data();
    Scene s = blankPage(w, h);
    double x = 72, y = 90, width = w - 144;
    s.add(Path::rect({x, y - 20, 60, 4}), Paint::filled(Color::rgb(0x6a3d9a)));
    s.text(text(std::string(toString(c.info.kind)) + " report pack", {x, y}, 12, FontWeight::Normal));
    y += 24;
    TextItem title = text(c.info.title.empty() ? "Untitled review" : c.info.title, {x, y}, 24, FontWeight::Bold, width);
    s.text(title);
    y += measureText(title.text, 24, FontWeight::Bold, false, width).heightPt + 10;
    if (!c.info.partnership.empty()) {
        s.text(text(c.info.partnership, {x, y}, 13, FontWeight::Normal, width));
        y += 26;
    }
    std::string mode = vc.anonymised()
                           ? "Anonymised for publication: pseudonyms, no date of death, children's sex hidden, dates "
                             "coarsened, unpublished events left out."
                           : "CONTAINS REAL NAMES AND DATES. For the review panel only; not for publication.";
    TextItem m = text(mode, {x, y + 6}, 10.5, FontWeight::Bold, width);
    m.color = vc.anonymised() ? Color::rgb(0x1b5e20) : Color::rgb(0xb00020);
    s.text(m);
    y += 50;
    s.text(text("Contents", {x, y}, 14, FontWeight::Bold));
    y += 24;
    for (auto& sec : sections) {
        s.text(text(sec.title, {x + 10, y}, 11));
        TextItem pg = text(sec.problem.empty() ? fmt::format("page {}", sec.firstPage + 1) : "not available",
                           {x + width, y}, 11);
        pg.halign = HAlign::Right;
        s.text(pg);
        s.add(Path().moveTo({x + 10, y + 15}).lineTo({x + width, y + 15}),
              Paint::stroked(Color::rgb(0xdddddd), 0.5));
        y += 22;
    }
    y += 20;
    std::vector<std::string> notes = {
        "Reading the figures. The genogram uses McGoldrick's notation; its legend lists only the symbols it uses.",
        "The timeline keeps what agencies recorded apart from what family, friends and others told the review.",
        "Missed opportunities are numbered MO1, MO2, ... in date order; the same numbers appear in the timeline, "
        "the chronology table and the action plan.",
        "Dates are shown as precisely as they are known: 'c.' marks an approximate date, and ranges are shown as ranges.",
    };
    for (auto& n : notes) {
        TextItem t = text(n, {x, y}, 10, FontWeight::Normal, width);
        s.text(t);
        y += measureText(n, 10, FontWeight::Normal, false, width).heightPt + 8;
    }
    return s;
}

Scene problemPage(const std::string& title, const std::string& problem, double w, double h) {
    Scene s = blankPage(w, h);
    s.text(text(title, {72, 90}, 18, FontWeight::Bold));
    s.text(text("This section could not be drawn: " + problem, {72, 130}, 11, FontWeight::Normal, w - 144));
    return s;
}

}  // namespace

Pack buildReportPack(const ViewCase& vc, const PackOptions& opt) {
    double w = opt.landscape ? kA4Long : kA4Short, h = opt.landscape ? kA4Short : kA4Long;
    struct Part {
        const char* title;
        ViewKind kind;
    };
    const Part parts[] = {{"Genogram", ViewKind::Genogram},
                          {"Multi-agency timeline", ViewKind::Timeline},
                          {"Combined chronology", ViewKind::Chronology},
                          {"Action plan and tracker", ViewKind::Actions}};
    Pack pack;
    std::vector<Scene> body;
    std::vector<bool> ownFooter;   // table views number their own pages
    int total = int(std::size(parts));
    int index = 0;
    for (auto& part : parts) {
        if (opt.progress) opt.progress(part.title, ++index, total);
        ViewOptions vo;
        vo.theme = opt.theme;
        vo.page.size = PageSpec::Size::A4;
        vo.page.landscape = opt.landscape;
        vo.todayDays = opt.todayDays;
        PackSection sec;
        sec.title = part.title;
        sec.firstPage = 1 + int(body.size());   // the cover is page 0
        try {
            Document d = buildView(vc, part.kind, vo);
            for (auto& page : d.pages) {
                bool pageSized = std::abs(page.widthPt - w) < 1 && std::abs(page.heightPt - h) < 1;
                // Figures are scaled to the page; a figure smaller than the page is not enlarged past 1.6x.
                body.push_back(pageSized ? page : fitSceneToPage(page, w, h, kMargin, 1.6));
                ownFooter.push_back(pageSized);
            }
            sec.pages = int(d.pages.size());
        } catch (const GenochronError& e) {
            sec.problem = e.what();
            body.push_back(problemPage(part.title, sec.problem, w, h));
            ownFooter.push_back(false);
            sec.pages = 1;
        }
        pack.sections.push_back(sec);
    }
    std::string footerTitle = vc.data().info.title;
    int pages = 1 + int(body.size());
    pack.document.pages.push_back(coverPage(vc, w, h, pack.sections));
    for (auto& p : body) pack.document.pages.push_back(std::move(p));
    for (int i = 0; i < pages; ++i)
        if (i == 0 || !ownFooter[std::size_t(i - 1)]) footer(pack.document.pages[std::size_t(i)], footerTitle, i + 1, pages);
    pack.document.outline.emplace_back(0, "Cover and contents");
    for (auto& sec : pack.sections) pack.document.outline.emplace_back(sec.firstPage, sec.title);
    pack.document.anonymised = vc.anonymised();
    return pack;
}

}  // namespace genochron
