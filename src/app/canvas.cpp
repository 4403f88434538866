// [SECTION] GL resources
// [SECTION] painting the page texture (Cairo)
// [SECTION] hit-testing and bounds
// [SECTION] the frame: input, repaint policy, offscreen render, ImGui image
#include "app/canvas.hpp"

#include "core/paint/cairo_painter.hpp"
#include "core/model/diagnostics.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <imgui.h>

namespace genochron::app {

namespace {
constexpr double kMinZoom = 0.05, kMaxZoom = 12.0;
constexpr double kRepaintAfterSec = 0.18;    // wheel still this long before repainting
constexpr double kRepaintLog2 = 0.3;         // repaint when the scale is off by ~23%
constexpr double kMaxTexturePixels = 36e6;   // ~144 MB of BGRA at most
constexpr float kDragThreshold = 4.0f;

ImVec4 accent() { return ImGui::GetStyle().Colors[ImGuiCol_CheckMark]; }
}  // namespace

// ------------------------------------------------------------------ [SECTION] GL resources

void FigureCanvas::ensureGl() {
    if (m_glReady || !m_glError.empty()) return;
    try {
        m_gridProgram = gl::linkProgram("grid.vert.glsl", "grid.frag.glsl");
        m_pageProgram = gl::linkProgram("canvas.vert.glsl", "canvas.frag.glsl");
        GLuint vao = 0;
        glGenVertexArrays(1, &vao);
        m_vao = gl::VertexArray(vao);
        GLint maxTex = 4096;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTex);
        m_maxTextureSize = std::clamp(int(maxTex), 1024, 16384);
        m_glReady = true;
    } catch (const GenochronError& e) {
        m_glError = e.what();
    }
}

// ------------------------------------------------------------------ [SECTION] painting

void FigureCanvas::setScene(const Scene* scene, std::uint64_t version) {
    bool first = !m_scene && scene;
    m_scene = scene;
    if (version != m_version) m_version = version;
    if (first) m_fitPending = true;
    if (scene) m_message.clear();
}

double FigureCanvas::wantedScale() const {
    if (!m_scene) return 1;
    double fb = ImGui::GetIO().DisplayFramebufferScale.x;
    double s = m_zoom * (fb > 0 ? fb : 1.0);
    double side = std::max({m_scene->widthPt, m_scene->heightPt, 1.0});
    s = std::min(s, double(m_maxTextureSize) / side);
    s = std::min(s, std::sqrt(kMaxTexturePixels / std::max(1.0, m_scene->widthPt * m_scene->heightPt)));
    return std::max(s, 0.02);
}

void FigureCanvas::paint(double scale) {
    auto t0 = std::chrono::steady_clock::now();
    Pixels px = paintToPixels(*m_scene, scale);
    if (!m_pageTex) {
        GLuint t = 0;
        glGenTextures(1, &t);
        m_pageTex = gl::Texture(t);
    }
    glBindTexture(GL_TEXTURE_2D, m_pageTex.get());
    glPixelStorei(GL_UNPACK_ROW_LENGTH, px.stride / 4);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, px.width, px.height, 0, GL_BGRA, GL_UNSIGNED_BYTE, px.data.data());
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    // No mipmaps: generating them cost ~0.4 s on llvmpipe, and the repaint at the new
    // scale follows a wheel pause within a fraction of a second anyway.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    m_texW = px.width;
    m_texH = px.height;
    m_texScale = scale;
    m_paintedVersion = m_version;
    m_lastPaintMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// ------------------------------------------------------------------ [SECTION] hit-testing

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

void FigureCanvas::buildTargets() const {
    if (m_targetsVersion == m_version && m_targetsScene == m_scene) return;
    m_targets.clear();
    m_targetsVersion = m_version;
    m_targetsScene = m_scene;
    if (!m_scene) return;
    // Measured once per scene: text boxes need Pango, too slow to do on every hover.
    for (auto& item : m_scene->items) {
        if (auto* s = std::get_if<ShapeItem>(&item); s && !s->modelId.empty() && !s->path.empty())
            m_targets.push_back({s->path.bounds(), s->modelId, true});
        else if (auto* t = std::get_if<TextItem>(&item); t && !t->modelId.empty())
            m_targets.push_back({textBounds(*t), t->modelId, false});
    }
}

