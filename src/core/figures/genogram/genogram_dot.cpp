// The dot pass: writes the family as a graph (DESIGN.md's recipe) through cgraph, lays
// it out with gvc, and reads the node centres back. Graphviz is not thread-safe, so
// everything here runs on the caller's thread, and every handle has an owner.
#include "core/model/diagnostics.hpp"
#include "core/figures/genogram/genogram_graph.hpp"

#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <graphviz/gvc.h>
#include <algorithm>
#include <map>
#include <memory>

namespace genochron::genogram::detail {

namespace {

// Sizes in points (dot takes inches). A person's node is as wide as the label slot,
// so names wrap in their own space and never move anyone.
constexpr double kNodeWPt = 72;
constexpr double kUnionWPt = 18;     // the partnership line's middle
constexpr double kHubPt = 2;
constexpr double kNodeSepPt = 9;
constexpr double kRankSepPt = 44;    // two of these between generations, with the sibship hub row between

// Edge weights: partners and their union bind tightest, then the union to its sibship.
constexpr int kPartnerWeight = 100;
constexpr int kDescentWeight = 40;
constexpr int kChildWeight = 2;
constexpr int kSiblingChainWeight = 5;
constexpr int kAnchorWeight = 1;   // ties a row to the next rank for dot's ordering, no more

// [SECTION] owners for the C handles

struct GvcDeleter {
    void operator()(GVC_t* g) const { gvFreeContext(g); }
};
struct GraphDeleter {
    void operator()(Agraph_t* g) const { agclose(g); }
};
using GvcPtr = std::unique_ptr<GVC_t, GvcDeleter>;
using GraphPtr = std::unique_ptr<Agraph_t, GraphDeleter>;

// Collects Graphviz's messages (it would print them to stderr) for our own error.
std::string* g_messages = nullptr;
int collectMessage(char* msg) {
    if (g_messages && msg) g_messages->append(msg);
    return 0;
}

class MessageCapture {
public:
    MessageCapture() {
        g_messages = &m_text;
        m_prevFn = agseterrf(collectMessage);
        m_prevLevel = agseterr(AGWARN);
        agreseterrors();
    }
    ~MessageCapture() {
        agseterrf(m_prevFn);
        agseterr(m_prevLevel);
        g_messages = nullptr;
    }
    MessageCapture(const MessageCapture&) = delete;
    MessageCapture& operator=(const MessageCapture&) = delete;
    const std::string& text() const { return m_text; }

private:
    std::string m_text;
    agusererrf m_prevFn = nullptr;
    agerrlevel_t m_prevLevel = AGWARN;
};

// A laid-out graph: gvFreeLayout before the graph is closed, and never twice.
class LaidOut {
public:
    LaidOut(GVC_t* gvc, Agraph_t* g) : m_gvc(gvc), m_g(g) {}
    ~LaidOut() {
        if (m_gvc && m_g) gvFreeLayout(m_gvc, m_g);
    }
    LaidOut(LaidOut&& o) noexcept : m_gvc(o.m_gvc), m_g(o.m_g) { o.m_gvc = nullptr; o.m_g = nullptr; }
    LaidOut& operator=(LaidOut&&) = delete;
    LaidOut(const LaidOut&) = delete;
    LaidOut& operator=(const LaidOut&) = delete;

private:
    GVC_t* m_gvc;
    Agraph_t* m_g;
};

std::string inches(double pt) { return fmt::format("{:.4f}", pt / 72.0); }

// Graphviz's API takes char* it does not write through.
char* cs(const char* s) { return const_cast<char*>(s); }

struct GraphWriter {
    Agraph_t* g;
    Agsym_t* width;
    Agsym_t* height;
    Agsym_t* shape;
    Agsym_t* weight;
    Agsym_t* style;
    int nextNode = 1;
    int nextSub = 1;

    explicit GraphWriter(Agraph_t* graph) : g(graph) {
        agattr(g, AGRAPH, cs("ordering"), cs("out"));
        agattr(g, AGRAPH, cs("newrank"), cs("true"));
        agattr(g, AGRAPH, cs("splines"), cs("false"));
        agattr(g, AGRAPH, cs("nodesep"), cs(inches(kNodeSepPt).c_str()));
        agattr(g, AGRAPH, cs("ranksep"), cs(inches(kRankSepPt).c_str()));
        agattr(g, AGRAPH, cs("rank"), cs(""));
        agattr(g, AGNODE, cs("label"), cs(""));
        agattr(g, AGNODE, cs("fixedsize"), cs("true"));
        shape = agattr(g, AGNODE, cs("shape"), cs("box"));
        width = agattr(g, AGNODE, cs("width"), cs(inches(kNodeWPt).c_str()));
        height = agattr(g, AGNODE, cs("height"), cs(inches(kSymbolPt).c_str()));
        weight = agattr(g, AGEDGE, cs("weight"), cs("1"));
        style = agattr(g, AGEDGE, cs("style"), cs(""));
        agattr(g, AGEDGE, cs("arrowhead"), cs("none"));
    }

