#include "core/figures/knowledge/knowledge_matrix.hpp"

#include "core/figures/timeline/timeline_style.hpp"
#include "core/model/enums.hpp"
#include "core/model/stages.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace genochron::knowledge {

const std::vector<Indicator>& indicators() {
    static const std::vector<Indicator> list = {
        {"history", "Perpetrator's earlier abuse", {}, false, 1},
        {"physical", "Physical abuse", {"physical_abuse"}, false, 0},
        {"strangulation", "Strangulation", {"strangulation"}, false, 0},
        {"threats_to_kill", "Threats to kill", {"threats_to_kill", "ccb_threats_to_kill"}, false, 0},
        {"weapon", "Weapon", {"weapon"}, false, 0},
        {"stalking", "Stalking", {"stalking"}, false, 0},
        {"coercive_control", "Coercive control", {}, true, 0},
        {"sexual", "Sexual abuse", {"sexual_abuse"}, false, 0},
        {"emotional", "Emotional abuse", {"emotional_abuse"}, false, 0},
        {"financial", "Financial abuse", {"financial_abuse", "ccb_financial_control"}, false, 0},
        {"separation", "Separation (trigger)", {}, false, 4},
        {"pregnancy", "Pregnancy", {"pregnancy"}, false, 0},
        {"children", "Children present or at risk",
         {"safeguarding_children", "domestic_abuse_witnessed", "ccb_threats_to_children"}, false, 0},
        {"substance", "Substance misuse", {"substance_misuse", "household_substance_misuse"}, false, 0},
        {"mental_health", "Mental health", {"mental_health", "household_mental_illness"}, false, 0},
        {"suicidal", "Suicidal thoughts", {"suicidal_ideation"}, false, 0},
    };
    return list;
}

bool shows(const Event& e, const Indicator& ind) {
    if (ind.stage) return stageOf(e) == ind.stage;
    for (auto& t : e.tags) {
        if (ind.anyCoerciveControl && isCoerciveControlTag(t)) return true;
        if (std::find(ind.tags.begin(), ind.tags.end(), t) != ind.tags.end()) return true;
    }
    return false;
}

std::optional<Date> Cell::first() const {
    if (!firstOwn) return firstReceived;
    if (!firstReceived) return firstOwn;
    return *firstReceived < *firstOwn ? firstReceived : firstOwn;
}

Cell::State Row::state(std::size_t col) const {
    const Cell& c = cells[col];
    if (!c.held()) return Cell::State::None;
    if (!agency) return Cell::State::KnownOutside;
    if (c.own.empty()) return Cell::State::ReceivedOnly;
    if (c.ownNotShared == 0) return Cell::State::Shared;
    if (c.ownNotShared < int(c.own.size())) return Cell::State::PartlyShared;
    return Cell::State::NotShared;
}

int Matrix::holders(std::size_t col) const {
    int n = 0;
    for (auto& r : rows) n += r.agency && r.cells[col].held();
    return n;
}

int Matrix::silos(std::size_t col) const {
    int n = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto s = rows[i].state(col);
        n += s == Cell::State::NotShared || s == Cell::State::PartlyShared;
    }
    return n;
}

bool Matrix::onlyOutside(std::size_t col) const {
    bool outside = false;
    for (auto& r : rows) {
        if (!r.cells[col].held()) continue;
        if (r.agency) return false;
        outside = true;
    }
    return outside;
}

int Matrix::rowOf(const std::string& key) const {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].key == key) return int(i);
    return -1;
}

namespace {

std::string codeFor(const Agency& a) {
    std::string s = a.id.substr(0, 12);
    for (auto& ch : s) ch = ch == '_' ? ' ' : char(std::toupper(static_cast<unsigned char>(ch)));
    return s;
}

std::string_view sourceRowLabel(Source s) {
    switch (s) {
    case Source::Family: return "Family";
    case Source::Friend: return "Friends";
    case Source::Colleague: return "Colleagues";
    case Source::Victim: return "The victim's own words";
    case Source::Perpetrator: return "The perpetrator's account";
    default: return "Other";
    }
}

void note(std::optional<Date>& first, const Date& d) {
    if (!first || d < *first) first = d;
}

}  // namespace

