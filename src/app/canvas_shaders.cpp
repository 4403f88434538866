// Built-in copies of shaders/*.glsl, used when that folder is missing (an installed
// app without its data files). Keep them identical to the files: tests/test_app_shaders.cpp
// compares them. Regenerate by pasting each file between its R"glsl( and )glsl" markers.
#include "app/gl_util.hpp"

namespace genochron::app::gl {

namespace {

struct Embedded {
    std::string_view name, source;
};

constexpr Embedded kShaders[] = {
    {"canvas.frag.glsl", R"glsl(#version 330 core
// The painted page (premultiplied BGRA from Cairo) on white paper, with the selected
// item outlined: a crisp ring and a soft glow in the accent colour.
in vec2 v_uv;
in vec2 v_px;
out vec4 o_color;
uniform sampler2D u_page;
uniform vec4 u_highlight;   // selected item's bounds in canvas pixels; w <= 0: none
uniform vec3 u_accent;

float boxDistance(vec2 p, vec2 halfSize, float radius) {
    vec2 q = abs(p) - halfSize + radius;
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - radius;
}

void main() {
    vec4 t = texture(u_page, v_uv);
    vec3 c = t.rgb + (1.0 - t.a) * vec3(1.0);
    if (u_highlight.z > 0.0) {
        vec2 centre = u_highlight.xy + 0.5 * u_highlight.zw;
        float d = boxDistance(v_px - centre, 0.5 * u_highlight.zw + vec2(5.0), 5.0);
        float ring = 1.0 - smoothstep(0.6, 1.6, abs(d));
        float glow = d > 0.0 ? 0.30 * exp(-d * 0.22) : 0.07;
        c = mix(c, u_accent, clamp(max(ring * 0.95, glow), 0.0, 1.0));
    }
    o_color = vec4(c, 1.0);
}
)glsl"},
    {"canvas.vert.glsl", R"glsl(#version 330 core
// The figure's texture on a quad, placed by pan and zoom: four vertices of a triangle
// strip made from gl_VertexID, no vertex buffer.
uniform vec2 u_viewport;   // canvas size in pixels
uniform vec4 u_rect;       // where the page goes, canvas pixels (x, y, w, h), y down
out vec2 v_uv;
out vec2 v_px;
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    vec2 px = u_rect.xy + corner * u_rect.zw;
    v_uv = corner;   // texture rows are stored top first, as Cairo paints them
    v_px = px;
    gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
}
)glsl"},
    {"grid.frag.glsl", R"glsl(#version 330 core
// A quiet grid in scene points (it pans and zooms with the figure) and a soft shadow
// under the page, so the page reads as paper on a desk.
in vec2 v_px;
out vec4 o_color;
uniform vec2 u_offset;    // canvas pixel where scene point (0,0) sits
uniform float u_zoom;     // pixels per point
uniform vec4 u_page;      // page rectangle in canvas pixels (x, y, w, h)
uniform vec3 u_background;
uniform vec3 u_minor;
uniform vec3 u_major;

float boxDistance(vec2 p, vec2 halfSize, float radius) {
    vec2 q = abs(p) - halfSize + radius;
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - radius;
}

// 1 on a grid line of the given spacing (in points), fading to 0 over about a pixel.
float gridLine(vec2 pt, float spacing) {
    vec2 cell = pt / spacing;
    vec2 width = fwidth(cell);
    vec2 d = abs(fract(cell - 0.5) - 0.5) / max(width, vec2(1e-6));
    return 1.0 - min(min(d.x, d.y), 1.0);
}

void main() {
    vec2 pt = (v_px - u_offset) / u_zoom;
    // Minor lines never closer than ~12 px: step the spacing by 5 as the view zooms out.
    float minor = 12.0;
    float steps = max(0.0, ceil(log(12.0 / (minor * u_zoom)) / log(5.0)));
    minor *= pow(5.0, steps);
    float major = minor * 5.0;
    float fade = clamp((minor * u_zoom - 12.0) / 24.0 + 0.35, 0.0, 1.0);
    vec3 c = u_background;
    c = mix(c, u_minor, gridLine(pt, minor) * fade);
    c = mix(c, u_major, gridLine(pt, major));
    if (u_page.z > 0.0) {
        vec2 centre = u_page.xy + 0.5 * u_page.zw + vec2(0.0, 4.0);
        float d = boxDistance(v_px - centre, 0.5 * u_page.zw, 3.0);
        float shadow = (1.0 - smoothstep(-2.0, 18.0, d)) * 0.45;
        c = mix(c, vec3(0.0), shadow);
    }
    o_color = vec4(c, 1.0);
}
)glsl"},
    {"grid.vert.glsl", R"glsl(#version 330 core
// The canvas background: one triangle that covers the viewport, no vertex buffer.
uniform vec2 u_viewport;   // canvas size in pixels
out vec2 v_px;             // canvas pixel, y down
void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    v_px = vec2(p.x, 1.0 - p.y) * u_viewport;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
)glsl"},
};

}  // namespace

std::string_view embeddedShader(std::string_view name) {
    for (auto& s : kShaders)
        if (s.name == name) return s.source;
    return {};
}

}  // namespace genochron::app::gl