std::optional<std::string> FigureCanvas::hitTest(Point pt) const {
    buildTargets();
    // A few pixels of slack so thin lines and small symbols can be hit.
    double slack = 3.0 / std::max(m_zoom, 1e-3);
    const Target* best = nullptr;
    // Topmost first; among overlapping hits, a much smaller one wins (a person inside a household).
    for (auto it = m_targets.rbegin(); it != m_targets.rend(); ++it) {
        if (!it->bounds.inflated(slack).contains(pt)) continue;
        double area = std::max(it->bounds.w, 1.0) * std::max(it->bounds.h, 1.0);
        if (!best || area < std::max(best->bounds.w, 1.0) * std::max(best->bounds.h, 1.0) * 0.5) best = &*it;
    }
    if (best) return best->id;
    return std::nullopt;
}

std::optional<Rect> FigureCanvas::itemBounds(const std::string& modelId) const {
    if (!m_scene || modelId.empty()) return std::nullopt;
    buildTargets();
    std::optional<Rect> r;
    for (auto& t : m_targets) {
        if (!t.shape || t.id != modelId) continue;
        r = r ? r->united(t.bounds) : t.bounds;
    }
    return r;
}

// ------------------------------------------------------------------ [SECTION] the frame

void FigureCanvas::zoomAbout(double factor, double cx, double cy) {
    double z = std::clamp(m_zoom * factor, kMinZoom, kMaxZoom);
    double f = z / m_zoom;
    m_offX = cx - (cx - m_offX) * f;
    m_offY = cy - (cy - m_offY) * f;
    m_zoom = z;
    m_lastZoomChange = ImGui::GetTime();
}

void FigureCanvas::setPose(const CameraPose& pose) {
    if (!m_scene || m_canvasW <= 0) return;
    double margin = 24;
    double fit = std::min((m_canvasW - 2 * margin) / std::max(m_scene->widthPt, 1.0),
                          (m_canvasH - 2 * margin) / std::max(m_scene->heightPt, 1.0));
    double z = std::clamp(fit * pose.zoom, kMinZoom, kMaxZoom);
    if (z != m_zoom) m_lastZoomChange = ImGui::GetTime();
    m_zoom = z;
    m_offX = m_canvasW / 2.0 - pose.x * m_scene->widthPt * m_zoom;
    m_offY = m_canvasH / 2.0 - pose.y * m_scene->heightPt * m_zoom;
    m_fitPending = false;
}

void FigureCanvas::zoomBy(double factor) { zoomAbout(factor, m_canvasW / 2.0, m_canvasH / 2.0); }

