// Pango text set up once for every surface: what figures measure is what painters draw.
// Internal to scene/ and paint/: figures call measureText (core/scene/text.hpp).
#pragma once
#include "core/scene/scene.hpp"

#include <memory>
#include <pango/pangocairo.h>
#include <string>

namespace genochron::detail {

struct GObjectDeleter {
    void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

// Unhinted metrics at 72 dpi: one Pango unit of size is one point on every surface.
void setupContext(PangoContext* ctx);
LayoutPtr makeLayout(PangoContext* ctx, const std::string& text, double sizePt, FontWeight w, bool italic,
                     double maxWidthPt);
// The one context used for measuring (Pango calls stay on one thread).
PangoContext* measuringContext();
TextExtent extentOf(PangoLayout* layout);

}  // namespace genochron::detail
