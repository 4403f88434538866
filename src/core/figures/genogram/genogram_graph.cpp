// The family as the genogram recipe sees it: the people drawn, one union per couple
// (or per lone parent), sibships in birth order, partner rows ordered left to right,
// and a fixed emit order (generation, family, birth order) because dot is sensitive
// to input order.
// [SECTION] selection (everyone, or the family around a person)
// [SECTION] unions and sibships
// [SECTION] partner rows (serial partners split left and right, married siblings at the end)
// [SECTION] emit order
#include "core/model/diagnostics.hpp"
#include "core/figures/genogram/genogram_graph.hpp"
#include "core/figures/genogram/genogram_rows.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <numeric>
#include <set>

namespace genochron::genogram {

bool bornBefore(const Person& a, std::size_t aIndex, const Person& b, std::size_t bIndex) {
    const bool ak = a.born && a.born->known(), bk = b.born && b.born->known();
    if (ak && bk) {
        if (*a.born < *b.born) return true;
        if (*b.born < *a.born) return false;
    }
    // Unknown birth dates keep file order among themselves; birth_order breaks ties.
    if (a.birthOrder && b.birthOrder && *a.birthOrder != *b.birthOrder) return *a.birthOrder < *b.birthOrder;
    return aIndex < bIndex;
}

// ---------------------------------------------------------------- [SECTION] selection

std::vector<std::string> familyWithin(const Case& c, const std::string& id, int depth) {
    if (!c.person(id))
        throw GenochronError("--person: there is no person '" + id + "' in this case (use the id from the case file" +
                             std::string(", or the published id p1, p2, ... in an anonymised figure)"));
    std::map<std::string, std::set<std::string>> adj;
    auto link = [&](const std::string& a, const std::string& b) {
        if (a.empty() || b.empty() || a == b) return;
        adj[a].insert(b);
        adj[b].insert(a);
    };
    std::map<std::string, std::vector<std::string>> childrenOf;
    for (auto& p : c.people)
        for (auto& par : p.parents) {
            link(p.id, par);
            childrenOf[par].push_back(p.id);
        }
    for (auto& [par, kids] : childrenOf)   // siblings: share a parent
        for (std::size_t i = 0; i < kids.size(); ++i)
            for (std::size_t j = i + 1; j < kids.size(); ++j) link(kids[i], kids[j]);
    for (auto& pt : c.partnerships) link(pt.partners[0], pt.partners[1]);

    std::map<std::string, int> dist{{id, 0}};
    std::deque<std::string> q{id};
    while (!q.empty()) {
        auto cur = q.front();
        q.pop_front();
        if (dist[cur] >= depth) continue;
        for (auto& n : adj[cur])
            if (!dist.count(n)) {
                dist[n] = dist[cur] + 1;
                q.push_back(n);
            }
    }
    std::vector<std::string> out;
    for (auto& p : c.people)
        if (dist.count(p.id)) out.push_back(p.id);
    return out;
}

namespace detail {

double symbolSize(const Person& p) { return p.isPregnancyNode() ? kSmallSymbolPt : kSymbolPt; }

namespace {

constexpr long kUndatedDay = std::numeric_limits<long>::max() / 4;

std::pair<int, int> pairKey(int x, int y) { return {std::min(x, y), std::max(x, y)}; }

long partnershipStart(const Partnership& pt) {
    long d = kUndatedDay;
    for (auto& h : pt.history)
        if (h.from && h.from->known()) d = std::min(d, h.from->earliestDay());
    if (pt.from && pt.from->known()) d = std::min(d, pt.from->earliestDay());
    return d;
}

// Working state while the family is assembled (indices into Case::people).
struct Builder {
    const Case& c;
    std::vector<std::size_t> selected;          // case indices
    std::map<std::string, int> local;           // id -> index into selected
    std::vector<FamPerson> people;
    std::vector<FamUnion> unions;

    explicit Builder(const Case& cs) : c(cs) {}

