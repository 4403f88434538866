#version 330 core
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