    // Opaque names: Graphviz writes names into its outputs and expands \N in labels.
    Agnode_t* node(double wPt, double hPt, const char* shapeName = nullptr) {
        std::string name = fmt::format("n{}", nextNode++);
        Agnode_t* n = agnode(g, cs(name.c_str()), 1);
        agxset(n, width, cs(inches(wPt).c_str()));
        agxset(n, height, cs(inches(hPt).c_str()));
        if (shapeName) agxset(n, shape, cs(shapeName));
        return n;
    }
    Agedge_t* edge(Agnode_t* t, Agnode_t* h, int w, bool invisible = false) {
        Agedge_t* e = agedge(g, t, h, nullptr, 1);
        agxset(e, weight, cs(fmt::format("{}", w).c_str()));
        if (invisible) agxset(e, style, cs("invis"));
        return e;
    }
    // Same-rank sets are merged where they share a node (rank=same is transitive) and
    // written as one subgraph each by flushSameRanks: far fewer subgraphs for Graphviz to
    // walk (gvFreeLayout visits every node in every subgraph).
    std::map<Agnode_t*, Agnode_t*> rankParent;
    std::vector<Agnode_t*> rankOrder;   // first appearance, for a deterministic output
    Agnode_t* rankRoot(Agnode_t* n) {
        auto [it, fresh] = rankParent.try_emplace(n, n);
        if (fresh) rankOrder.push_back(n);
        while (it->second != n) {
            Agnode_t* up = it->second;
            auto upIt = rankParent.find(up);
            it->second = upIt->second;   // path halving
            n = it->second;
            it = rankParent.find(n);
        }
        return n;
    }
    void sameRank(const std::vector<Agnode_t*>& nodes) {
        if (nodes.size() < 2) return;
        Agnode_t* r0 = rankRoot(nodes.front());
        for (std::size_t i = 1; i < nodes.size(); ++i) {
            Agnode_t* r = rankRoot(nodes[i]);
            if (r != r0) rankParent[r] = r0;
        }
    }
    void flushSameRanks() {
        std::map<Agnode_t*, Agraph_t*> sub;
        for (Agnode_t* n : rankOrder) {
            Agnode_t* r = rankRoot(n);
            auto [it, fresh] = sub.try_emplace(r, nullptr);
            if (fresh) {
                std::string name = fmt::format("r{}", nextSub++);   // never "cluster...": no clusters
                it->second = agsubg(g, cs(name.c_str()), 1);
                agsafeset(it->second, cs("rank"), cs("same"), cs(""));
            }
            agsubnode(it->second, n, 1);
        }
    }
};

using Item = RowItem;   // a person or a union point

// Emit order, adjusted (a stable topological sort) so that siblings come oldest first
// and partner rows left to right, with union points in their place in the row.
std::vector<Item> creationOrder(const Family& f) {
    const int np = int(f.people.size()), nu = int(f.unions.size());
    auto id = [&](const Item& it) { return it.isUnion ? np + it.index : it.index; };
    std::vector<double> key(np + nu);
    for (int i = 0; i < np; ++i) key[i] = i;
    for (int u = 0; u < nu; ++u) key[np + u] = np + u;   // unions in no row: after everyone
    std::vector<std::vector<int>> next(np + nu);
    std::vector<int> indeg(np + nu, 0);
    auto before = [&](int a, int b) {
        next[a].push_back(b);
        ++indeg[b];
    };
    for (auto& row : f.rows) {
        double k = -1;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (!row[i].isUnion) k = std::max(k, key[row[i].index]);
            else key[np + row[i].index] = k + 0.5;   // just after its left neighbour
            if (i + 1 < row.size()) before(id(row[i]), id(row[i + 1]));
        }
    }
    for (auto& u : f.unions)
        for (std::size_t i = 0; i + 1 < u.children.size(); ++i) before(u.children[i], u.children[i + 1]);
    std::vector<std::pair<double, int>> ready;
    for (int i = 0; i < np + nu; ++i)
        if (indeg[i] == 0) ready.push_back({key[i], i});
    std::vector<Item> out;
    std::vector<char> done(np + nu, 0);
    auto cmp = [](const std::pair<double, int>& a, const std::pair<double, int>& b) { return a > b; };
    std::make_heap(ready.begin(), ready.end(), cmp);
    while (!ready.empty()) {
        std::pop_heap(ready.begin(), ready.end(), cmp);
        int x = ready.back().second;
        ready.pop_back();
        done[x] = 1;
        out.push_back(x < np ? Item{false, x} : Item{true, x - np});
        for (int y : next[x])
            if (--indeg[y] == 0) {
                ready.push_back({key[y], y});
                std::push_heap(ready.begin(), ready.end(), cmp);
            }
    }
    for (int i = 0; i < np + nu; ++i)   // a loop in odd data: the rest in emit order
        if (!done[i]) out.push_back(i < np ? Item{false, i} : Item{true, i - np});
    return out;
}

}  // namespace

