// [SECTION] tiles: levels, requests, uploads, eviction
// [SECTION] drawing the page
// [SECTION] camera
// [SECTION] the frame
#include "app/views/canvas.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <imgui.h>
#include <set>

namespace genochron::app {

namespace {
constexpr double kMinZoom = 0.02, kMaxZoom = 24.0;
constexpr int kMinLevel = -7, kMaxLevel = 5;      // tile scales 1/128 .. 32 pixels per point
constexpr std::size_t kMaxTiles = 320;            // ~80 MB of textures at most
constexpr int kMaxInFlight = 48;
constexpr int kUploadsPerFrame = 12;              // an upload is ~0.1-0.3 ms on llvmpipe
constexpr double kSwapAfterSec = 2.0;             // show a new page even if tiles are still coming
constexpr float kDragThreshold = 4.0f;

ImTextureID texId(const gl::Texture& t) { return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.get())); }

gl::Texture upload(const Pixels& px) {
    GLuint t = 0;
    glGenTextures(1, &t);
    gl::Texture tex(t);
    glBindTexture(GL_TEXTURE_2D, t);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, px.stride / 4);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, px.width, px.height, 0, GL_BGRA, GL_UNSIGNED_BYTE, px.data.data());
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    return tex;
}

double levelScale(int level) { return std::ldexp(1.0, level); }

}  // namespace

// ------------------------------------------------------------------ [SECTION] tiles

int SceneCanvas::levelFor(double zoom) const {
    double fb = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0;
    // The next power of two at or above the screen scale (a little below counts): tiles are
    // drawn at 0.6-1.2x their painted size, so text stays crisp.
    int l = int(std::ceil(std::log2(std::max(zoom * fb, 1e-6)) - 0.25));
    return std::clamp(l, kMinLevel, kMaxLevel);
}

void SceneCanvas::visibleTiles(const Page& page, int level, int ring, std::vector<TileKey>& out) const {
    double s = levelScale(level);
    double tilePt = kTilePx / s;
    // The canvas in page points, clamped to the page.
    double x0 = std::max(0.0, -m_offX / m_zoom), y0 = std::max(0.0, -m_offY / m_zoom);
    double x1 = std::min(page.scene->widthPt(), (m_canvasW - m_offX) / m_zoom);
    double y1 = std::min(page.scene->heightPt(), (m_canvasH - m_offY) / m_zoom);
    if (x1 <= x0 || y1 <= y0) return;
    int maxTx = int(std::ceil(page.scene->widthPt() / tilePt)) - 1, maxTy = int(std::ceil(page.scene->heightPt() / tilePt)) - 1;
    int tx0 = std::max(0, int(std::floor(x0 / tilePt)) - ring), tx1 = std::min(maxTx, int(std::floor(x1 / tilePt)) + ring);
    int ty0 = std::max(0, int(std::floor(y0 / tilePt)) - ring), ty1 = std::min(maxTy, int(std::floor(y1 / tilePt)) + ring);
    for (int ty = ty0; ty <= ty1; ++ty)
        for (int tx = tx0; tx <= tx1; ++tx) out.push_back({page.version, level, tx, ty});
}

void SceneCanvas::requestTiles(const Page& page, int level) {
    std::vector<TileKey> now, soon;
    visibleTiles(page, level, 0, now);
    visibleTiles(page, level, 1, soon);   // the ring around the view: a pan finds them painted
    std::set<TileKey> wanted(soon.begin(), soon.end());
    // Cancel what is no longer wanted (the user zoomed or panned on).
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        if (!wanted.count(it->first)) {
            it->second->store(true);
            it = m_inFlight.erase(it);
        } else {
            ++it;
        }
    }
    auto post = [&](const TileKey& k, bool urgent) {
        if (m_tiles.count(k) || m_inFlight.count(k) || int(m_inFlight.size()) >= kMaxInFlight) return;
        auto cancelled = std::make_shared<std::atomic<bool>>(false);
        m_inFlight[k] = cancelled;
        auto scene = page.scene;
        auto staged = m_staged;
        UiQueue* ui = &m_work.ui;
        m_work.figures.post(
            [scene, k, cancelled, staged, ui, this] {
                if (cancelled->load()) {
                    ui->post([this, k, cancelled] {
                        auto it = m_inFlight.find(k);
                        if (it != m_inFlight.end() && it->second == cancelled) m_inFlight.erase(it);
                    });
                    return;
                }
                auto t0 = std::chrono::steady_clock::now();
                Pixels px = scene->paintTile(levelScale(k.level), k.tx, k.ty);
                double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
                ui->post([this, k, cancelled, staged, ms, px = std::move(px)]() mutable {
                    m_lastTileMs = ms;
                    auto it = m_inFlight.find(k);
                    if (it != m_inFlight.end() && it->second == cancelled) m_inFlight.erase(it);
                    if (!cancelled->load()) staged->push_back({k, std::move(px)});
                });
            },
            urgent);
    };
    for (auto& k : now) post(k, true);
    for (auto& k : soon) post(k, false);
}

