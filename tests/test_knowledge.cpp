// "Who knew what, when" (render --view knowledge): which agency held which risk
// indicator, from when, whether it passed it on and to whom; silos; the family side.
#include "core/figures/knowledge/knowledge_matrix.hpp"
#include "core/figures/views.hpp"
#include "core/io/case_io.hpp"
#include "core/publish/audit.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace genochron;
using knowledge::Cell;

namespace {

const char* kCase = R"(format: genochron/1
agencies:
  - {id: police, name: Police, kind: police}
  - {id: gp, name: Surgery, kind: health}
  - {id: csc, name: Children's services, kind: childrens_social_care}
  - {id: school, name: School, kind: education}
people:
  - {id: v, roles: [victim]}
  - {id: p, roles: [perpetrator]}
events:
  - {id: e1, date: 2019-05-03, agency: police, tags: [physical_abuse, safeguarding_children], shared_with: [csc]}
  - {id: e2, date: 2019-02-01, agency: gp, tags: [physical_abuse]}
  - {id: e3, date: 2019-08-01, agency: police, tags: [strangulation, information_not_shared], shared_with: [gp]}
  - {id: e4, date: 2019-09-01, agency: police, tags: [physical_abuse]}
  - {id: e5, date: 2018-01-01, source: family, tags: [ccb_isolation]}
  - {id: e6, date: 2019-10-01, source: panel, tags: [physical_abuse]}
  - {id: e7, date: 2019-11-01, agency: school, tags: [disclosure]}
)";

Case load() {
    auto r = loadCaseString(kCase, "k.yaml");
    REQUIRE(r.ok());
    return *r.model;
}

int col(const knowledge::Matrix& m, const std::string& key) {
    for (std::size_t i = 0; i < m.columns.size(); ++i)
        if (m.columns[i]->key == key) return int(i);
    return -1;
}

}  // namespace

TEST_CASE("the matrix: who held what, from when, and whether it was passed on", "[knowledge]") {
    const Case c = load();
    auto m = knowledge::buildMatrix(c);
    // Only indicators someone held are columns; the rest are listed as absent.
    const int phys = col(m, "physical"), strang = col(m, "strangulation"), kids = col(m, "children"),
              ccb = col(m, "coercive_control");
    REQUIRE(phys >= 0);
    REQUIRE(strang >= 0);
    REQUIRE(kids >= 0);
    REQUIRE(ccb >= 0);
    CHECK(col(m, "weapon") < 0);
    CHECK(std::find(m.absent.begin(), m.absent.end(), "Weapon") != m.absent.end());
    // Rows: agencies in kind order (police, health, children's social care, education), then the family.
    REQUIRE(m.rows.size() == 5);
    CHECK(m.rows[0].key == "police");
    CHECK(m.rows[1].key == "gp");
    CHECK(m.rows[2].key == "csc");
    CHECK(m.rows[3].key == "school");
    CHECK_FALSE(m.rows[4].agency);
    const auto& police = m.rows[0];
    // Police: physical abuse from 3 May 2019, passed to CSC once, kept once (e4): partly shared.
    CHECK(police.cells[std::size_t(phys)].firstOwn->toString() == "2019-05-03");
    CHECK(police.cells[std::size_t(phys)].sharedWith == std::set<std::string>{"csc"});
    CHECK(police.state(std::size_t(phys)) == Cell::State::PartlyShared);
    // Strangulation was sent to the GP but tagged information_not_shared: counts as not passed on.
    CHECK(police.state(std::size_t(strang)) == Cell::State::NotShared);
    CHECK(police.state(std::size_t(kids)) == Cell::State::Shared);
    // GP: its own record from February, never passed on (a silo); it was also told of the strangulation.
    const auto& gp = m.rows[1];
    CHECK(gp.state(std::size_t(phys)) == Cell::State::NotShared);
    CHECK(gp.cells[std::size_t(phys)].first()->toString() == "2019-02-01");
    CHECK(gp.state(std::size_t(strang)) == Cell::State::ReceivedOnly);
    CHECK(gp.cells[std::size_t(strang)].receivedFrom == std::set<std::string>{"police"});
    // CSC knew of physical abuse and children only from the police.
    const auto& csc = m.rows[2];
    CHECK(csc.state(std::size_t(phys)) == Cell::State::ReceivedOnly);
    CHECK(csc.cells[std::size_t(phys)].first()->toString() == "2019-05-03");
    // The school held no indicator: a row of empty cells.
    for (std::size_t i = 0; i < m.columns.size(); ++i) CHECK(m.rows[3].state(i) == Cell::State::None);
    // Coercive control was known only to the family.
    CHECK(m.onlyOutside(std::size_t(ccb)));
    CHECK_FALSE(m.onlyOutside(std::size_t(phys)));
    CHECK(m.holders(std::size_t(phys)) == 3);
    CHECK(m.silos(std::size_t(phys)) == 2);   // GP not at all, police partly
    // The panel's own finding is nobody's knowledge.
    auto ev = knowledge::cellEvents(m, 0, std::size_t(phys));
    CHECK(std::find(ev.begin(), ev.end(), "e6") == ev.end());
    CHECK(ev == std::vector<std::string>{"e1", "e4"});
    CHECK(knowledge::cellEvents(m, 2, std::size_t(phys)) == std::vector<std::string>{"e1"});
}

