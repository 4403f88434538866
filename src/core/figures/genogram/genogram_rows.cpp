// The order of one partner row (genogram_rows.hpp).
// [SECTION] the cost
// [SECTION] small rows: every order
// [SECTION] larger rows: greedy insertion, every insertion point in one sweep
// [SECTION] beyond the bound: breadth-first
#include "core/figures/genogram/genogram_rows.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <limits>
#include <numeric>

namespace genochron::genogram::detail {

namespace {

int coupleWeight(const RowCouple& c) { return c.latest ? 20 : 10; }
// What passing over a member costs a serial-partner line.
int passWeight(const RowMember& m) { return m.stub ? 20 : m.hasParents ? 30 : 0; }
// What a member costs a person with parents when it sits on their siblings' side.
int sideWeight(const RowMember& m) { return !m.stub && m.hasParents ? 30 : 3; }

// Two spans strictly interleave (a0 < b0 < a1 < b1 or the mirror): their lines cross.
// Spans sharing an end are nested or apart, never crossing.
bool interleave(int a0, int a1, int b0, int b1) {
    if (a0 > a1) std::swap(a0, a1);
    if (b0 > b1) std::swap(b0, b1);
    return (a0 < b0 && b0 < a1 && a1 < b1) || (b0 < a0 && a0 < b1 && b1 < a1);
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] the cost

long rowCost(const RowGraph& g, const std::vector<int>& seq) {
    const auto& members = g.members;
    std::vector<int> pos(members.size(), -1);
    for (std::size_t i = 0; i < seq.size(); ++i) pos[seq[i]] = int(i);
    long c = 0;
    std::vector<std::pair<int, int>> spans;
    for (const auto& cp : g.couples) {
        int x = pos[cp.a], y = pos[cp.b];
        if (x < 0 || y < 0) continue;
        if (x > y) std::swap(x, y);
        if (y - x > 1) {
            c += coupleWeight(cp) * (y - x - 1);
            for (int k = x + 1; k < y; ++k) c += passWeight(members[seq[k]]);
            spans.push_back({x, y});
        }
    }
    for (std::size_t i = 0; i < spans.size(); ++i)
        for (std::size_t j = i + 1; j < spans.size(); ++j)
            if (interleave(spans[i].first, spans[i].second, spans[j].first, spans[j].second)) c += 40;
    for (std::size_t m = 0; m < members.size(); ++m) {
        if (pos[m] < 0) continue;
        const auto& mm = members[m];
        if (mm.stub) {
            int parent = mm.stubParent >= 0 ? pos[mm.stubParent] : -1;
            if (parent >= 0) c += 100 * (std::abs(parent - pos[m]) - 1);
            continue;
        }
        if (!mm.hasParents) continue;
        for (std::size_t q = 0; q < members.size(); ++q) {
            if (q == m || pos[q] < 0) continue;
            bool left = pos[q] < pos[m];
            if ((left && mm.older) || (!left && mm.younger)) c += sideWeight(members[q]);
        }
    }
    return c;
}

// ---------------------------------------------------------------- [SECTION] small rows

namespace {

std::vector<int> exhaustive(const RowGraph& g) {
    std::vector<int> seq(g.members.size());
    std::iota(seq.begin(), seq.end(), 0);
    std::vector<int> best = seq;
    long bestCost = rowCost(g, seq);
    while (std::next_permutation(seq.begin(), seq.end())) {
        long c = rowCost(g, seq);
        if (c < bestCost) {
            bestCost = c;
            best = seq;
        }
    }
    return best;
}

// ---------------------------------------------------------------- [SECTION] larger rows

// Greedy insertion with the whole cost at every point: the definition the sweep matches.
std::vector<int> greedyReference(const RowGraph& g) {
    const int n = int(g.members.size());
    std::vector<int> cur{0};
    for (int m = 1; m < n; ++m) {
        std::vector<int> bestTry;
        long bestCost = std::numeric_limits<long>::max();
        for (std::size_t at = 0; at <= cur.size(); ++at) {
            auto t = cur;
            t.insert(t.begin() + long(at), m);
            long c = rowCost(g, t);
            if (c < bestCost) {
                bestCost = c;
                bestTry = t;
            }
        }
        cur = bestTry;
    }
    return cur;
}

// Reports progress on stderr once an ordering has run for a second.
class Progress {
public:
    explicit Progress(int total) : m_total(total), m_start(std::chrono::steady_clock::now()) {}
    void at(int done) {
        if ((done & 63) != 0) return;
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        int tenth = done * 10 / std::max(1, m_total);
        if (s > 1.0 && tenth > m_reported) {
            m_reported = tenth;
            std::fprintf(stderr, "genogram: ordering a partner row of %d: %d%% (%.0f s)\n", m_total, tenth * 10, s);
        }
    }

private:
    int m_total;
    std::chrono::steady_clock::time_point m_start;
    int m_reported = 0;
};

// The same insertions as greedyReference. Inserting m into `cur` (k members): the point
// before everything (cost C0) is the reference; moving m one place right swaps it with its
// neighbour e, and only terms that involve both m and e, or a span with an end at m or e,
// change. The sweep adds up those changes, so each insertion point costs O(1 + partners).
std::vector<int> greedySweep(const RowGraph& g) {
    const int n = int(g.members.size());
    const auto& M = g.members;
    std::vector<std::vector<int>> inc(n), stubsOf(n);
    for (std::size_t ci = 0; ci < g.couples.size(); ++ci) {
        inc[g.couples[ci].a].push_back(int(ci));
        inc[g.couples[ci].b].push_back(int(ci));
    }
    for (int s = 0; s < n; ++s)
        if (M[s].stub && M[s].stubParent >= 0) stubsOf[M[s].stubParent].push_back(s);

    std::vector<int> cur{0};
    std::vector<int> idx(n, -1);   // position in cur, -1 = not placed yet
    idx[0] = 0;
    Progress progress(n);
    std::vector<int> stubs;
    for (int m = 1; m < n; ++m) {
        progress.at(m);
        const int k = int(cur.size());
        // Position in the candidate with m at `at`, of a placed member other than m and e.
        long delta = 0, best = 0;
        int bestAt = 0;
        for (int at = 0; at < k; ++at) {
            const int e = cur[at];
            // Before the swap m is at `at` and e at at+1; after, e at `at` and m at at+1.
            auto posBefore = [&](int x) { return x == m ? at : x == e ? at + 1 : idx[x] < at ? idx[x] : idx[x] + 1; };
            auto posAfter = [&](int x) { return x == m ? at + 1 : x == e ? at : idx[x] < at ? idx[x] : idx[x] + 1; };
            auto placed = [&](int x) { return x == m || idx[x] >= 0; };
            long d = 0;
            // People with parents: e goes from m's right to m's left, and m from e's left to e's right.
            if (!M[m].stub && M[m].hasParents) d += long(int(M[m].older) - int(M[m].younger)) * sideWeight(M[e]);
            if (!M[e].stub && M[e].hasParents) d += long(int(M[e].younger) - int(M[e].older)) * sideWeight(M[m]);
            // Stubs beside their parents: m, e, and the stubs of either.
            stubs.clear();
            if (M[m].stub) stubs.push_back(m);
            if (M[e].stub) stubs.push_back(e);
            for (int s : stubsOf[m])
                if (placed(s)) stubs.push_back(s);
            for (int s : stubsOf[e])
                if (placed(s)) stubs.push_back(s);
            std::sort(stubs.begin(), stubs.end());
            stubs.erase(std::unique(stubs.begin(), stubs.end()), stubs.end());
            for (int s : stubs) {
                int p = M[s].stubParent;
                if (p < 0 || !placed(p)) continue;
                d += 100L * (std::abs(posAfter(p) - posAfter(s)) - std::abs(posBefore(p) - posBefore(s)));
            }
            // Spans with an end at m or e gain or lose the other one from their inside.
            for (int ci : inc[m]) {
                const auto& cp = g.couples[ci];
                int z = cp.a == m ? cp.b : cp.a;
                if (z == e || !placed(z)) continue;
                long w = coupleWeight(cp) + passWeight(M[e]);
                d += idx[z] > at ? -w : w;   // z right of e: e leaves the span; left of m: e joins it
            }
            for (int ci : inc[e]) {
                const auto& cp = g.couples[ci];
                int z = cp.a == e ? cp.b : cp.a;
                if (z == m || !placed(z)) continue;
                long w = coupleWeight(cp) + passWeight(M[m]);
                d += idx[z] > at ? w : -w;   // z right: m joins e's span; z left: m leaves it
            }
            // Crossings change only between a span at m and a span at e.
            if (!inc[m].empty() && !inc[e].empty()) {
                for (int pi : inc[m]) {
                    const auto& P = g.couples[pi];
                    if (!placed(P.a) || !placed(P.b)) continue;
                    for (int qi : inc[e]) {
                        if (qi == pi) continue;
                        const auto& Q = g.couples[qi];
                        if (!placed(Q.a) || !placed(Q.b)) continue;
                        bool before = interleave(posBefore(P.a), posBefore(P.b), posBefore(Q.a), posBefore(Q.b));
                        bool after = interleave(posAfter(P.a), posAfter(P.b), posAfter(Q.a), posAfter(Q.b));
                        d += 40L * (int(after) - int(before));
                    }
                }
            }
            delta += d;
            if (delta < best) {
                best = delta;
                bestAt = at + 1;
            }
        }
        cur.insert(cur.begin() + bestAt, m);
        for (int i = bestAt; i <= k; ++i) idx[cur[i]] = i;
    }
    return cur;
}

// ---------------------------------------------------------------- [SECTION] beyond the bound

// Partners side by side in breadth-first order from the first member; each stub right
// after its parent. Linear; for rows no family has (the bound in orderRow).
std::vector<int> breadthFirst(const RowGraph& g) {
    const int n = int(g.members.size());
    std::vector<std::vector<int>> adj(n), stubsOf(n);
    for (auto& c : g.couples) {
        adj[c.a].push_back(c.b);
        adj[c.b].push_back(c.a);
    }
    for (int s = 0; s < n; ++s)
        if (g.members[s].stub && g.members[s].stubParent >= 0) stubsOf[g.members[s].stubParent].push_back(s);
    std::vector<char> seen(n, 0);
    std::vector<int> out;
    auto emit = [&](int x) {
        out.push_back(x);
        for (int s : stubsOf[x])
            if (!seen[s]) { seen[s] = 1; out.push_back(s); }
    };
    for (int start = 0; start < n; ++start) {
        if (seen[start] || g.members[start].stub) continue;
        std::deque<int> q{start};
        seen[start] = 1;
        while (!q.empty()) {
            int x = q.front();
            q.pop_front();
            emit(x);
            for (int y : adj[x])
                if (!seen[y]) { seen[y] = 1; q.push_back(y); }
        }
    }
    for (int s = 0; s < n; ++s)
        if (!seen[s]) out.push_back(s);
    return out;
}

}  // namespace

std::vector<int> orderRow(const RowGraph& g) {
    const std::size_t n = g.members.size();
    if (n <= 7) return exhaustive(g);   // at most 5,040 orders of a small component
    // The sweep's work: n² for the insertion points, plus for each insertion the spans at
    // the inserted member times the spans passed. Far beyond any family: breadth-first.
    double work = double(n) * double(n);
    std::vector<double> deg(n, 0);
    for (auto& c : g.couples) { deg[c.a] += 1; deg[c.b] += 1; }
    for (std::size_t m = 0; m < n; ++m) work += (1 + deg[m]) * 2.0 * double(g.couples.size());
    if (work > 3e9) {
        std::fprintf(stderr, "genogram: a partner row of %zu people with %zu partnerships is too large to order well; "
                             "drawn in a simple order\n", n, g.couples.size());
        return breadthFirst(g);
    }
    return greedySweep(g);
}

std::vector<int> orderRowReference(const RowGraph& g) {
    if (g.members.size() <= 7) return exhaustive(g);
    return greedyReference(g);
}

}  // namespace genochron::genogram::detail
