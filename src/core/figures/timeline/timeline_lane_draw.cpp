// [SECTION] sharing arrows (first, so every marker sits on top of them)
// [SECTION] one lane: uncertainty bars, markers, decorations, then labels
// [SECTION] label placement: greedy per lane, labels yield before markers
#include "core/figures/timeline/timeline_labels.hpp"
#include "core/figures/timeline/timeline_layout.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace genochron::timeline {

namespace {

constexpr double kDecorY = 11;   // risk, MARAC and referral glyphs: below the marker line
constexpr double kMaxBadgeShiftPt = 40;   // an MO badge further than this from its ring misleads

// The model id a mark answers to: its event's, and for a fold its first event's (in time
// order), so the app can select a fold like any marker and ids stay plain event ids.
const std::string& markId(const TimelineLayout& lay, const Mark& m) { return lay.data.items[m.first].event->id; }

// ---------------------------------------------------------------- [SECTION] sharing

std::vector<int> receivingLanes(const TimelineLayout& lay, const Mark& m, int lane) {
    std::vector<int> r;
    for (std::size_t i = m.first; i < m.end; ++i)
        for (auto& to : lay.data.items[i].event->sharedWith)
            if (auto it = lay.agencyLane.find(to); it != lay.agencyLane.end() && it->second != lane)
                r.push_back(it->second);
    std::sort(r.begin(), r.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
    return r;
}

// Arrows fold like markers: from one lane to another, an arrow closer than kArrowGapPt to
// the previous one adds nothing to the figure, so it is left out.
constexpr double kArrowGapPt = 3.0;

void drawSharing(MarkPainter& mp, const TimelineLayout& lay) {
    const std::size_t lanes = lay.data.lanes.size();
    for (std::size_t l = 0; l < lanes; ++l) {
        const double y = lay.markerY(int(l));
        std::vector<double> lastX(lanes, -1e9);
        auto drawFor = [&](const Mark& m) {
            auto to = receivingLanes(lay, m, int(l));
            // On a page that shows only some lanes: arrows from or to a lane shown here.
            if (!lay.shown(l) && std::none_of(to.begin(), to.end(), [&](int r) { return lay.shown(std::size_t(r)); }))
                return;
            to.erase(std::remove_if(to.begin(), to.end(), [&](int r) { return m.x - lastX[std::size_t(r)] < kArrowGapPt; }),
                     to.end());
            if (to.empty()) return;
            const std::string& id = markId(lay, m);
            const double gap = kMarkerRadiusPt + 1.8;
            double top = y, bottom = y;
            for (int r : to) {
                double ry = lay.markerY(r);
                top = std::min(top, ry + gap);
                bottom = std::max(bottom, ry - gap);
                lastX[std::size_t(r)] = m.x;
            }
            mp.sharedLine(m.x, top, bottom, id);
            for (int r : to) {
                double ry = lay.markerY(r);
                bool down = ry > y;
                mp.sharedHead(m.x, down ? ry - gap : ry + gap, down, id);
            }
        };
        for (auto& m : lay.marks[l].dated) drawFor(m);
        for (auto& m : lay.marks[l].undated) drawFor(m);
    }
}

// ---------------------------------------------------------------- [SECTION] one lane

struct LabelJob {
    int priority = 2;        // 0 folds, 1 missed opportunities, 2 the rest
    double x = 0;
    double left = 0, right = 0;   // the mark's own extent on the marker line
    double limit = 0;        // labels end before this
    const Mark* mark = nullptr;
};

class LaneDrawer {
public:
    LaneDrawer(MarkPainter& mp, const TimelineLayout& lay, int lane)
        : m_mp(mp), m_lay(lay), m_laneIndex(lane), m_lane(lay.data.lanes[std::size_t(lane)]),
          m_prov(provenanceOf(m_lane)), m_y(lay.markerY(lane)) {}

    void run() {
        for (auto& m : m_lay.marks[std::size_t(m_laneIndex)].dated) drawMark(m, m_lay.plotRight);
        for (auto& m : m_lay.marks[std::size_t(m_laneIndex)].undated) drawMark(m, m_lay.binRight);
        placeBadges();
        placeLabels();
    }

private:
    const Item& item(const Mark& m) const { return m_lay.data.items[m.first]; }

    void drawMark(const Mark& m, double limit) {
        LabelJob job;
        job.mark = &m;
        job.x = m.x;
        job.limit = limit;
        m_limit = limit;
        if (m.folded()) {
            const std::string& id = markId(m_lay, m);
            m_mp.fold(m.x0, m.x1, m_y, m_prov, m_lane.kind, id);
            double half = std::max(5.5, 0.5 * (m.x1 - m.x0) + 3.5);
            job.left = m.x - half - 1;
            job.right = m.x + half + 1;
            job.priority = 0;
            // A fold keeps the two marks a reader must not miss: information withheld, and MARAC.
            bool notShared = false, marac = false;
            for (std::size_t i = m.first; i < m.end; ++i) {
                const Event& e = *m_lay.data.items[i].event;
                notShared = notShared || e.hasTag("information_not_shared");
                marac = marac || e.hasTag("marac");
            }
            if (notShared) m_mp.notSharedStub({m.x, m_y + 1}, id);
            if (marac) m_mp.maracGlyph({job.left - 3, m_y + kDecorY}, id);
        } else {
            drawSingle(item(m), m, job);
        }
        m_rowB.take(job.left, job.right);
        m_jobs.push_back(job);
    }

    void drawSingle(const Item& it, const Mark& m, LabelJob& job) {
        const Event& e = *it.event;
        const std::string& id = e.id;
        const TimeAxis& ax = *m_lay.axis;
        const double r = kMarkerRadiusPt;
        const Point c{m.x, m_y};
        job.left = c.x - r - 1.5;
        job.right = c.x + r + 1.5;
        switch (it.shape) {
        case DateShape::Span:
        case DateShape::Range: {
            double a = ax.x(double(it.firstDay)), b = ax.x(double(it.lastDay + 1));
            m_mp.rangeBar(a, b, m_y, m_prov, m_lane.kind, id);
            job.left = std::min(job.left, a - 1);
            job.right = std::max(job.right, b + 1);
            break;
        }
        case DateShape::Duration: {
            double a = ax.x(double(it.firstDay)), b = ax.x(double(it.lastDay + 1));
            m_mp.durationBar(a, b, m_y, m_prov, m_lane.kind, id);
            job.right = std::max(job.right, b + 1);
            break;
        }
        case DateShape::Approx: {
            double s = approxSpreadDays(it);
            double a = ax.x(double(it.firstDay) - s), b = ax.x(double(it.lastDay + 1) + s);
            m_mp.approxBand(a, ax.x(double(it.firstDay)), ax.x(double(it.lastDay + 1)), b, m_y, m_prov, m_lane.kind, id);
            job.left = std::min(job.left, a);
            job.right = std::max(job.right, b);
            break;
        }
        case DateShape::Before:
            m_mp.openArrow(c.x, c.y, true, id);
            job.left = c.x - 21;
            break;
        case DateShape::After:
            m_mp.openArrow(c.x, c.y, false, id);
            job.right = c.x + 21;
            break;
        case DateShape::Day:
        case DateShape::Undated: break;
        }
        if (it.moNumber) {
            m_mp.moRing(c, id);
            job.left = std::min(job.left, c.x - r - 4);
            job.right = std::max(job.right, c.x + r + 4);
            job.priority = 1;
            m_badges.push_back({&it, c.x, m_limit});
        }
        m_mp.marker(c, m_prov, m_lane.kind, id);
        if (e.risk) m_mp.riskBadge({c.x + 7.6, c.y + kDecorY}, *e.risk, id);
        if (e.hasTag("referral")) m_mp.referralGlyph({c.x - 6.8, c.y + kDecorY}, true, id);
        else if (e.hasTag("referral_not_made")) m_mp.referralGlyph({c.x - 6.8, c.y + kDecorY}, false, id);
        if (e.hasTag("marac")) m_mp.maracGlyph({c.x - 13.8, c.y + kDecorY}, id);
        if (e.hasTag("information_not_shared")) m_mp.notSharedStub(c, id);
    }

    // Missed-opportunity numbers sit above their markers, before any label claims the room.
    // Where MOs crowd (the weeks before a death often do), badges spread apart in the same
    // order as their rings, each as near its ring as it can be, with a short leader to it.
    void placeBadges() {
        const double yA = m_lane.topPt + 7.2;
        std::size_t i = 0;
        while (i < m_badges.size()) {
            std::size_t j = i;
            while (j < m_badges.size() && m_badges[j].limit == m_badges[i].limit) ++j;
            const bool undated = m_badges[i].limit > m_lay.plotRight + 1;
            const double lo = undated ? m_lay.binLeft + 1 : m_lay.plotLeft - 10;
            const double hi = undated ? m_lay.binRight - 1 : m_lay.plotRight + 28;
            // A badge pushed far from its ring would point at the wrong event: where MOs are
            // packed tighter than their numbers can be written (thousands of events), the one
            // pushed furthest gives way until the rest sit near their rings. Its red ring stays.
            std::vector<std::size_t> keep;
            for (std::size_t k = i; k < j; ++k) keep.push_back(k);
            std::vector<double> placed;
            for (;;) {
                std::vector<double> want, widths;
                for (std::size_t k : keep) {
                    want.push_back(m_badges[k].x);
                    widths.push_back(MarkPainter::moBadgeWidth(m_badges[k].item->moNumber));
                }
                placed = spreadApart(want, widths, 2, lo, hi);
                std::size_t worst = keep.size();
                double worstShift = kMaxBadgeShiftPt;
                for (std::size_t n = 0; n < keep.size(); ++n)
                    if (std::abs(placed[n] - want[n]) > worstShift) worstShift = std::abs(placed[n] - want[n]), worst = n;
                if (worst == keep.size()) break;
                keep.erase(keep.begin() + long(worst));
            }
            for (std::size_t n = 0; n < keep.size(); ++n) {
                const Badge& b = m_badges[keep[n]];
                const double cx = placed[n];
                Rect box = m_mp.moBadge({cx, yA}, b.item->moNumber, b.item->event->id);
                if (std::abs(cx - b.x) > 1.5)
                    m_mp.moLeader({std::clamp(b.x, box.x + 2, box.right() - 2), box.bottom()},
                                  {b.x, m_y - kMarkerRadiusPt - 3.4}, b.item->event->id);
                m_rowA.take(box.x - 1, box.right() + 1);
            }
            i = j;
        }
    }

    // ------------------------------------------------------------ [SECTION] labels

    std::string labelText(const LabelJob& j) const {
        if (j.mark->folded()) return fmt::format("{} events", j.mark->count());
        const Event& e = *item(*j.mark).event;
        return shortText(!e.what.empty() ? e.what : e.action);
    }

    void placeLabels() {
        std::stable_sort(m_jobs.begin(), m_jobs.end(), [](const LabelJob& a, const LabelJob& b) {
            if (a.priority != b.priority) return a.priority < b.priority;
            return a.x < b.x;
        });
        const bool italic = m_prov == Provenance::FamilySide;   // their account, not a record
        const double yA = m_lane.topPt + 7.2;
        for (auto& j : m_jobs) {
            // On the marker line, right of the mark; else above it, starting at the marker.
            double startB = j.right + 1.5;
            double roomB = m_rowB.room(startB, std::min(startB + kLabelMaxPt, j.limit));
            double startA = j.left + 1;
            double roomA = m_rowA.room(startA, std::min(startA + kLabelMaxPt, j.limit));
            if (roomB < kLabelMinPt && roomA < kLabelMinPt) continue;   // no text built at all
            std::string text = labelText(j);
            if (text.empty()) continue;
            const bool fold = j.mark->folded();
            const FontWeight weight = fold ? FontWeight::Bold : FontWeight::Normal;
            double w = 0;
            if (roomB >= kLabelMinPt) {
                std::string fitted = fitText(text, kLabelSizePt, roomB - 2, &w, weight, italic && !fold);
                if (!fitted.empty()) {
                    emit(std::move(fitted), {startB, m_y}, j, weight, italic && !fold);
                    m_rowB.take(startB, startB + w + 3);
                    continue;
                }
            }
            if (roomA >= kLabelMinPt) {
                std::string fitted = fitText(text, kLabelSizePt, roomA - 2, &w, weight, italic && !fold);
                if (!fitted.empty()) {
                    emit(std::move(fitted), {startA, yA}, j, weight, italic && !fold);
                    m_rowA.take(startA, startA + w + 3);
                }
            }
        }
    }

    void emit(std::string text, Point at, const LabelJob& j, FontWeight weight, bool italic) {
        TextItem t;
        t.text = std::move(text);
        t.at = at;
        t.sizePt = kLabelSizePt;
        t.weight = weight;
        t.italic = italic;
        t.valign = VAlign::Middle;
        t.color = j.mark->folded() ? m_mp.palette().mutedInk : m_mp.palette().ink;
        t.modelId = markId(m_lay, *j.mark);
        m_mp.scene().text(std::move(t));
    }

    MarkPainter& m_mp;
    const TimelineLayout& m_lay;
    int m_laneIndex;
    const Lane& m_lane;
    Provenance m_prov;
    double m_y;
    Occupancy m_rowA, m_rowB;
    std::vector<LabelJob> m_jobs;
    struct Badge { const Item* item; double x, limit; };
    std::vector<Badge> m_badges;
    double m_limit = 0;
};

}  // namespace

Provenance provenanceOf(const Lane& l) {
    switch (l.band) {
    case Band::Agencies: return Provenance::Agency;
    case Band::FamilySide: return Provenance::FamilySide;
    case Band::Panel: return Provenance::Panel;
    }
    return Provenance::Agency;
}

void drawLaneContents(Scene& scene, const TimelineLayout& lay, const Palette& pal, GlyphUse& use) {
    MarkPainter mp(scene, pal, use);
    // A bar that runs past a --from/--to edge is cut at the plot, never drawn over the headers.
    const double left = lay.plotLeft - 12, right = lay.undatedBin ? lay.binRight : lay.plotRight + 30;
    scene.items.emplace_back(ClipPush{{left, lay.lanesTop, right - left, lay.lanesBottom - lay.lanesTop}});
    drawSharing(mp, lay);
    for (std::size_t l = 0; l < lay.data.lanes.size(); ++l)
        if (lay.shown(l)) LaneDrawer(mp, lay, int(l)).run();
    scene.items.emplace_back(ClipPop{});
}

}  // namespace genochron::timeline
