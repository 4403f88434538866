// The timeline's glyphs, drawn into a Scene: provenance markers, missed-opportunity rings
// and badges, DASH risk badges, MARAC and referral glyphs, information-sharing arrows and
// date-uncertainty bars. The legend draws its samples with the same calls, so the key
// always matches the figure. Every glyph records its use, and the legend shows only those.
#pragma once
#include "core/model/enums.hpp"
#include "core/scene/scene.hpp"
#include "core/figures/timeline/timeline_style.hpp"

#include <bitset>
#include <set>
#include <string>

namespace genochron::timeline {

enum class Glyph {
    AgencyRecord, FamilySide, Panel, MissedOpportunity, RiskStandard, RiskMedium, RiskHigh, Marac,
    Referral, ReferralNotMade, Shared, NotShared, Range, Duration, Approx, Before, After, FoldAgency,
    FoldFamily, Scope, Reference, AxisBreak, Highlight, Undated,
    Count
};

struct GlyphUse {
    std::bitset<std::size_t(Glyph::Count)> used;
    std::set<int> kinds;   // agency kinds (by kindRank) with markers
    void mark(Glyph g) { used.set(std::size_t(g)); }
    bool has(Glyph g) const { return used.test(std::size_t(g)); }
};

// What a marker says about where the information came from.
enum class Provenance { Agency, FamilySide, Panel };

class MarkPainter {
public:
    MarkPainter(Scene& scene, const Palette& pal, GlyphUse& use) : m_scene(scene), m_pal(pal), m_use(use) {}

    // Filled circle (agency record), hollow diamond (family, friends, colleagues, the victim,
    // the perpetrator), filled square (review panel).
    void marker(Point c, Provenance p, AgencyKind kind, const std::string& id);
    void moRing(Point c, const std::string& id);
    // "MO3" centred on `centre`; returns its box.
    Rect moBadge(Point centre, int number, const std::string& id);
    static double moBadgeWidth(int number);
    void moLeader(Point from, Point to, const std::string& id);   // badge moved aside -> its ring
    void riskBadge(Point c, Risk r, const std::string& id);
    void maracGlyph(Point c, const std::string& id);
    void referralGlyph(Point c, bool made, const std::string& id);
    // A vertical arrow from the holding lane to a receiving lane at the event's time.
    void sharedArrow(double x, double yFrom, double yTo, const std::string& id);
    void sharedLine(double x, double y0, double y1, const std::string& id);
    void sharedHead(double x, double yTip, bool down, const std::string& id);
    // A short crossed stub: information held but not shared.
    void notSharedStub(Point c, const std::string& id);

    // Date uncertainty, drawn behind the marker.
    void rangeBar(double x0, double x1, double y, Provenance p, AgencyKind kind, const std::string& id);
    void durationBar(double x0, double x1, double y, Provenance p, AgencyKind kind, const std::string& id);
    void approxBand(double x0, double xIn0, double xIn1, double x1, double y, Provenance p, AgencyKind kind,
                    const std::string& id);
    void openArrow(double x, double y, bool left, const std::string& id);

    // Several events too close to show apart: rounded (agency) or pointed (family side).
    // id: the model id of the fold (its first event's, so the app can select it).
    void fold(double x0, double x1, double y, Provenance p, AgencyKind kind, const std::string& id);

    Scene& scene() { return m_scene; }
    const Palette& palette() const { return m_pal; }

private:
    Color provenanceColor(Provenance p, AgencyKind kind) const;
    Scene& m_scene;
    const Palette& m_pal;
    GlyphUse& m_use;
};

}  // namespace genochron::timeline
