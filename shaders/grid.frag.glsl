#version 330 core
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