void FigureCanvas::renderToFramebuffer(int w, int h, const std::string& highlightId) {
    bool dark = ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f;
    DrawKey key{w, h, m_zoom, m_offX, m_offY, m_scene && m_pageTex ? m_paintedVersion : 0, m_texScale,
                highlightId, dark};
    if (key == m_drawn && m_fbo) return;
    m_drawn = key;
    if (!m_fbo || w != m_fboW || h != m_fboH) {
        GLuint fbo = 0, tex = 0;
        if (!m_fbo) {
            glGenFramebuffers(1, &fbo);
            m_fbo = gl::Framebuffer(fbo);
        }
        if (!m_fboTex) {
            glGenTextures(1, &tex);
            m_fboTex = gl::Texture(tex);
        }
        glBindTexture(GL_TEXTURE_2D, m_fboTex.get());
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindTexture(GL_TEXTURE_2D, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.get());
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_fboTex.get(), 0);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        m_fboW = w;
        m_fboH = h;
    }

    // ImGui's backend sets all the state it needs when it renders; we set ours and put
    // back only the framebuffer binding, which it does not set.
    GLint prevFbo = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &prevFbo);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.get());
    glViewport(0, 0, w, h);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glBindVertexArray(m_vao.get());

    double fb = w / double(std::max(m_canvasW, 1));
    float pageX = float(m_offX * fb), pageY = float(m_offY * fb);
    float pageW = m_scene ? float(m_scene->widthPt * m_zoom * fb) : 0.f;
    float pageH = m_scene ? float(m_scene->heightPt * m_zoom * fb) : 0.f;
    bool showPage = m_scene && m_pageTex;

    glUseProgram(m_gridProgram.get());
    auto gu = [&](const char* n) { return glGetUniformLocation(m_gridProgram.get(), n); };
    glUniform2f(gu("u_viewport"), float(w), float(h));
    glUniform2f(gu("u_offset"), pageX, pageY);
    glUniform1f(gu("u_zoom"), float(m_zoom * fb));
    glUniform4f(gu("u_page"), pageX, pageY, showPage ? pageW : 0.f, pageH);
    if (dark) {
        glUniform3f(gu("u_background"), 0.155f, 0.165f, 0.185f);
        glUniform3f(gu("u_minor"), 0.172f, 0.182f, 0.204f);
        glUniform3f(gu("u_major"), 0.196f, 0.208f, 0.234f);
    } else {
        glUniform3f(gu("u_background"), 0.90f, 0.91f, 0.925f);
        glUniform3f(gu("u_minor"), 0.87f, 0.88f, 0.90f);
        glUniform3f(gu("u_major"), 0.83f, 0.845f, 0.87f);
    }
    glDrawArrays(GL_TRIANGLES, 0, 3);

    if (showPage) {
        glUseProgram(m_pageProgram.get());
        auto pu = [&](const char* n) { return glGetUniformLocation(m_pageProgram.get(), n); };
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, m_pageTex.get());
        glUniform1i(pu("u_page"), 0);
        glUniform2f(pu("u_viewport"), float(w), float(h));
        glUniform4f(pu("u_rect"), pageX, pageY, pageW, pageH);
        float hx = 0, hy = 0, hw = 0, hh = 0;
        if (auto b = itemBounds(highlightId)) {
            hx = float((m_offX + b->x * m_zoom) * fb);
            hy = float((m_offY + b->y * m_zoom) * fb);
            hw = float(std::max(b->w * m_zoom * fb, 2.0));
            hh = float(std::max(b->h * m_zoom * fb, 2.0));
        }
        glUniform4f(pu("u_highlight"), hx, hy, hw, hh);
        ImVec4 a = accent();
        glUniform3f(pu("u_accent"), a.x, a.y, a.z);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindTexture(GL_TEXTURE_2D, 0);
    }
    glBindVertexArray(0);
    glUseProgram(0);
    glBindFramebuffer(GL_FRAMEBUFFER, GLuint(prevFbo));
}