void SceneCanvas::uploadStaged() {
    auto& staged = *m_staged;
    int n = 0;
    std::size_t i = 0;
    for (; i < staged.size() && n < kUploadsPerFrame; ++i) {
        auto& s = staged[i];
        if (s.key.version != m_shown.version && s.key.version != m_pending.version) continue;   // superseded
        m_tiles[s.key] = Tile{upload(s.px), m_frame};
        ++n;
    }
    staged.erase(staged.begin(), staged.begin() + std::ptrdiff_t(i));
}

void SceneCanvas::evict() {
    // Tiles of pages no longer shown go at once; then the least recently drawn.
    for (auto it = m_tiles.begin(); it != m_tiles.end();) {
        bool live = it->first.version == m_shown.version || (m_pending && it->first.version == m_pending.version);
        it = live ? std::next(it) : m_tiles.erase(it);
    }
    if (m_tiles.size() <= kMaxTiles) return;
    std::vector<std::pair<std::uint64_t, TileKey>> age;
    for (auto& [k, t] : m_tiles) age.emplace_back(t.lastUsed, k);
    std::sort(age.begin(), age.end());
    for (std::size_t i = 0; i < age.size() && m_tiles.size() > kMaxTiles; ++i)
        if (age[i].first + 2 < m_frame) m_tiles.erase(age[i].second);
}

std::optional<double> SceneCanvas::wakeIn() const {
    if (!m_staged->empty()) return 0.0;
    if (m_pending) return std::max(0.0, m_pendingSince + kSwapAfterSec - ImGui::GetTime());
    return std::nullopt;
}

bool SceneCanvas::settled() const { return m_shown && !m_pending && m_complete && m_inFlight.empty() && m_staged->empty(); }

// ------------------------------------------------------------------ [SECTION] drawing the page

void SceneCanvas::drawPage(const Page& page, int level, ImDrawList* dl, bool* complete) {
    const auto& sc = *page.scene;
    ImVec2 p0((float)(m_originX + m_offX), (float)(m_originY + m_offY));
    ImVec2 p1((float)(p0.x + sc.widthPt() * m_zoom), (float)(p0.y + sc.heightPt() * m_zoom));
    // Paper with a soft edge; under each tile not painted yet, a coarser tile or the overview
    // (never a hole). Each pixel is filled once: llvmpipe pays for every layer.
    // The shadow only where it shows (right and bottom edges): not a layer under the page.
    dl->AddRectFilled(ImVec2(p1.x, p0.y + 3), ImVec2(p1.x + 3, p1.y + 3), IM_COL32(0, 0, 0, 45));
    dl->AddRectFilled(ImVec2(p0.x + 3, p1.y), ImVec2(p1.x, p1.y + 3), IM_COL32(0, 0, 0, 45));
    std::vector<TileKey> keys;
    visibleTiles(page, level, 0, keys);
    bool all = true;
    double w = sc.widthPt(), h = sc.heightPt();
    for (auto& k : keys) {
        double tilePt = kTilePx / levelScale(k.level);
        double x = k.tx * tilePt, y = k.ty * tilePt;
        ImVec2 a(float(m_originX + m_offX + x * m_zoom), float(m_originY + m_offY + y * m_zoom));
        ImVec2 b(float(m_originX + m_offX + (x + tilePt) * m_zoom), float(m_originY + m_offY + (y + tilePt) * m_zoom));
        if (auto it = m_tiles.find(k); it != m_tiles.end()) {
            it->second.lastUsed = m_frame;
            dl->AddImage(texId(it->second.tex), a, b);
            continue;
        }
        all = false;
        bool covered = false;
        // A coarser tile of the same page stands in (the part of it that covers this one).
        for (int up = 1; up <= 4 && k.level - up >= kMinLevel && !covered; ++up) {
            TileKey c{k.version, k.level - up, k.tx >> up, k.ty >> up};
            auto it = m_tiles.find(c);
            if (it == m_tiles.end()) continue;
            it->second.lastUsed = m_frame;
            int n = 1 << up;
            float u0 = float(k.tx - (c.tx << up)) / float(n), v0 = float(k.ty - (c.ty << up)) / float(n);
            dl->AddImage(texId(it->second.tex), a, b, ImVec2(u0, v0), ImVec2(u0 + 1.f / float(n), v0 + 1.f / float(n)));
            covered = true;
        }
        if (covered) continue;
        // The overview's part of this tile, clamped to the page.
        double x1 = std::min(x + tilePt, w), y1 = std::min(y + tilePt, h);
        ImVec2 bb(float(m_originX + m_offX + x1 * m_zoom), float(m_originY + m_offY + y1 * m_zoom));
        if (page.overview)
            dl->AddImage(texId(page.overview), a, bb, ImVec2(float(x / w), float(y / h)), ImVec2(float(x1 / w), float(y1 / h)));
        else
            dl->AddRectFilled(a, bb, IM_COL32_WHITE);
    }
    if (complete) *complete = all;
}