TEST_CASE("the knowledge figure says held, shared with whom, not shared, and has a key", "[knowledge]") {
    const Case c = load();
    ViewOptions vo;
    Document d = buildView(ViewCase::named(c), ViewKind::Knowledge, vo);
    REQUIRE(d.pages.size() == 1);
    std::vector<std::string> t;
    std::set<std::string> cellIds;
    for (auto& it : d.pages[0].items) {
        if (auto* x = std::get_if<TextItem>(&it)) t.push_back(x->text);
        if (auto* s = std::get_if<ShapeItem>(&it); s && s->modelId.rfind("knowledge:", 0) == 0) cellIds.insert(s->modelId);
    }
    auto hasText = [&](const std::string& s) { return std::find(t.begin(), t.end(), s) != t.end(); };
    CHECK(hasText("3 May 2019"));
    CHECK(hasText("\u2192 CSC"));
    CHECK(hasText("not shared"));
    CHECK(hasText("from POLICE"));
    CHECK(hasText("no agency knew"));
    CHECK(hasText("Key"));
    CHECK(cellIds.count("knowledge:gp:physical"));
    CHECK(cellIds.count("knowledge:source:family:coercive_control"));
    vo.legend = false;
    Document bare = buildView(ViewCase::named(c), ViewKind::Knowledge, vo);
    CHECK(bare.pages[0].heightPt < d.pages[0].heightPt);
}

TEST_CASE("the sample's knowledge view: every agency's indicators and whether it shared them", "[knowledge]") {
    auto r = loadCaseFile(test::sample("ashford-dhr.yaml"));
    REQUIRE(r.ok());
    auto m = knowledge::buildMatrix(*r.model);
    CHECK(m.columns.size() >= 12);
    const int police = m.rowOf("police"), hospital = m.rowOf("hospital"), idva = m.rowOf("idva");
    REQUIRE(police >= 0);
    REQUIRE(hospital >= 0);
    REQUIRE(idva >= 0);
    const int strang = col(m, "strangulation"), preg = col(m, "pregnancy");
    REQUIRE(strang >= 0);
    REQUIRE(preg >= 0);
    // The police knew of strangulation in 2013 (Adam's earlier partner) and passed it on.
    CHECK(m.rows[std::size_t(police)].cells[std::size_t(strang)].first()->toString() == "2013-11-23");
    // The hospital held the pregnancy and told no one.
    CHECK(m.rows[std::size_t(hospital)].state(std::size_t(preg)) == Cell::State::NotShared);
    // Every agency row with events says, per indicator, held or not and shared or not.
    int silos = 0;
    for (std::size_t i = 0; i < m.columns.size(); ++i) silos += m.silos(i);
    CHECK(silos >= 10);
}

TEST_CASE("render --view knowledge: PNG, SVG, PDF - anonymised and audited", "[knowledge][cli]") {
    test::TempDir dir("knowledge-cli");
    const std::string s = test::sample("ashford-dhr.yaml");
    for (const char* ext : {"png", "svg", "pdf"}) {
        std::string out = dir.file(std::string("k.") + ext);
        auto r = test::runCli("render '" + s + "' --view knowledge --anonymise --dpi 100 -o '" + out + "'");
        INFO(r.err);
        CHECK(r.exitCode == 0);
        CHECK(std::filesystem::file_size(out) > 1000);
        CHECK(test::runCli("audit '" + out + "' --case '" + s + "'").exitCode == 0);
    }
    auto r = test::runCli("render '" + s + "' --view knowledge --theme print --page a4 -o '" + dir.file("p.pdf") + "'");
    CHECK(r.exitCode == 0);
}