FigureCanvas::Result FigureCanvas::draw(const char* id, const std::string& highlightId, double timeSec,
                                        bool synchronous) {
    Result res;
    ensureGl();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    avail.x = std::max(avail.x, 50.f);
    avail.y = std::max(avail.y, 50.f);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, avail, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                                          ImGuiButtonFlags_MouseButtonMiddle);
    m_canvasW = int(avail.x);
    m_canvasH = int(avail.y);
    ImGuiIO& io = ImGui::GetIO();
    bool hovered = ImGui::IsItemHovered();
    double mx = io.MousePos.x - origin.x, my = io.MousePos.y - origin.y;

    if (m_scene && m_fitPending && avail.x > 60) {
        double margin = 24;
        double z = std::min((avail.x - 2 * margin) / std::max(m_scene->widthPt, 1.0),
                            (avail.y - 2 * margin) / std::max(m_scene->heightPt, 1.0));
        m_zoom = std::clamp(z, kMinZoom, 2.0);
        m_offX = (avail.x - m_scene->widthPt * m_zoom) / 2;
        m_offY = std::max(margin, (avail.y - m_scene->heightPt * m_zoom) / 2);
        m_fitPending = false;
        m_lastZoomChange = -1e9;   // a fit is final: paint now
    }

    // Input: wheel zooms about the pointer, any drag pans, a click selects.
    if (hovered && io.MouseWheel != 0 && m_scene)
        zoomAbout(std::pow(1.15, double(io.MouseWheel)), mx, my);
    if (ImGui::IsItemActive()) {
        for (int b = 0; b < 3; ++b) {
            if (ImGui::IsMouseDragging(b, kDragThreshold)) {
                m_dragging = true;
                m_offX += io.MouseDelta.x;
                m_offY += io.MouseDelta.y;
                break;
            }
        }
    }
    if (ImGui::IsItemDeactivated()) {
        if (!m_dragging && m_scene && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            Point pt{(mx - m_offX) / m_zoom, (my - m_offY) / m_zoom};
            res.clickedId = hitTest(pt);
            res.clickedEmpty = !res.clickedId;
        }
        m_dragging = false;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Middle)) m_fitPending = true;

    // Selection from elsewhere: bring it into view if it is off screen.
    if (!m_revealId.empty() && m_scene) {
        if (auto b = itemBounds(m_revealId)) {
            double x0 = m_offX + b->x * m_zoom, y0 = m_offY + b->y * m_zoom;
            double x1 = x0 + b->w * m_zoom, y1 = y0 + b->h * m_zoom;
            if (x1 < 0 || y1 < 0 || x0 > avail.x || y0 > avail.y) {
                m_offX += avail.x / 2 - (x0 + x1) / 2;
                m_offY += avail.y / 2 - (y0 + y1) / 2;
            }
        }
        m_revealId.clear();
    }

    // Repaint: at once for a new scene; for zoom only after the wheel has rested.
    if (m_scene && m_glReady) {
        double want = wantedScale();
        bool stale = m_paintedVersion != m_version || !m_pageTex;
        bool offScale = m_texScale <= 0 || std::abs(std::log2(want / m_texScale)) > kRepaintLog2;
        bool rested = synchronous || timeSec - m_lastZoomChange > kRepaintAfterSec;
        if (stale || (offScale && rested)) {
            try {
                paint(want);
            } catch (const GenochronError& e) {
                m_message = e.what();
                m_scene = nullptr;
            }
        }
    }

    auto* dl = ImGui::GetWindowDrawList();
    if (m_glReady) {
        float fb = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.f;
        int w = std::max(1, int(avail.x * fb)), h = std::max(1, int(avail.y * fb));
        renderToFramebuffer(w, h, highlightId);
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(m_fboTex.get())), origin,
                     ImVec2(origin.x + avail.x, origin.y + avail.y), ImVec2(0, 1), ImVec2(1, 0));
    } else {
        dl->AddRectFilled(origin, ImVec2(origin.x + avail.x, origin.y + avail.y),
                          ImGui::GetColorU32(ImGuiCol_FrameBg));
    }

    std::string msg = !m_glError.empty() ? "The canvas could not start: " + m_glError : m_message;
    if (!msg.empty() && !m_scene) {
        float wrap = std::min(avail.x - 40.f, 560.f);
        ImVec2 ts = ImGui::CalcTextSize(msg.c_str(), nullptr, false, wrap);
        ImVec2 p(origin.x + (avail.x - ts.x) / 2, origin.y + (avail.y - ts.y) / 2);
        dl->AddRectFilled(ImVec2(p.x - 18, p.y - 14), ImVec2(p.x + ts.x + 18, p.y + ts.y + 14),
                          ImGui::GetColorU32(ImGuiCol_PopupBg), 6.f);
        dl->AddRect(ImVec2(p.x - 18, p.y - 14), ImVec2(p.x + ts.x + 18, p.y + ts.y + 14),
                    ImGui::GetColorU32(ImGuiCol_Border), 6.f);
        dl->AddText(nullptr, 0.f, p, ImGui::GetColorU32(ImGuiCol_Text), msg.c_str(), nullptr, wrap);
    }
    if (hovered && m_scene && !m_dragging) {
        Point pt{(mx - m_offX) / m_zoom, (my - m_offY) / m_zoom};
        if (hitTest(pt)) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    return res;
}

}  // namespace genochron::app