// ------------------------------------------------------------------ [SECTION] camera

void SceneCanvas::setScene(std::shared_ptr<const PreparedScene> scene, Pixels overview, double overviewScale,
                           bool firstView) {
    Page p;
    p.scene = std::move(scene);
    p.version = (m_pending ? m_pending.version : m_shown.version) + 1;
    if (overview.width > 0) p.overview = upload(overview);
    p.overviewScale = overviewScale;
    m_message.clear();
    if (!m_shown || firstView) {
        m_shown = std::move(p);
        m_pending = Page{};
        if (firstView) m_fitPending = FitKind::Readable;
    } else {
        m_pending = std::move(p);
        m_pendingSince = ImGui::GetTime();
    }
    evict();
}

void SceneCanvas::clear(std::string message) {
    m_shown = Page{};
    m_pending = Page{};
    m_message = std::move(message);
    evict();
}

void SceneCanvas::applyFit(FitKind kind, double w, double h) {
    const PreparedScene* sc = m_shown.scene.get();
    if (!sc) return;
    double margin = 24;
    double zw = (w - 2 * margin) / std::max(sc->widthPt(), 1.0), zh = (h - 2 * margin) / std::max(sc->heightPt(), 1.0);
    double z = std::min(zw, zh);
    if (kind == FitKind::Readable && z < 1.0) {
        // A wide family fitted by its width becomes a strip of unreadable symbols: fit its
        // height instead (at most natural size), and start at its left edge.
        z = std::min(zh, 1.0);
    }
    m_zoom = std::clamp(z, kMinZoom, kMaxZoom);
    double pw = sc->widthPt() * m_zoom, ph = sc->heightPt() * m_zoom;
    m_offX = pw <= w ? (w - pw) / 2 : margin;
    m_offY = ph <= h ? (h - ph) / 2 : margin;
}

void SceneCanvas::zoomAbout(double factor, double cx, double cy) {
    double z = std::clamp(m_zoom * factor, kMinZoom, kMaxZoom);
    double f = z / m_zoom;
    m_offX = cx - (cx - m_offX) * f;
    m_offY = cy - (cy - m_offY) * f;
    m_zoom = z;
}

void SceneCanvas::zoomBy(double factor) { zoomAbout(factor, m_canvasW / 2.0, m_canvasH / 2.0); }

void SceneCanvas::setPose(const CameraPose& pose) {
    const PreparedScene* sc = m_shown.scene.get();
    if (!sc || m_canvasW <= 0) return;
    double margin = 24;
    double fit = std::min((m_canvasW - 2 * margin) / std::max(sc->widthPt(), 1.0),
                          (m_canvasH - 2 * margin) / std::max(sc->heightPt(), 1.0));
    m_zoom = std::clamp(fit * pose.zoom, kMinZoom, kMaxZoom);
    m_offX = m_canvasW / 2.0 - pose.x * sc->widthPt() * m_zoom;
    m_offY = m_canvasH / 2.0 - pose.y * sc->heightPt() * m_zoom;
    m_fitPending = FitKind::None;
}

// ------------------------------------------------------------------ [SECTION] the frame