DotResult runDot(const Family& f) {
    MessageCapture messages;
    // One context per thread, kept: starting Graphviz reads its plugin configuration and
    // loads the layout plugin, which costs more than laying out a family. Graphviz is not
    // thread-safe; callers keep all layouts on one thread.
    thread_local GvcPtr context(gvContext());
    GVC_t* gvc = context.get();
    if (!gvc) throw GenochronError("could not start Graphviz for the genogram layout");
    Agdesc_t desc = Agdirected;
    GraphPtr g(agopen(cs("g"), desc, nullptr));
    if (!g) throw GenochronError("could not create the genogram graph: " + messages.text());
    GraphWriter w(g.get());

    // Nodes in a creation order that agrees with every left-to-right promise we make:
    // `ordering=out` orders a node's out-edges by their heads' creation, so siblings
    // must be created oldest first and partner rows left to right.
    std::vector<Agnode_t*> person(f.people.size()), unionNode(f.unions.size(), nullptr),
        hub(f.unions.size(), nullptr);
    for (const Item& it : creationOrder(f)) {
        if (it.isUnion) {
            // Room between partners for the relation lines between them and the label beside them.
            const int lanes = f.unions[it.index].relationLanes;
            unionNode[it.index] = w.node(kUnionWPt + (lanes >= 2 ? std::min(14.0 * lanes, 62.0) : 0.0), kHubPt);
        }
        else person[it.index] = w.node(kNodeWPt, symbolSize(*f.people[it.index].p));
    }
    for (std::size_t ui = 0; ui < f.unions.size(); ++ui)
        if (!f.unions[ui].children.empty()) hub[ui] = w.node(kHubPt, kHubPt);

    int maxGen = 0;
    for (auto& fp : f.people) maxGen = std::max(maxGen, fp.gen);
    std::map<Agnode_t*, std::vector<Agnode_t*>> anchorFrom;   // hub -> row members it anchors, in row order
    // Partner rows: {rank=same; a -> u -> b}, chained left to right with a high weight.
    for (auto& row : f.rows) {
        std::vector<Agnode_t*> nodes;
        int gen = 0;
        for (auto& it : row) {
            nodes.push_back(it.isUnion ? unionNode[it.index] : person[it.index]);
            if (!it.isUnion) gen = f.people[it.index].gen;
        }
        w.sameRank(nodes);
        for (std::size_t i = 0; i + 1 < nodes.size(); ++i) w.edge(nodes[i], nodes[i + 1], kPartnerWeight);
        // Anchors: dot's median reordering lets a node jump over neighbours that have no
        // edge to the next rank, ignoring their flat edges; so every member of a row gets
        // one (invisible, barely pulling) up and down: to the sibship hub of the nearest
        // member with parents, and to the hub of the nearest couple with children.
        auto nearest = [&](std::size_t i, auto&& hubOf) -> Agnode_t* {
            for (std::size_t d = 0; d < row.size(); ++d)
                for (long j : {long(i) - long(d), long(i) + long(d)})
                    if (j >= 0 && j < long(row.size()))
                        if (Agnode_t* h = hubOf(row[std::size_t(j)])) return h;
            return nullptr;
        };
        auto hubAbove = [&](const RowItem& it) -> Agnode_t* {
            if (it.isUnion || !f.people[it.index].hasParents()) return nullptr;
            return hub[f.people[it.index].parentUnion];
        };
        auto hubBelow = [&](const RowItem& it) -> Agnode_t* { return it.isUnion ? hub[it.index] : nullptr; };
        Agnode_t* ghostAbove = nullptr;
        Agnode_t* ghostBelow = nullptr;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (!hubAbove(row[i]) && gen > 0) {
                // Anchors from a hub are created with its children (below), in row order.
                if (Agnode_t* up = nearest(i, hubAbove)) {
                    anchorFrom[up].push_back(nodes[i]);
                } else {
                    if (!ghostAbove) ghostAbove = w.node(kHubPt, kHubPt);
                    w.edge(ghostAbove, nodes[i], kAnchorWeight, true);
                }
            }
            if (!hubBelow(row[i]) && gen < maxGen) {
                Agnode_t* down = nearest(i, hubBelow);
                if (!down) down = ghostBelow ? ghostBelow : (ghostBelow = w.node(kHubPt, kHubPt));
                w.edge(nodes[i], down, kAnchorWeight, true);
            }
        }
    }
    // Sibships: union -> hub one row down -> children in birth order, held together
    // by an invisible chain on their row. A married child brings their partner row along
    // as a block: the chain runs from the block's end to the next sibling, so no sibling
    // lands between partners. `ordering=out` follows edge creation, so a hub's edges are
    // made left to right: each child, with the row members anchored to this hub around it.
    for (std::size_t ui = 0; ui < f.unions.size(); ++ui) {
        auto& u = f.unions[ui];
        if (!hub[ui]) continue;
        w.edge(unionNode[ui], hub[ui], kDescentWeight);
        std::vector<Agnode_t*> kids, noneBelow;
        auto& anchored = anchorFrom[hub[ui]];
        auto anchor = [&](Agnode_t* n) {
            auto it = std::find(anchored.begin(), anchored.end(), n);
            if (it == anchored.end()) return;
            w.edge(hub[ui], n, kAnchorWeight, true);
            anchored.erase(it);
        };
        for (int ch : u.children) {
            if (f.rowOf[ch] >= 0) {
                for (auto& it : f.rows[f.rowOf[ch]]) {
                    Agnode_t* n = it.isUnion ? unionNode[it.index] : person[it.index];
                    if (!it.isUnion && it.index == ch) w.edge(hub[ui], person[ch], kChildWeight);
                    else anchor(n);
                }
            } else {
                w.edge(hub[ui], person[ch], kChildWeight);
            }
            kids.push_back(person[ch]);
            if (f.rowOf[ch] < 0 && f.people[ch].gen < maxGen) noneBelow.push_back(person[ch]);
        }
        for (Agnode_t* n : std::vector<Agnode_t*>(anchored)) anchor(n);
        w.sameRank(kids);
        for (std::size_t i = 0; i + 1 < u.children.size(); ++i) {
            int a = u.children[i], b = u.children[i + 1];
            bool shared = f.rowOf[a] >= 0 && f.rowOf[a] == f.rowOf[b];
            Agnode_t* tail = person[a];
            Agnode_t* head = person[b];
            if (!shared && f.rowOf[a] >= 0) {
                const RowItem& last = f.rows[f.rowOf[a]].back();
                tail = last.isUnion ? unionNode[last.index] : person[last.index];
            }
            if (!shared && f.rowOf[b] >= 0) {
                const RowItem& first = f.rows[f.rowOf[b]].front();
                head = first.isUnion ? unionNode[first.index] : person[first.index];
            }
            w.edge(tail, head, kSiblingChainWeight, true);
        }
        if (!noneBelow.empty()) {
            Agnode_t* ghost = w.node(kHubPt, kHubPt);
            for (auto* n : noneBelow) w.edge(n, ghost, kAnchorWeight, true);
        }
    }
    // People with no family ties sit on the row of someone they relate to.
    for (std::size_t i = 0; i < f.people.size(); ++i)
        if (f.anchorOf[i] >= 0) w.sameRank({person[f.anchorOf[i]], person[i]});

    w.flushSameRanks();
    // GENOCHRON_DEBUG_DOT=1: the graph as dot text on stderr, for reporting a layout problem.
    if (std::getenv("GENOCHRON_DEBUG_DOT")) agwrite(g.get(), stderr);
    const int rc = gvLayout(gvc, g.get(), "dot");
    LaidOut laid(gvc, g.get());   // freed before the graph closes, even after a failure
    if (rc != 0)
        throw GenochronError("the genogram layout failed (Graphviz: " +
                             (messages.text().empty() ? std::string("no message") : messages.text()) + ")");
    if (messages.text().find("lost") != std::string::npos)
        throw GenochronError("the genogram layout lost a line (Graphviz: " + messages.text() + ")");

    // Every edge must have been routed and every node placed; Graphviz can return 0 and still drop some.
    int edges = 0;
    for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) {
        if (!std::isfinite(ND_coord(n).x) || !std::isfinite(ND_coord(n).y))
            throw GenochronError("the genogram layout left a person without a position");
        for (Agedge_t* e = agfstout(g.get(), n); e; e = agnxtout(g.get(), e)) {
            ++edges;
            if (!ED_spl(e))
                throw GenochronError("the genogram layout lost a line between two people (Graphviz routed " +
                                     std::to_string(edges - 1) + " before it)");
        }
    }

    const boxf bb = GD_bb(g.get());
    auto at = [&](Agnode_t* n) { return Point{ND_coord(n).x, bb.UR.y - ND_coord(n).y}; };
    DotResult r;
    for (auto* n : person) r.person.push_back(at(n));
    for (std::size_t ui = 0; ui < f.unions.size(); ++ui) {
        r.unionAt.push_back(at(unionNode[ui]));
        r.hubAt.push_back(hub[ui] ? at(hub[ui]) : Point{});
    }
    return r;
}

}  // namespace genochron::genogram::detail
