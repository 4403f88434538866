#version 330 core
// The canvas background: one triangle that covers the viewport, no vertex buffer.
uniform vec2 u_viewport;   // canvas size in pixels
out vec2 v_px;             // canvas pixel, y down
void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    v_px = vec2(p.x, 1.0 - p.y) * u_viewport;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