    int idx(const std::string& id) const {
        auto it = local.find(id);
        return it == local.end() ? -1 : it->second;
    }
};

// ---------------------------------------------------------------- [SECTION] unions and sibships

void buildUnions(Builder& b) {
    std::map<std::pair<int, int>, int> byPair;   // (lo, hi) -> union; (p, -1) for one parent
    for (std::size_t i = 0; i < b.c.partnerships.size(); ++i) {
        auto& pt = b.c.partnerships[i];
        int x = b.idx(pt.partners[0]), y = b.idx(pt.partners[1]);
        if (x < 0 || y < 0 || x == y) continue;
        auto key = pairKey(x, y);
        if (byPair.count(key)) continue;   // one union per couple, however many records
        FamUnion u;
        u.a = x;
        u.b = y;
        u.partnership = int(i);
        u.startDay = partnershipStart(pt);
        byPair[key] = int(b.unions.size());
        b.unions.push_back(u);
    }
    for (std::size_t ci = 0; ci < b.people.size(); ++ci) {
        std::vector<int> known;
        for (auto& par : b.people[ci].p->parents) {
            int pi = b.idx(par);
            if (pi >= 0 && pi != int(ci) && std::find(known.begin(), known.end(), pi) == known.end()) known.push_back(pi);
        }
        if (known.empty()) continue;
        std::pair<int, int> key = known.size() >= 2 ? pairKey(known[0], known[1]) : std::make_pair(known[0], -1);
        auto it = byPair.find(key);
        int ui;
        if (it != byPair.end()) {
            ui = it->second;
        } else {
            FamUnion u;   // a couple with no partnership record, or one known parent
            u.a = known[0];
            u.b = known.size() >= 2 ? known[1] : -1;
            u.startDay = kUndatedDay;
            ui = int(b.unions.size());
            byPair[key] = ui;
            b.unions.push_back(u);
        }
        b.unions[ui].children.push_back(int(ci));
        b.people[ci].parentUnion = ui;
    }
    for (std::size_t ui = 0; ui < b.unions.size(); ++ui) {
        auto& u = b.unions[ui];
        b.people[u.a].unions.push_back(int(ui));
        if (!u.single()) b.people[u.b].unions.push_back(int(ui));
    }
    for (auto& r : b.c.relations) {
        int x = b.idx(r.from), y = b.idx(r.to);
        if (x < 0 || y < 0 || x == y) continue;
        if (auto it = byPair.find(pairKey(x, y)); it != byPair.end()) ++b.unions[it->second].relationLanes;
    }
}

bool hasPartnerWithParents(const Builder& b, int person) {
    for (int ui : b.people[person].unions) {
        auto& u = b.unions[ui];
        if (u.single()) continue;
        int other = u.a == person ? u.b : u.a;
        if (b.people[other].hasParents()) return true;
    }
    return false;
}

// Oldest first. Where the dates and birth_order cannot tell two children apart, one
// married into another family goes to the right end, nearest where the spouse will sit.
void orderSiblings(Builder& b) {
    for (auto& u : b.unions) {
        auto key = [&](int i) { return std::make_pair(b.people[i].p, b.people[i].caseIndex); };
        std::stable_sort(u.children.begin(), u.children.end(), [&](int x, int y) {
            auto [px, ix] = key(x);
            auto [py, iy] = key(y);
            bool xy = bornBefore(*px, 0, *py, 1), yx = bornBefore(*py, 0, *px, 1);
            if (xy != yx) return xy;   // birth order decides
            bool mx = hasPartnerWithParents(b, x), my = hasPartnerWithParents(b, y);
            if (mx != my) return my;   // tie: the married-in-elsewhere sibling last
            return ix < iy;
        });
    }
}

// Generations: a child is one below its parents, partners share a row. Bounded passes
// so a loop in bad data cannot hang the layout.
void computeGenerations(Builder& b) {
    const int n = int(b.people.size());
    for (int pass = 0; pass < n + 2; ++pass) {
        bool changed = false;
        for (auto& u : b.unions) {
            int g = b.people[u.a].gen;
            if (!u.single()) {
                g = std::max(g, b.people[u.b].gen);
                for (int x : {u.a, u.b})
                    if (b.people[x].gen != g) { b.people[x].gen = g; changed = true; }
            }
            for (int ch : u.children)
                if (b.people[ch].gen < g + 1) { b.people[ch].gen = g + 1; changed = true; }
        }
        if (!changed) break;
    }
}

// ---------------------------------------------------------------- [SECTION] partner rows

// A member of a partner row: a person, or the stub union of a lone parent (drawn
// beside that parent, like a partner nobody knows).
struct Member {
    int person = -1;
    int stubUnion = -1;
};

// The row as plain data for the ordering (genogram_rows.hpp).
RowGraph rowGraph(const Builder& b, const std::vector<Member>& members, const std::vector<int>& couples) {
    RowGraph g;
    std::map<int, int> memberOfPerson;
    for (std::size_t m = 0; m < members.size(); ++m)
        if (members[m].person >= 0) memberOfPerson[members[m].person] = int(m);
    for (auto& mem : members) {
        RowMember rm;
        if (mem.stubUnion >= 0) {
            rm.stub = true;
            auto it = memberOfPerson.find(b.unions[mem.stubUnion].a);
            rm.stubParent = it == memberOfPerson.end() ? -1 : it->second;
        } else {
            const auto& fp = b.people[mem.person];
            rm.hasParents = fp.hasParents();
            if (rm.hasParents) {
                const auto& sibs = b.unions[fp.parentUnion].children;
                auto at = std::find(sibs.begin(), sibs.end(), mem.person) - sibs.begin();
                rm.older = at > 0;
                rm.younger = at + 1 < long(sibs.size());
            }
        }
        g.members.push_back(rm);
    }
    // The latest partnership of someone with several stays side by side if it can.
    auto isLatest = [&](int ui) {
        const auto& u = b.unions[ui];
        for (int person : {u.a, u.b}) {
            int couplesOf = 0;
            bool latest = true;
            for (int other : b.people[person].unions) {
                if (b.unions[other].single()) continue;
                ++couplesOf;
                if (other != ui && b.unions[other].startDay > u.startDay) latest = false;
            }
            if (couplesOf > 1 && latest) return true;
        }
        return false;
    };
    for (int ui : couples) {
        auto ia = memberOfPerson.find(b.unions[ui].a), ib = memberOfPerson.find(b.unions[ui].b);
        if (ia == memberOfPerson.end() || ib == memberOfPerson.end()) continue;
        g.couples.push_back({ia->second, ib->second, isLatest(ui)});
    }
    return g;
}

// Partner components, each ordered left to right, with union points between partners
// (or beside the outer partner when a serial partner sits between them).
void buildRows(const Builder& b, Family& f) {
    const int n = int(b.people.size());
    f.rowOf.assign(n, -1);
    std::vector<int> comp(n, -1);
    int ncomp = 0;
    for (int start = 0; start < n; ++start) {
        if (comp[start] >= 0 || b.people[start].unions.empty()) continue;
        std::deque<int> q{start};
        comp[start] = ncomp;
        while (!q.empty()) {
            int x = q.front();
            q.pop_front();
            for (int ui : b.people[x].unions) {
                auto& u = b.unions[ui];
                if (u.single()) continue;
                int other = u.a == x ? u.b : u.a;
                if (comp[other] < 0) { comp[other] = ncomp; q.push_back(other); }
            }
        }
        ++ncomp;
    }
    // Each component's members (people in emit order, then lone parents' stubs) and couples.
    std::vector<std::vector<Member>> membersOf(ncomp);
    std::vector<std::vector<int>> couplesOf(ncomp);   // 2-person unions inside the component
    for (int p = 0; p < n; ++p)
        if (comp[p] >= 0) membersOf[comp[p]].push_back({p, -1});
    for (std::size_t ui = 0; ui < b.unions.size(); ++ui) {
        auto& u = b.unions[ui];
        if (comp[u.a] < 0) continue;
        if (u.single()) membersOf[comp[u.a]].push_back({-1, int(ui)});
        else couplesOf[comp[u.a]].push_back(int(ui));
    }
    for (int k = 0; k < ncomp; ++k) {
        const auto& members = membersOf[k];
        const auto& couples = couplesOf[k];
        auto seq = orderRow(rowGraph(b, members, couples));
        std::vector<RowItem> row;
        for (int m : seq) {
            auto& mem = members[m];
            row.push_back(mem.person >= 0 ? RowItem{false, mem.person} : RowItem{true, mem.stubUnion});
        }
        auto posOf = [&](int person) {
            for (std::size_t i = 0; i < row.size(); ++i)
                if (!row[i].isUnion && row[i].index == person) return int(i);
            return -1;
        };
        for (int ui : couples) {
            auto& u = b.unions[ui];
            int x = posOf(u.a), y = posOf(u.b);
            if (x > y) std::swap(x, y);
            int at;
            if (y - x == 1) {
                at = y;   // between the partners
            } else {
                // Beside the partner with fewer partnerships (the serial one), on the inner side.
                int px = row[x].index, py = row[y].index;
                at = b.people[px].unions.size() < b.people[py].unions.size() ? x + 1 : y;
            }
            row.insert(row.begin() + at, RowItem{true, ui});
        }
        int rowIndex = int(f.rows.size());
        for (auto& it : row)
            if (!it.isUnion) f.rowOf[it.index] = rowIndex;
        f.rows.push_back(std::move(row));
    }
}

// People with no family ties go on the row of someone they relate to, or the index person's.
void anchorLoners(const Builder& b, Family& f) {
    const int n = int(b.people.size());
    f.anchorOf.assign(n, -1);
    int indexPerson = -1;
    for (int i = 0; i < n; ++i)
        if (b.people[i].p->index) { indexPerson = i; break; }
    for (int i = 0; i < n; ++i) {
        auto& fp = b.people[i];
        if (fp.hasParents() || !fp.unions.empty()) continue;
        int anchor = -1;
        for (auto& r : b.c.relations) {
            const std::string* other = r.from == fp.p->id ? &r.to : r.to == fp.p->id ? &r.from : nullptr;
            if (!other) continue;
            int o = b.idx(*other);
            if (o >= 0 && o != i && (b.people[o].hasParents() || !b.people[o].unions.empty())) { anchor = o; break; }
        }
        if (anchor < 0 && indexPerson != i) anchor = indexPerson;
        f.anchorOf[i] = anchor;
    }
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] emit order

Family buildFamily(const Case& c, const LayoutOptions& opt) {
    Builder b(c);
    std::set<std::string> want;
    if (!opt.person.empty())
        for (auto& id : familyWithin(c, opt.person, std::max(0, opt.depth))) want.insert(id);
    for (std::size_t i = 0; i < c.people.size(); ++i) {
        auto& p = c.people[i];
        if (opt.person.empty() ? p.hasRole(Role::Professional) : !want.count(p.id)) continue;
        if (b.local.count(p.id)) continue;
        b.local[p.id] = int(b.people.size());
        FamPerson fp;
        fp.p = &p;
        fp.caseIndex = i;
        b.people.push_back(fp);
        b.selected.push_back(i);
    }
    buildUnions(b);
    orderSiblings(b);
    computeGenerations(b);

    Family tmp;
    buildRows(b, tmp);
    anchorLoners(b, tmp);
    for (std::size_t i = 0; i < b.people.size(); ++i)   // loners share their anchor's generation
        if (tmp.anchorOf[i] >= 0) b.people[i].gen = b.people[tmp.anchorOf[i]].gen;

    // Emit order, generation by generation: children of each family in the order their
    // parents were emitted, each pulling in their partner row; then everyone else.
    const int n = int(b.people.size());
    int maxGen = 0;
    for (auto& fp : b.people) maxGen = std::max(maxGen, fp.gen);
    std::vector<int> order, pos(n, std::numeric_limits<int>::max());
    std::vector<char> placed(n, 0);
    for (int g = 0; g <= maxGen; ++g) {
        std::vector<int> level;
        auto add = [&](int p) {
            if (placed[p] || b.people[p].gen != g) return;
            if (tmp.rowOf[p] >= 0) {
                for (auto& it : tmp.rows[tmp.rowOf[p]])
                    if (!it.isUnion && !placed[it.index] && b.people[it.index].gen == g) {
                        placed[it.index] = 1;
                        level.push_back(it.index);
                    }
            } else {
                placed[p] = 1;
                level.push_back(p);
            }
        };
        std::vector<int> fams;
        for (std::size_t ui = 0; ui < b.unions.size(); ++ui)
            if (!b.unions[ui].children.empty()) fams.push_back(int(ui));
        auto famPos = [&](int ui) {
            auto& u = b.unions[ui];
            return std::min(pos[u.a], u.single() ? std::numeric_limits<int>::max() : pos[u.b]);
        };
        std::stable_sort(fams.begin(), fams.end(), [&](int x, int y) { return famPos(x) < famPos(y); });
        for (int ui : fams)
            for (int ch : b.unions[ui].children) add(ch);
        for (int p = 0; p < n; ++p)
            if (tmp.anchorOf[p] < 0) add(p);
        for (int p = 0; p < n; ++p) add(p);   // loners last on their row
        for (int p : level) {
            pos[p] = int(order.size());
            order.push_back(p);
        }
    }
    for (int p = 0; p < n; ++p)   // generations that bad data left unplaced
        if (!placed[p]) { pos[p] = int(order.size()); order.push_back(p); }

    // Renumber everything into emit order.
    Family f;
    std::vector<int> newIndex(n);
    for (int i = 0; i < n; ++i) newIndex[order[i]] = i;
    std::vector<int> unionOrder(b.unions.size());
    std::iota(unionOrder.begin(), unionOrder.end(), 0);
    auto unionKey = [&](int ui) {
        auto& u = b.unions[ui];
        int lo = std::min(newIndex[u.a], u.single() ? n : newIndex[u.b]);
        return std::make_tuple(lo, u.startDay, ui);
    };
    std::sort(unionOrder.begin(), unionOrder.end(), [&](int x, int y) { return unionKey(x) < unionKey(y); });
    std::vector<int> newUnion(b.unions.size());
    for (std::size_t i = 0; i < unionOrder.size(); ++i) newUnion[unionOrder[i]] = int(i);

    for (int i = 0; i < n; ++i) {
        FamPerson fp = b.people[order[i]];
        if (fp.parentUnion >= 0) fp.parentUnion = newUnion[fp.parentUnion];
        for (auto& ui : fp.unions) ui = newUnion[ui];
        std::sort(fp.unions.begin(), fp.unions.end());
        f.byId[fp.p->id] = i;
        f.people.push_back(fp);
    }
    for (int ui : unionOrder) {
        FamUnion u = b.unions[ui];
        u.a = newIndex[u.a];
        if (!u.single()) u.b = newIndex[u.b];
        for (auto& ch : u.children) ch = newIndex[ch];
        f.unions.push_back(u);
    }
    std::vector<int> rowOrder(tmp.rows.size());
    std::iota(rowOrder.begin(), rowOrder.end(), 0);
    auto rowKey = [&](int r) {
        int lo = n;
        for (auto& it : tmp.rows[r])
            if (!it.isUnion) lo = std::min(lo, newIndex[it.index]);
        return lo;
    };
    std::sort(rowOrder.begin(), rowOrder.end(), [&](int x, int y) { return rowKey(x) < rowKey(y); });
    f.rowOf.assign(n, -1);
    for (int r : rowOrder) {
        auto row = tmp.rows[r];
        for (auto& it : row) {
            it.index = it.isUnion ? newUnion[it.index] : newIndex[it.index];
            if (!it.isUnion) f.rowOf[it.index] = int(f.rows.size());
        }
        f.rows.push_back(std::move(row));
    }
    f.anchorOf.assign(n, -1);
    for (int i = 0; i < n; ++i)
        if (tmp.anchorOf[order[i]] >= 0) f.anchorOf[i] = newIndex[tmp.anchorOf[order[i]]];
    return f;
}

}  // namespace detail

}  // namespace genochron::genogram
