#include "core/figures/table/table_page.hpp"

#include "core/figures/views.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace genochron::table {

Palette paletteFor(Theme t) {
    Palette p;
    if (t == Theme::Print) {
        p.print = true;
        p.text = Color::rgb(0x000000);
        p.muted = Color::rgb(0x4d4d4d);
        p.rule = Color::rgb(0xb3b3b3);
        p.headerFill = Color::rgb(0xd0d0d0);
        p.headerText = Color::rgb(0x000000);
        p.bandFill = Color::rgb(0xefefef);
        p.bandText = Color::rgb(0x000000);
        return p;
    }
    p.text = Color::rgb(0x1b2430);
    p.muted = Color::rgb(0x5c6775);
    p.rule = Color::rgb(0xb8bfc9);
    p.headerFill = Color::rgb(0x2f3d4c);
    p.headerText = Color::rgb(0xffffff);
    p.bandFill = Color::rgb(0xe5eaf0);
    p.bandText = Color::rgb(0x1b2430);
    return p;
}

PageGeometry geometryFor(const PageSpec& ps) {
    PageGeometry g;
    if (ps.size == PageSpec::Size::Fit) return g;
    auto [w, h] = ps.pagePt(Scene{});
    const double m = ps.marginPt;
    const double s = std::min((w - 2 * m) / w, (h - 2 * m) / h);
    g.w = w;
    g.h = h;
    g.u = s > 0.1 ? 1 / s : 1;
    g.body = {0, 0, w, h};   // the painter's margin is the page's margin
    return g;
}

PageFrame frameFor(const PageGeometry& g, const Furniture& f) {
    PageFrame fr;
    fr.top = g.body.y;
    fr.otherHeaderTop = fr.top + measure(f.heading, f.running).heightPt + 5 * f.u;
    if (g.ownFooter) {
        fr.footerTop = g.body.bottom() - lineHeight(f.foot) - 4 * f.u;
        fr.bottom = fr.footerTop - 4 * f.u;
    } else {
        fr.footerTop = fr.bottom = g.body.bottom();
    }
    return fr;
}

void drawFurniture(Scene& s, const PageGeometry& g, const PageFrame& fr, const Furniture& f, std::size_t page,
                   std::size_t pages) {
    s.pageLabel = fmt::format("Page {} of {}", page + 1, pages);
    const double x0 = g.body.x, w = g.body.w;
    if (page > 0) s.text(textItem(f.heading + " (continued)", {x0, fr.top}, f.running));
    if (!g.ownFooter) return;
    Paint rule;
    rule.stroke = f.rule;
    rule.lineWidth = 0.5 * f.u;
    s.add(Path().moveTo({x0, fr.footerTop}).lineTo({x0 + w, fr.footerTop}), rule);
    const double fy = fr.footerTop + 3 * f.u;
    s.text(textItem(f.footLeft, {x0, fy}, f.foot));
    TextItem mid = textItem(f.footMid, {x0 + w / 2, fy}, f.foot);
    mid.halign = HAlign::Center;
    s.text(std::move(mid));
    TextItem right = textItem(s.pageLabel, {x0 + w, fy}, f.foot);
    right.halign = HAlign::Right;
    s.text(std::move(right));
}

}  // namespace genochron::table