SceneCanvas::Result SceneCanvas::draw(const char* id, const std::vector<std::string>& highlightIds,
                                      const std::string& focusId) {
    ++m_frame;
    Result res;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    avail.x = std::max(avail.x, 50.f);
    avail.y = std::max(avail.y, 50.f);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    m_originX = origin.x;
    m_originY = origin.y;
    ImGui::InvisibleButton(id, avail, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                                          ImGuiButtonFlags_MouseButtonMiddle);
    m_canvasW = int(avail.x);
    m_canvasH = int(avail.y);
    ImGuiIO& io = ImGui::GetIO();
    bool hovered = ImGui::IsItemHovered();
    double mx = io.MousePos.x - origin.x, my = io.MousePos.y - origin.y;

    uploadStaged();
    // A new version of the page takes over once its visible tiles are painted.
    if (m_pending) {
        std::vector<TileKey> keys;
        visibleTiles(m_pending, levelFor(m_zoom), 0, keys);
        bool ready = std::all_of(keys.begin(), keys.end(), [&](const TileKey& k) { return m_tiles.count(k) > 0; });
        if (ready || ImGui::GetTime() - m_pendingSince > kSwapAfterSec) {
            m_shown = std::move(m_pending);
            m_pending = Page{};
            evict();
        }
    }
    if (m_shown && m_fitPending != FitKind::None && avail.x > 60) {
        applyFit(m_fitPending, avail.x, avail.y);
        m_fitPending = FitKind::None;
    }

    const PreparedScene* sc = m_shown.scene.get();
    // Input: wheel zooms about the pointer, any drag pans, a click selects, a right click asks.
    if (hovered && io.MouseWheel != 0 && sc) zoomAbout(std::pow(1.15, double(io.MouseWheel)), mx, my);
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
    Point under{(mx - m_offX) / m_zoom, (my - m_offY) / m_zoom};
    double slack = 3.0 / std::max(m_zoom, 1e-3);
    const HitTarget* hit = hovered && sc && !m_dragging ? sc->hitTest(under, slack) : nullptr;
    if (ImGui::IsItemDeactivated()) {
        if (!m_dragging && sc && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            if (const HitTarget* h = sc->hitTest(under, slack)) res.clickedId = h->id;
            else res.clickedEmpty = true;
        }
        if (!m_dragging && sc && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
            if (const HitTarget* h = sc->hitTest(under, slack)) res.contextId = h->id;
            else res.contextEmpty = true;
        }
        m_dragging = false;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Middle)) m_fitPending = FitKind::All;
    if (hit) {
        res.hoveredId = hit->id;
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }

    // Selection from elsewhere: bring it into view if it is off screen.
    if (!m_revealId.empty() && sc) {
        if (auto b = sc->bounds(m_revealId)) {
            double x0 = m_offX + b->x * m_zoom, y0 = m_offY + b->y * m_zoom;
            double x1 = x0 + b->w * m_zoom, y1 = y0 + b->h * m_zoom;
            if (x1 < 0 || y1 < 0 || x0 > avail.x || y0 > avail.y) {
                m_offX += avail.x / 2 - (x0 + x1) / 2;
                m_offY += avail.y / 2 - (y0 + y1) / 2;
            }
        }
        m_revealId.clear();
    }

    auto* dl = ImGui::GetWindowDrawList();
    ImVec2 end(origin.x + avail.x, origin.y + avail.y);
    dl->PushClipRect(origin, end, true);
    bool dark = ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f;
    ImU32 desk = dark ? IM_COL32(40, 42, 47, 255) : IM_COL32(229, 232, 236, 255);
    if (!sc) {
        dl->AddRectFilled(origin, end, desk);
    } else {
        // The desk around the page, in up to four strips: never painted under the page.
        float px0 = std::clamp(float(origin.x + m_offX), origin.x, end.x);
        float py0 = std::clamp(float(origin.y + m_offY), origin.y, end.y);
        float px1 = std::clamp(float(origin.x + m_offX + sc->widthPt() * m_zoom), origin.x, end.x);
        float py1 = std::clamp(float(origin.y + m_offY + sc->heightPt() * m_zoom), origin.y, end.y);
        if (py0 > origin.y) dl->AddRectFilled(origin, ImVec2(end.x, py0), desk);
        if (py1 < end.y) dl->AddRectFilled(ImVec2(origin.x, py1), end, desk);
        if (px0 > origin.x) dl->AddRectFilled(ImVec2(origin.x, py0), ImVec2(px0, py1), desk);
        if (px1 < end.x) dl->AddRectFilled(ImVec2(px1, py0), ImVec2(end.x, py1), desk);
    }
    // A quiet grid: every 50 points, stronger every 250, only where lines are far enough apart.
    if (sc && m_zoom < 3) {
        ImU32 minor = dark ? IM_COL32(46, 49, 55, 255) : IM_COL32(221, 224, 229, 255);
        ImU32 major = dark ? IM_COL32(54, 57, 64, 255) : IM_COL32(211, 215, 221, 255);
        for (double step : {50.0, 250.0}) {
            double px = step * m_zoom;
            if (px < 12) continue;
            ImU32 col = step > 60 ? major : minor;
            for (double x = std::fmod(m_offX, px); x < avail.x; x += px)
                dl->AddLine(ImVec2(float(origin.x + x), origin.y), ImVec2(float(origin.x + x), end.y), col);
            for (double y = std::fmod(m_offY, px); y < avail.y; y += px)
                dl->AddLine(ImVec2(origin.x, float(origin.y + y)), ImVec2(end.x, float(origin.y + y)), col);
        }
    }
    m_complete = false;
    if (sc) {
        int level = levelFor(m_zoom);
        requestTiles(m_pending ? m_pending : m_shown, level);
        if (m_pending) requestTiles(m_shown, level);   // keep the old page whole while the new one paints
        drawPage(m_shown, level, dl, &m_complete);
        // Outlines: the people or items that belong to the selection, then the selection itself.
        ImVec4 a = ImGui::GetStyle().Colors[ImGuiCol_CheckMark];
        ImU32 accent = ImGui::ColorConvertFloat4ToU32(a);
        ImU32 soft = ImGui::ColorConvertFloat4ToU32(ImVec4(a.x, a.y, a.z, 0.22f));
        auto outline = [&](const std::string& mid, bool strong) {
            auto b = sc->bounds(mid);
            if (!b) return;
            ImVec2 q0(float(origin.x + m_offX + b->x * m_zoom) - 4, float(origin.y + m_offY + b->y * m_zoom) - 4);
            ImVec2 q1(float(origin.x + m_offX + b->right() * m_zoom) + 4, float(origin.y + m_offY + b->bottom() * m_zoom) + 4);
            dl->AddRectFilled(q0, q1, soft, 5.f);
            dl->AddRect(q0, q1, accent, 5.f, 0, strong ? 2.5f : 1.5f);
        };
        for (auto& h : highlightIds)
            if (h != focusId) outline(h, false);
        if (!focusId.empty()) outline(focusId, true);
        if (m_markerX) {
            float x = float(origin.x + m_offX + *m_markerX * m_zoom);
            float y0 = float(origin.y + std::max(0.0, m_offY)), y1 = float(origin.y + m_offY + sc->heightPt() * m_zoom);
            y1 = std::min(y1, end.y);
            ImU32 col = IM_COL32(214, 110, 30, 230);
            dl->AddLine(ImVec2(x, y0), ImVec2(x, y1), col, 2.f);
            if (!m_markerLabel.empty()) {
                ImVec2 ts = ImGui::CalcTextSize(m_markerLabel.c_str());
                ImVec2 p(x + 4, y0 + 4);
                dl->AddRectFilled(ImVec2(p.x - 3, p.y - 2), ImVec2(p.x + ts.x + 3, p.y + ts.y + 2), col, 3.f);
                dl->AddText(p, IM_COL32(255, 255, 255, 255), m_markerLabel.c_str());
            }
        }
        if (hit && hit->id != focusId) {
            ImVec2 q0(float(origin.x + m_offX + hit->bounds.x * m_zoom) - 3, float(origin.y + m_offY + hit->bounds.y * m_zoom) - 3);
            ImVec2 q1(float(origin.x + m_offX + hit->bounds.right() * m_zoom) + 3,
                      float(origin.y + m_offY + hit->bounds.bottom() * m_zoom) + 3);
            dl->AddRect(q0, q1, ImGui::ColorConvertFloat4ToU32(ImVec4(a.x, a.y, a.z, 0.6f)), 4.f, 0, 1.f);
        }
    }
    if (!m_message.empty()) {
        float wrap = std::min(avail.x - 40.f, 560.f);
        ImVec2 ts = ImGui::CalcTextSize(m_message.c_str(), nullptr, false, wrap);
        ImVec2 p(origin.x + (avail.x - ts.x) / 2, sc ? origin.y + 16 : origin.y + (avail.y - ts.y) / 2);
        dl->AddRectFilled(ImVec2(p.x - 18, p.y - 10), ImVec2(p.x + ts.x + 18, p.y + ts.y + 10),
                          ImGui::GetColorU32(ImGuiCol_PopupBg), 6.f);
        dl->AddRect(ImVec2(p.x - 18, p.y - 10), ImVec2(p.x + ts.x + 18, p.y + ts.y + 10),
                    ImGui::GetColorU32(ImGuiCol_Border), 6.f);
        dl->AddText(nullptr, 0.f, p, ImGui::GetColorU32(ImGuiCol_Text), m_message.c_str(), nullptr, wrap);
    }
    dl->PopClipRect();
    return res;
}

}  // namespace genochron::app
