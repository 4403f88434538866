// [SECTION] drawing one scene onto a cairo_t
// [SECTION] files: PNG, SVG, PDF through stream surfaces, then one atomic write
#include "core/paint/cairo_painter.hpp"

#include "core/scene/detail/pango_text.hpp"

#include "core/io/atomic_file.hpp"
#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <cmath>
#include <fmt/format.h>
#include <memory>
#include <pango/pangocairo.h>

namespace genochron {

namespace {

using detail::extentOf;
using detail::LayoutPtr;
using detail::makeLayout;
using detail::setupContext;

struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;
// ---------------------------------------------------------------- [SECTION] drawing

void setColor(cairo_t* cr, const Color& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void tracePath(cairo_t* cr, const Path& p) {
    cairo_new_path(cr);
    for (auto& op : p.ops()) {
        switch (op.kind) {
        case PathOp::Move: cairo_move_to(cr, op.p[0].x, op.p[0].y); break;
        case PathOp::Line: cairo_line_to(cr, op.p[0].x, op.p[0].y); break;
        case PathOp::Curve:
            cairo_curve_to(cr, op.p[0].x, op.p[0].y, op.p[1].x, op.p[1].y, op.p[2].x, op.p[2].y);
            break;
        case PathOp::Close: cairo_close_path(cr); break;
        }
    }
}

void drawHatch(cairo_t* cr, const ShapeItem& s) {
    Rect b = s.path.bounds();
    cairo_save(cr);
    tracePath(cr, s.path);
    cairo_clip(cr);
    setColor(cr, s.paint.stroke.value_or(Color{0, 0, 0, 1}));
    cairo_set_line_width(cr, 0.6);
    const double step = 3.0;
    auto diag = [&](double dir) {
        for (double t = -b.h; t < b.w + b.h; t += step) {
            cairo_move_to(cr, b.x + t, b.y);
            cairo_line_to(cr, b.x + t + dir * b.h, b.bottom());
        }
    };
    switch (s.paint.hatch) {
    case Hatch::Diagonal: diag(-1); break;
    case Hatch::Cross: diag(-1); diag(1); break;
    case Hatch::Horizontal:
        for (double y = b.y; y < b.bottom(); y += step) {
            cairo_move_to(cr, b.x, y);
            cairo_line_to(cr, b.right(), y);
        }
        break;
    case Hatch::Dots:
        for (double y = b.y + 1; y < b.bottom(); y += step)
            for (double x = b.x + 1; x < b.right(); x += step) {
                cairo_new_sub_path(cr);
                cairo_arc(cr, x, y, 0.5, 0, 2 * M_PI);
            }
        cairo_fill(cr);
        break;
    case Hatch::None: break;
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

void drawShape(cairo_t* cr, const ShapeItem& s) {
    const Paint& p = s.paint;
    if (p.fill) {
        tracePath(cr, s.path);
        setColor(cr, *p.fill);
        cairo_fill(cr);
    }
    if (p.hatch != Hatch::None) drawHatch(cr, s);
    if (p.stroke && p.lineWidth > 0) {
        tracePath(cr, s.path);
        setColor(cr, *p.stroke);
        cairo_set_line_width(cr, p.lineWidth);
        cairo_set_dash(cr, p.dash.empty() ? nullptr : p.dash.data(), int(p.dash.size()), 0);
        cairo_set_line_cap(cr, p.roundCaps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
    }
}

void drawText(cairo_t* cr, PangoContext* ctx, const TextItem& t) {
    if (t.text.empty()) return;
    auto layout = makeLayout(ctx, t.text, t.sizePt, t.weight, t.italic, t.maxWidthPt);
    if (t.halign != HAlign::Left)
        pango_layout_set_alignment(layout.get(), t.halign == HAlign::Center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_RIGHT);
    TextExtent e = extentOf(layout.get());
    double boxW = t.maxWidthPt > 0 ? t.maxWidthPt : e.widthPt;
    double x = t.at.x - (t.halign == HAlign::Center ? boxW / 2 : t.halign == HAlign::Right ? boxW : 0);
    if (t.maxWidthPt <= 0) pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
    double y = t.at.y;
    switch (t.valign) {
    case VAlign::Top: break;
    case VAlign::Middle: y -= e.heightPt / 2; break;
    case VAlign::Baseline: y -= e.baselinePt; break;
    case VAlign::Bottom: y -= e.heightPt; break;
    }
    cairo_move_to(cr, x, y);
    setColor(cr, t.color);
    pango_cairo_show_layout(cr, layout.get());
}

void drawScene(cairo_t* cr, const Scene& scene, const std::vector<StructTag>& tags = {}) {
    PangoContext* ctx = pango_cairo_create_context(cr);
    setupContext(ctx);
    if (scene.background) {
        setColor(cr, *scene.background);
        cairo_rectangle(cr, 0, 0, scene.widthPt, scene.heightPt);
        cairo_fill(cr);
    }
    int clips = 0;
    // Structure tags, outer first: closed before the item they end at, opened before the first.
    std::vector<const StructTag*> open;
    std::size_t nextTag = 0;
    auto closeUpTo = [&](std::size_t i) {
        while (!open.empty() && open.back()->last <= i) {
            cairo_tag_end(cr, open.back()->name.c_str());
            open.pop_back();
        }
    };
    for (std::size_t i = 0; i < scene.items.size(); ++i) {
        const SceneItem& item = scene.items[i];
        closeUpTo(i);
        for (; nextTag < tags.size() && tags[nextTag].first <= i; ++nextTag)
            if (tags[nextTag].last > i) {
                cairo_tag_begin(cr, tags[nextTag].name.c_str(), "");
                open.push_back(&tags[nextTag]);
            }
        if (auto* s = std::get_if<ShapeItem>(&item)) drawShape(cr, *s);
        else if (auto* t = std::get_if<TextItem>(&item)) drawText(cr, ctx, *t);
        else if (auto* c = std::get_if<ClipPush>(&item)) {
            cairo_save(cr);
            cairo_rectangle(cr, c->rect.x, c->rect.y, c->rect.w, c->rect.h);
            cairo_clip(cr);
            ++clips;
        } else if (std::holds_alternative<ClipPop>(item) && clips > 0) {
            cairo_restore(cr);
            --clips;
        }
    }
    closeUpTo(std::size_t(-1));
    while (clips-- > 0) cairo_restore(cr);
    g_object_unref(ctx);
}

// Places a scene on a page: scale to fit inside the margins, centred.
void drawOnPage(cairo_t* cr, const Scene& scene, double pageW, double pageH, const PageSpec& spec,
                const std::vector<StructTag>& tags = {}) {
    if (spec.size == PageSpec::Size::Fit) {
        drawScene(cr, scene, tags);
        return;
    }
    double availW = pageW - 2 * spec.marginPt, availH = pageH - 2 * spec.marginPt;
    double s = std::min({availW / std::max(1.0, scene.widthPt), availH / std::max(1.0, scene.heightPt), 1.0e9});
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_translate(cr, (pageW - scene.widthPt * s) / 2, (pageH - scene.heightPt * s) / 2);
    cairo_scale(cr, s, s);
    drawScene(cr, scene, tags);
    cairo_restore(cr);
}

// ---------------------------------------------------------------- [SECTION] files

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t st, const char* what) {
    if (st != CAIRO_STATUS_SUCCESS)
        throw GenochronError(fmt::format("drawing failed ({}): {}", what, cairo_status_to_string(st)));
}

}  // namespace

FileFormat formatForPath(const std::string& path) {
    auto dot = path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "png") return FileFormat::Png;
    if (ext == "svg") return FileFormat::Svg;
    if (ext == "pdf") return FileFormat::Pdf;
    throw GenochronError("the output must end in .png, .svg or .pdf", path);
}

std::string paintToBytes(const Document& doc, FileFormat fmt, const PaintOptions& opt, std::string* note) {
    if (doc.pages.empty()) throw GenochronError("nothing to draw: the figure has no pages");
    std::string out;
    if (fmt == FileFormat::Png) {
        double totalW = 0, totalH = 0;
        for (auto& p : doc.pages) {
            auto [w, h] = opt.page.pagePt(p);
            totalW = std::max(totalW, w);
            totalH += h;
        }
        double scale = opt.dpi / 72.0;
        double maxSide = std::max(totalW, totalH) * scale;
        if (maxSide > opt.maxPixels) {
            scale = opt.maxPixels / std::max(totalW, totalH);
            if (note)
                *note = fmt::format("the image would be {:.0f} px {}{}; drawn at {:.0f} dpi instead of {:.0f}", maxSide,
                                    totalW >= totalH ? "wide" : "tall",
                                    doc.pages.size() > 1 ? fmt::format(" ({} pages, one under another)", doc.pages.size()) : "",
                                    scale * 72, opt.dpi);
        }
        int pw = std::max(1, int(std::ceil(totalW * scale))), ph = std::max(1, int(std::ceil(totalH * scale)));
        SurfacePtr surf(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph));
        check(cairo_surface_status(surf.get()), "image");
        CairoPtr cr(cairo_create(surf.get()));
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), scale, scale);
        double y = 0;
        for (auto& p : doc.pages) {
            auto [w, h] = opt.page.pagePt(p);
            cairo_save(cr.get());
            cairo_translate(cr.get(), 0, y);
            cairo_rectangle(cr.get(), 0, 0, w, h);
            cairo_clip(cr.get());
            drawOnPage(cr.get(), p, w, h, opt.page);
            cairo_restore(cr.get());
            y += h;
        }
        cr.reset();
        cairo_surface_flush(surf.get());
        check(cairo_surface_write_to_png_stream(surf.get(), appendBytes, &out), "png");
        return out;
    }
    auto [w0, h0] = opt.page.pagePt(doc.pages.front());
    SurfacePtr surf(fmt == FileFormat::Pdf ? cairo_pdf_surface_create_for_stream(appendBytes, &out, w0, h0)
                                           : cairo_svg_surface_create_for_stream(appendBytes, &out, w0, h0));
    check(cairo_surface_status(surf.get()), fmt == FileFormat::Pdf ? "pdf" : "svg");
    if (fmt == FileFormat::Pdf) {
        // No creation date (it identifies when, and breaks reproducibility); no title unless asked.
        cairo_pdf_surface_set_metadata(surf.get(), CAIRO_PDF_METADATA_CREATE_DATE, "");
        if (!doc.outlineTitle.empty())
            cairo_pdf_surface_set_metadata(surf.get(), CAIRO_PDF_METADATA_TITLE, doc.outlineTitle.c_str());
    } else {
        cairo_svg_surface_restrict_to_version(surf.get(), CAIRO_SVG_VERSION_1_1);
        cairo_svg_surface_set_document_unit(surf.get(), CAIRO_SVG_UNIT_PT);
    }
    CairoPtr cr(cairo_create(surf.get()));
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        auto [w, h] = opt.page.pagePt(doc.pages[i]);
        if (fmt == FileFormat::Pdf) {
            cairo_pdf_surface_set_size(surf.get(), w, h);
            for (auto& [page, title] : doc.outline)
                if (page == int(i))
                    cairo_pdf_surface_add_outline(surf.get(), CAIRO_PDF_OUTLINE_ROOT, title.c_str(),
                                                  fmt::format("page={}", i + 1).c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
        }
        static const std::vector<StructTag> none;
        const bool tagged = fmt == FileFormat::Pdf && opt.tags && i < opt.tags->size();
        drawOnPage(cr.get(), doc.pages[i], w, h, opt.page, tagged ? (*opt.tags)[i] : none);
        cairo_show_page(cr.get());
        if (fmt == FileFormat::Svg) break;   // SVG holds one page
    }
    cr.reset();
    cairo_surface_finish(surf.get());
    check(cairo_surface_status(surf.get()), "finish");
    return out;
}

void paintToFile(const Document& doc, const std::string& path, const PaintOptions& opt, std::string* note) {
    std::string bytes = paintToBytes(doc, formatForPath(path), opt, note);
    writeFileAtomic(path, bytes);
}

Pixels paintToPixels(const Scene& scene, double scale) {
    Pixels px;
    px.width = std::max(1, int(std::ceil(scene.widthPt * scale)));
    px.height = std::max(1, int(std::ceil(scene.heightPt * scale)));
    SurfacePtr surf(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, px.width, px.height));
    check(cairo_surface_status(surf.get()), "image");
    {
        CairoPtr cr(cairo_create(surf.get()));
        cairo_scale(cr.get(), scale, scale);
        drawScene(cr.get(), scene);
    }
    cairo_surface_flush(surf.get());
    px.stride = cairo_image_surface_get_stride(surf.get());
    const auto* data = cairo_image_surface_get_data(surf.get());
    px.data.assign(data, data + std::size_t(px.stride) * std::size_t(px.height));
    return px;
}

}  // namespace genochron
