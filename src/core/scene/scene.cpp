#include "core/scene/scene.hpp"

#include <algorithm>
#include <cmath>

namespace genochron {

Rect Rect::united(const Rect& o) const {
    if (w <= 0 && h <= 0) return o;
    if (o.w <= 0 && o.h <= 0) return *this;
    double l = std::min(x, o.x), t = std::min(y, o.y);
    return {l, t, std::max(right(), o.right()) - l, std::max(bottom(), o.bottom()) - t};
}

Color Color::grey() const {
    double l = 0.299 * r + 0.587 * g + 0.114 * b;
    return {l, l, l, a};
}

Path& Path::moveTo(Point p) { m_ops.push_back({PathOp::Move, {p, {}, {}}}); return *this; }
Path& Path::lineTo(Point p) { m_ops.push_back({PathOp::Line, {p, {}, {}}}); return *this; }
Path& Path::curveTo(Point c1, Point c2, Point e) { m_ops.push_back({PathOp::Curve, {c1, c2, e}}); return *this; }
Path& Path::close() { m_ops.push_back({PathOp::Close, {}}); return *this; }

Path Path::rect(const Rect& r) {
    Path p;
    p.moveTo({r.x, r.y}).lineTo({r.right(), r.y}).lineTo({r.right(), r.bottom()}).lineTo({r.x, r.bottom()}).close();
    return p;
}

Path Path::roundedRect(const Rect& r, double rad) {
    rad = std::min({rad, r.w / 2, r.h / 2});
    const double k = 0.5523 * rad;   // cubic approximation of a quarter circle
    Path p;
    p.moveTo({r.x + rad, r.y}).lineTo({r.right() - rad, r.y});
    p.curveTo({r.right() - rad + k, r.y}, {r.right(), r.y + rad - k}, {r.right(), r.y + rad});
    p.lineTo({r.right(), r.bottom() - rad});
    p.curveTo({r.right(), r.bottom() - rad + k}, {r.right() - rad + k, r.bottom()}, {r.right() - rad, r.bottom()});
    p.lineTo({r.x + rad, r.bottom()});
    p.curveTo({r.x + rad - k, r.bottom()}, {r.x, r.bottom() - rad + k}, {r.x, r.bottom() - rad});
    p.lineTo({r.x, r.y + rad});
    p.curveTo({r.x, r.y + rad - k}, {r.x + rad - k, r.y}, {r.x + rad, r.y});
    return p.close();
}

Path Path::ellipse(const Rect& r) {
    const double k = 0.5523;
    double cx = r.x + r.w / 2, cy = r.y + r.h / 2, rx = r.w / 2, ry = r.h / 2;
    Path p;
    p.moveTo({cx + rx, cy});
    p.curveTo({cx + rx, cy + k * ry}, {cx + k * rx, cy + ry}, {cx, cy + ry});
    p.curveTo({cx - k * rx, cy + ry}, {cx - rx, cy + k * ry}, {cx - rx, cy});
    p.curveTo({cx - rx, cy - k * ry}, {cx - k * rx, cy - ry}, {cx, cy - ry});
    p.curveTo({cx + k * rx, cy - ry}, {cx + rx, cy - k * ry}, {cx + rx, cy});
    return p.close();
}

Path Path::polyline(const std::vector<Point>& pts, bool closed) {
    Path p;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        if (i == 0) p.moveTo(pts[i]);
        else p.lineTo(pts[i]);
    }
    if (closed && !pts.empty()) p.close();
    return p;
}

Rect Path::bounds() const {
    bool any = false;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    for (auto& op : m_ops) {
        int n = op.kind == PathOp::Curve ? 3 : op.kind == PathOp::Close ? 0 : 1;
        for (int i = 0; i < n; ++i) {
            auto pt = op.p[i];
            if (!any) { x0 = x1 = pt.x; y0 = y1 = pt.y; any = true; }
            x0 = std::min(x0, pt.x); y0 = std::min(y0, pt.y);
            x1 = std::max(x1, pt.x); y1 = std::max(y1, pt.y);
        }
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

Rect Scene::contentBounds() const {
    Rect r{};
    for (auto& it : items) {
        if (auto* s = std::get_if<ShapeItem>(&it)) r = r.united(s->path.bounds());
        else if (auto* t = std::get_if<TextItem>(&it)) r = r.united({t->at.x, t->at.y, 0.01, 0.01});
    }
    return r;
}

Scene placeScene(const Scene& src, double k, Point off, double pageW, double pageH) {
    auto pt = [&](Point p) { return Point{p.x * k + off.x, p.y * k + off.y}; };
    auto rc = [&](const Rect& r) { return Rect{r.x * k + off.x, r.y * k + off.y, r.w * k, r.h * k}; };
    Scene out;
    out.widthPt = pageW;
    out.heightPt = pageH;
    out.background = Color{1, 1, 1, 1};
    out.pageLabel = src.pageLabel;
    out.items.reserve(src.items.size() + 1);
    if (src.background) out.add(Path::rect(rc({0, 0, src.widthPt, src.heightPt})), Paint::filled(*src.background));
    for (auto& item : src.items) {
        if (auto* s = std::get_if<ShapeItem>(&item)) {
            Path p;
            for (auto& op : s->path.ops()) {
                switch (op.kind) {
                case PathOp::Move: p.moveTo(pt(op.p[0])); break;
                case PathOp::Line: p.lineTo(pt(op.p[0])); break;
                case PathOp::Curve: p.curveTo(pt(op.p[0]), pt(op.p[1]), pt(op.p[2])); break;
                case PathOp::Close: p.close(); break;
                }
            }
            Paint paint = s->paint;
            paint.lineWidth *= k;
            for (auto& d : paint.dash) d *= k;
            out.items.emplace_back(ShapeItem{std::move(p), std::move(paint), s->modelId});
        } else if (auto* t = std::get_if<TextItem>(&item)) {
            TextItem tt = *t;
            tt.at = pt(t->at);
            tt.sizePt *= k;
            tt.maxWidthPt *= k;
            out.items.emplace_back(std::move(tt));
        } else if (auto* c = std::get_if<ClipPush>(&item)) {
            out.items.emplace_back(ClipPush{rc(c->rect)});
        } else {
            out.items.emplace_back(item);
        }
    }
    return out;
}

Scene fitSceneToPage(const Scene& s, double pageW, double pageH, double margin, double maxScale) {
    double availW = pageW - 2 * margin, availH = pageH - 2 * margin;
    double k = std::min({availW / std::max(1.0, s.widthPt), availH / std::max(1.0, s.heightPt), maxScale});
    return placeScene(s, k, {(pageW - s.widthPt * k) / 2, (pageH - s.heightPt * k) / 2}, pageW, pageH);
}

}  // namespace genochron
