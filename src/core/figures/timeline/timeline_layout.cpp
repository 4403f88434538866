// The horizontal layout: the axis over the plot area, markers' x, folds per lane, and
// the "Undated" bin. Vertical positions are the view's (timeline_view.cpp).
#include "core/figures/timeline/timeline_layout.hpp"

#include <algorithm>

namespace genochron::timeline {

namespace {

constexpr double kUndatedSlotPt = 12;

// Undated events in the bin: missed opportunities each in a slot; the rest one per slot
// while they fit, else folded into one mark.
void layoutUndated(TimelineLayout& lay, std::size_t lane, std::size_t begin, std::size_t end) {
    auto& items = lay.data.items;
    if (begin == end) return;
    const double usable = lay.binRight - lay.binLeft - 20;
    const std::size_t capacity = std::size_t(usable / kUndatedSlotPt) + 1;
    std::vector<std::size_t> mo, rest;
    for (std::size_t i = begin; i < end; ++i) (items[i].moNumber ? mo : rest).push_back(i);
    // Items are contiguous per mark, so order the lane's undated items: MOs first, then the rest.
    std::stable_partition(items.begin() + long(begin), items.begin() + long(end),
                          [](const Item& it) { return it.moNumber != 0; });
    const bool foldRest = end - begin > capacity && rest.size() > 1;
    std::size_t slots = mo.size() + (foldRest ? 1 : rest.size());
    double step = slots > 1 ? std::min(kUndatedSlotPt, usable / double(slots - 1)) : 0;
    double x = lay.binLeft + 10;
    auto& out = lay.marks[lane].undated;
    std::size_t i = begin;
    for (; i < begin + mo.size(); ++i, x += step) {
        items[i].x = x;
        out.push_back({i, i + 1, x, x, x});
    }
    if (foldRest) {
        for (std::size_t k = i; k < end; ++k) items[k].x = x;
        out.push_back({i, end, x, x, x});
        return;
    }
    for (; i < end; ++i, x += step) {
        items[i].x = x;
        out.push_back({i, i + 1, x, x, x});
    }
}

}  // namespace

TimelineLayout layoutTimeline(const ViewCase& c, const ViewOptions& opt) {
    return layoutTimeline(c, opt, kFigureWidthPt, kMarginPt);
}

TimelineLayout layoutTimeline(const ViewCase& vc, const ViewOptions& opt, double widthPt, double marginPt) {
    const Case& c = vc.data();
    TimelineLayout lay;
    lay.data = collectTimeline(c, opt);
    TimelineData& d = lay.data;

    lay.widthPt = widthPt;
    lay.margin = marginPt;
    lay.plotLeft = marginPt + kHeaderWidthPt + 14;
    lay.undatedBin = d.anyUndated;
    lay.binRight = lay.widthPt - marginPt;
    lay.binLeft = lay.binRight - kUndatedWidthPt;
    lay.plotRight = std::max(lay.plotLeft + 40, lay.undatedBin ? lay.binLeft - 16 : lay.widthPt - marginPt - 6);

    // What must stay on an ordinary stretch of axis: every dated event, and the reference
    // date and scope edges (a marked line inside a break would say nothing).
    std::vector<std::pair<long, long>> busy;
    busy.reserve(d.items.size() + 3);
    for (auto& it : d.items) {
        if (it.shape == DateShape::Undated) continue;
        if (it.shape == DateShape::Approx) {
            long s = long(approxSpreadDays(it));
            busy.push_back({it.firstDay - s, it.lastDay + s});
        } else {
            busy.push_back({it.firstDay, it.lastDay});
        }
    }
    for (auto day : {d.referenceDay, d.scopeFirst, d.scopeLast})
        if (day && *day >= d.domainFirst && *day <= d.domainLast) busy.push_back({*day, *day});
    lay.axis.emplace(d.domainFirst, d.domainLast, lay.plotLeft, lay.plotRight, std::move(busy), kBreakWidthPt);

    for (auto& it : d.items)
        if (it.shape != DateShape::Undated) it.x = lay.axis->x(it.markDay);

    lay.marks.resize(d.lanes.size());
    for (std::size_t l = 0; l < d.lanes.size(); ++l) {
        std::size_t b = d.laneBegin[l], e = d.laneBegin[l + 1], u = b;
        while (u < e && d.items[u].shape != DateShape::Undated) ++u;
        lay.marks[l].dated = foldLane(d.items, b, u, kFoldGapPt);
        layoutUndated(lay, l, u, e);
    }
    for (std::size_t l = 0; l < d.lanes.size(); ++l)
        if (d.lanes[l].band == Band::Agencies && !d.lanes[l].key.empty()) lay.agencyLane[d.lanes[l].key] = int(l);
    return lay;
}

}  // namespace genochron::timeline