Matrix buildMatrix(const Case& c) {
    Matrix m;
    const auto& inds = indicators();
    // Which row each event belongs to.
    std::vector<const Event*> events = c.eventsByDate();
    auto rowKey = [&](const Event& e) -> std::string {
        if (e.source == Source::AgencyRecord) return c.agency(e.agency) ? e.agency : std::string();
        if (e.source == Source::Panel) return {};
        return "source:" + std::string(toString(e.source));
    };
    std::vector<bool> used(inds.size(), false);
    std::set<std::string> agencyKeys;
    std::set<Source> sources;
    for (const Event* e : events) {
        std::string k = rowKey(*e);
        bool any = false;
        for (std::size_t i = 0; i < inds.size(); ++i)
            if (shows(*e, inds[i])) any = used[i] = true;
        if (k.empty()) continue;
        if (e->source == Source::AgencyRecord) {
            agencyKeys.insert(k);
            if (any)
                for (auto& s : e->sharedWith)
                    if (c.agency(s)) agencyKeys.insert(s);
        } else if (any) {
            sources.insert(e->source);
        }
    }
    for (std::size_t i = 0; i < inds.size(); ++i) {
        if (used[i]) m.columns.push_back(&inds[i]);
        else m.absent.push_back(inds[i].label);
    }
    // Agencies in the timeline's order of kinds, then file order; then the family side.
    std::vector<const Agency*> ags;
    for (auto& a : c.agencies) {
        if (agencyKeys.count(a.id)) ags.push_back(&a);
        else m.agenciesWithoutRecord.push_back(a.name.empty() ? a.id : a.name);
    }
    std::stable_sort(ags.begin(), ags.end(), [](const Agency* a, const Agency* b) {
        return timeline::kindRank(a->kind) < timeline::kindRank(b->kind);
    });
    for (const Agency* a : ags) {
        Row r;
        r.key = a->id;
        r.label = a->name.empty() ? a->id : a->name;
        r.code = codeFor(*a);
        r.kind = a->kind;
        m.rows.push_back(std::move(r));
    }
    for (Source s : timeline::kFamilySideSources) {
        if (!sources.count(s)) continue;
        Row r;
        r.key = "source:" + std::string(toString(s));
        r.label = std::string(sourceRowLabel(s));
        r.code = r.label;
        r.agency = false;
        r.source = s;
        m.rows.push_back(std::move(r));
    }
    for (auto& r : m.rows) r.cells.resize(m.columns.size());
    std::map<std::string, int> rowIndex;
    for (std::size_t i = 0; i < m.rows.size(); ++i) rowIndex[m.rows[i].key] = int(i);

    for (const Event* e : events) {
        auto it = rowIndex.find(rowKey(*e));
        if (it == rowIndex.end()) continue;
        Row& row = m.rows[std::size_t(it->second)];
        for (std::size_t col = 0; col < m.columns.size(); ++col) {
            if (!shows(*e, *m.columns[col])) continue;
            Cell& cell = row.cells[col];
            cell.own.push_back(e->id);
            if (e->date.known()) note(cell.firstOwn, e->date);
            if (!row.agency) continue;
            bool passed = false;
            for (auto& s : e->sharedWith) {
                if (s == row.key || !c.agency(s)) continue;
                passed = true;
                cell.sharedWith.insert(s);
                auto rt = rowIndex.find(s);
                if (rt == rowIndex.end()) continue;
                Cell& got = m.rows[std::size_t(rt->second)].cells[col];
                got.received.push_back(e->id);
                got.receivedFrom.insert(row.key);
                if (e->date.known()) note(got.firstReceived, e->date);
            }
            if (!passed || e->hasTag("information_not_shared")) ++cell.ownNotShared;
        }
    }
    return m;
}

std::vector<std::string> cellEvents(const Matrix& m, std::size_t row, std::size_t col) {
    std::vector<std::string> out;
    if (row >= m.rows.size() || col >= m.columns.size()) return out;
    const Cell& c = m.rows[row].cells[col];
    out = c.own;
    for (auto& e : c.received)
        if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    return out;
}

}  // namespace genochron::knowledge
