#version 330 core
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
