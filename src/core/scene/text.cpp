// Text measuring with Pango, set up exactly as the painters draw it.
#include "core/scene/scene.hpp"

#include "core/scene/detail/pango_text.hpp"

namespace genochron {
namespace detail {

// Unhinted metrics at 72 dpi: one Pango unit of size is one point on every surface,
// so what we measure is what we draw, in PNG, PDF and SVG alike.
namespace {

cairo_font_options_t* fontOptions() {
    static cairo_font_options_t* opts = [] {
        auto* o = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(o, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_antialias(o, CAIRO_ANTIALIAS_GRAY);
        return o;
    }();
    return opts;
}

}  // namespace

void setupContext(PangoContext* ctx) {
    pango_cairo_context_set_resolution(ctx, 72.0);
    pango_cairo_context_set_font_options(ctx, fontOptions());
    // Pango rounds glyph positions to whole device units by default: at small or scaled-down
    // sizes that jitters letter spacing by a tenth of an em, and PDF readers then split
    // words ("Pau lin e"), so text in a PDF could not be read back (or audited) as written.
    pango_context_set_round_glyph_positions(ctx, FALSE);
}

LayoutPtr makeLayout(PangoContext* ctx, const std::string& text, double sizePt, FontWeight w, bool italic,
                     double maxWidthPt) {
    LayoutPtr layout(pango_layout_new(ctx));
    PangoFontDescription* fd = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(fd, sizePt * PANGO_SCALE);
    pango_font_description_set_weight(fd, w == FontWeight::Bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), fd);
    pango_font_description_free(fd);
    if (maxWidthPt > 0) {
        pango_layout_set_width(layout.get(), int(maxWidthPt * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(layout.get(), text.c_str(), int(text.size()));
    return layout;
}

PangoContext* measuringContext() {
    // One font map and context for measuring; Graphviz and Pango calls stay on one thread.
    static PangoContext* ctx = [] {
        PangoFontMap* fm = pango_cairo_font_map_new();
        PangoContext* c = pango_font_map_create_context(fm);
        setupContext(c);
        return c;
    }();
    return ctx;
}

TextExtent extentOf(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    TextExtent e;
    e.widthPt = double(logical.width) / PANGO_SCALE;
    e.heightPt = double(logical.height) / PANGO_SCALE;
    e.baselinePt = double(pango_layout_get_baseline(layout)) / PANGO_SCALE;
    return e;
}

}  // namespace detail

TextExtent measureText(const std::string& text, double sizePt, FontWeight w, bool italic, double maxWidthPt) {
    if (text.empty()) return {0, sizePt * 1.17, sizePt * 0.93};
    auto layout = detail::makeLayout(detail::measuringContext(), text, sizePt, w, italic, maxWidthPt);
    return detail::extentOf(layout.get());
}

}  // namespace genochron
