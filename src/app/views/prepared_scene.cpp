#include "app/views/prepared_scene.hpp"

#include <algorithm>
#include <cmath>

namespace genochron::app {

namespace {

// Where a text item's box is, the way the painter places it.
Rect textBounds(const TextItem& t) {
    auto ext = measureText(t.text, t.sizePt, t.weight, t.italic, t.maxWidthPt);
    double x = t.at.x, y = t.at.y;
    if (t.halign == HAlign::Center) x -= ext.widthPt / 2;
    else if (t.halign == HAlign::Right) x -= ext.widthPt;
    switch (t.valign) {
    case VAlign::Top: break;
    case VAlign::Middle: y -= ext.heightPt / 2; break;
    case VAlign::Baseline: y -= ext.baselinePt; break;
    case VAlign::Bottom: y -= ext.heightPt; break;
    }
    return {x, y, ext.widthPt, ext.heightPt};
}

}  // namespace

PreparedScene::PreparedScene(Scene scene) : m_scene(std::move(scene)) {
    const auto& items = m_scene.items;
    m_bounds.resize(items.size());
    // A cell a few times the size of a typical symbol: few cells per item, few items per cell.
    double side = std::max({m_scene.widthPt, m_scene.heightPt, 1.0});
    m_cellPt = std::max(32.0, side / 256);
    m_cols = std::max(1, int(std::ceil(m_scene.widthPt / m_cellPt)));
    m_rows = std::max(1, int(std::ceil(m_scene.heightPt / m_cellPt)));
    m_cells.assign(std::size_t(m_cols) * std::size_t(m_rows), {});
    for (std::size_t i = 0; i < items.size(); ++i) {
        Rect b;
        if (auto* s = std::get_if<ShapeItem>(&items[i])) {
            b = s->path.bounds().inflated(s->paint.stroke ? s->paint.lineWidth + 1 : 0.5);
            if (!s->modelId.empty() && !s->path.empty()) m_targets.push_back({s->path.bounds(), s->modelId, true});
        } else if (auto* t = std::get_if<TextItem>(&items[i])) {
            Rect tb = textBounds(*t);
            b = tb.inflated(t->sizePt * 0.25 + (t->italic ? t->sizePt * 0.2 : 0));   // italic overhang, AA
            if (!t->modelId.empty()) m_targets.push_back({tb, t->modelId, false});
        } else {
            m_clips.push_back(std::uint32_t(i));
            continue;
        }
        m_bounds[i] = b;
        int c0 = std::clamp(int(std::floor(b.x / m_cellPt)), 0, m_cols - 1);
        int c1 = std::clamp(int(std::floor(b.right() / m_cellPt)), 0, m_cols - 1);
        int r0 = std::clamp(int(std::floor(b.y / m_cellPt)), 0, m_rows - 1);
        int r1 = std::clamp(int(std::floor(b.bottom() / m_cellPt)), 0, m_rows - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) m_cells[std::size_t(r) * std::size_t(m_cols) + std::size_t(c)].push_back(std::uint32_t(i));
    }
}

std::vector<std::size_t> PreparedScene::itemsIn(const Rect& r) const {
    std::vector<std::size_t> out;
    int c0 = std::clamp(int(std::floor(r.x / m_cellPt)), 0, m_cols - 1);
    int c1 = std::clamp(int(std::floor(r.right() / m_cellPt)), 0, m_cols - 1);
    int r0 = std::clamp(int(std::floor(r.y / m_cellPt)), 0, m_rows - 1);
    int r1 = std::clamp(int(std::floor(r.bottom() / m_cellPt)), 0, m_rows - 1);
    for (int y = r0; y <= r1; ++y)
        for (int x = c0; x <= c1; ++x)
            for (auto i : m_cells[std::size_t(y) * std::size_t(m_cols) + std::size_t(x)])
                if (m_bounds[i].intersects(r)) out.push_back(i);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Pixels PreparedScene::paintTile(double scale, int tx, int ty) const {
    double tilePt = kTilePx / scale;
    Rect area{tx * tilePt, ty * tilePt, tilePt, tilePt};
    // The tile's items with every clip kept (clips nest and pair up), in paint order.
    std::vector<std::size_t> keep = itemsIn(area.inflated(1 / scale));
    keep.insert(keep.end(), m_clips.begin(), m_clips.end());
    std::sort(keep.begin(), keep.end());
    Scene sub;
    sub.widthPt = m_scene.widthPt;
    sub.heightPt = m_scene.heightPt;
    sub.background = m_scene.background;
    sub.items.reserve(keep.size());
    for (auto i : keep) sub.items.push_back(m_scene.items[i]);
    Scene placed = placeScene(sub, scale, {-tx * double(kTilePx), -ty * double(kTilePx)}, kTilePx, kTilePx);
    placed.background.reset();   // the page's own rectangle is its first item: off the page stays clear
    return paintToPixels(placed, 1.0);
}

Pixels PreparedScene::paintOverview(int maxSidePx, double* scaleOut) const {
    double side = std::max({m_scene.widthPt, m_scene.heightPt, 1.0});
    double scale = std::min(2.0, maxSidePx / side);
    if (scaleOut) *scaleOut = scale;
    return paintToPixels(m_scene, scale);
}

const HitTarget* PreparedScene::hitTest(Point pt, double slackPt) const {
    const HitTarget* best = nullptr;
    auto area = [](const Rect& r) { return std::max(r.w, 1.0) * std::max(r.h, 1.0); };
    for (auto it = m_targets.rbegin(); it != m_targets.rend(); ++it) {
        if (!it->bounds.inflated(slackPt).contains(pt)) continue;
        if (!best || area(it->bounds) < area(best->bounds) * 0.5) best = &*it;
    }
    return best;
}

std::optional<Rect> PreparedScene::bounds(const std::string& id) const {
    std::optional<Rect> r;
    for (auto& t : m_targets) {
        if (!t.shape || t.id != id) continue;
        r = r ? r->united(t.bounds) : t.bounds;
    }
    return r;
}

}  // namespace genochron::app
