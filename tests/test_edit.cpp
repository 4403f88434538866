// The edit model: undo/redo restore the exact case, merging, dirty tracking, refusals.
#include "core/io/case_io.hpp"
#include "core/model/edit.hpp"
#include "core/model/validate.hpp"

#include <catch2/catch.hpp>

using namespace genochron;

namespace {

Case sample() {
    static const Case c = [] {
        auto res = loadCaseFile(std::string(GENOCHRON_SOURCE_DIR) + "/samples/ashford-dhr.yaml");
        REQUIRE(res.ok());
        return *res.model;
    }();
    return c;
}

// Executes, checks it applied and changed the case, then undo restores the original
// exactly and redo restores the edited case exactly.
void roundTrip(std::unique_ptr<Command> cmd) {
    Case c = sample();
    const Case original = c;
    EditHistory h;
    std::string label = cmd->label();
    auto out = h.execute(c, std::move(cmd));
    INFO(label << ": " << out.message);
    REQUIRE(out.applied);
    REQUIRE_FALSE(c == original);
    const Case edited = c;
    REQUIRE(h.canUndo());
    h.undo(c);
    CHECK(c == original);
    CHECK_FALSE(h.canUndo());
    REQUIRE(h.canRedo());
    h.redo(c);
    CHECK(c == edited);
    h.undo(c);
    CHECK(c == original);
}

Person newPerson(const std::string& id) {
    Person p;
    p.id = id;
    p.name = "Test Person";
    p.pseudonym = "Tester";
    p.sex = Sex::Female;
    return p;
}

}  // namespace

TEST_CASE("undo and redo of every add command restore the exact case", "[edit]") {
    Case c = sample();
    roundTrip(std::make_unique<AddItem<Person>>(newPerson("newcomer")));
    roundTrip(std::make_unique<AddItem<Person>>(newPerson("first"), 0));
    Partnership ps;
    ps.partners = {"sophie", "shaun"};
    ps.status = PartnershipStatus::Dating;
    roundTrip(std::make_unique<AddItem<Partnership>>(ps));
    Relation r;
    r.from = "sophie";
    r.to = "bev";
    roundTrip(std::make_unique<AddItem<Relation>>(r));
    Household h;
    h.id = "h9";
    h.members = {"sophie"};
    roundTrip(std::make_unique<AddItem<Household>>(h));
    Event e;
    e.id = c.nextEventId();
    e.source = Source::Family;
    e.what = "A new account from the family.";
    roundTrip(std::make_unique<AddItem<Event>>(e));
    Recommendation rec;
    rec.id = "R99";
    rec.text = "A new recommendation.";
    roundTrip(std::make_unique<AddItem<Recommendation>>(rec));
    Agency a;
    a.id = "school2";
    a.name = "Another School";
    roundTrip(std::make_unique<AddItem<Agency>>(a));
    Action act;
    act.id = "R1.9";
    act.text = "A new action.";
    roundTrip(std::make_unique<AddItem<Action>>(act, std::nullopt, "R1"));
}

TEST_CASE("undo and redo of every remove command restore the exact case", "[edit]") {
    Case c = sample();
    // Unreferenced items of each kind, or ones made so for the test.
    roundTrip(std::make_unique<RemoveItem<Partnership>>(ItemRef::at(2)));
    roundTrip(std::make_unique<RemoveItem<Relation>>(ItemRef::at(0)));
    roundTrip(std::make_unique<RemoveItem<Household>>(ItemRef::byId("h3")));
    roundTrip(std::make_unique<RemoveItem<Recommendation>>(ItemRef::byId("R2")));
    roundTrip(std::make_unique<RemoveItem<Action>>(ItemRef::byId("R1.2")));
    // An event no recommendation addresses.
    std::string freeEvent;
    for (auto& e : c.events)
        if (referencesTo(c, ItemKind::Event, e.id).empty()) { freeEvent = e.id; break; }
    REQUIRE_FALSE(freeEvent.empty());
    roundTrip(std::make_unique<RemoveItem<Event>>(ItemRef::byId(freeEvent)));
    std::string freeAgency;
    for (auto& a : c.agencies)
        if (referencesTo(c, ItemKind::Agency, a.id).empty()) { freeAgency = a.id; break; }
    if (!freeAgency.empty()) roundTrip(std::make_unique<RemoveItem<Agency>>(ItemRef::byId(freeAgency)));

    // A person with no references: add one, then remove it in a second step.
    Case d = sample();
    const Case original = d;
    EditHistory h;
    REQUIRE(h.execute(d, std::make_unique<AddItem<Person>>(newPerson("lonely"))).applied);
    auto out = h.execute(d, std::make_unique<RemoveItem<Person>>(ItemRef::byId("lonely")));
    REQUIRE(out.applied);
    CHECK(d == original);
    CHECK(h.undoLabel() == "Remove person lonely");
    h.undo(d);
    REQUIRE(d.person("lonely"));
    h.undo(d);
    CHECK(d == original);
}

TEST_CASE("undo and redo of every replace command restore the exact case", "[edit]") {
    Case c = sample();
    Person p = *c.person("nicole");
    p.notes = "Changed notes.";
    roundTrip(std::make_unique<ReplaceItem<Person>>(ItemRef::byId("nicole"), p, "notes"));
    Partnership ps = c.partnerships[1];
    ps.status = PartnershipStatus::Separated;
    roundTrip(std::make_unique<ReplaceItem<Partnership>>(ItemRef::at(1), ps, "status"));
    Relation r = c.relations[3];
    r.kind = RelationKind::Hostile;
    roundTrip(std::make_unique<ReplaceItem<Relation>>(ItemRef::at(3), r, "kind"));
    Household h = c.households[0];
    h.label = "Renamed";
    roundTrip(std::make_unique<ReplaceItem<Household>>(ItemRef::byId(h.id), h, "label"));
    Event e = c.events[5];
    e.what = "Rewritten.";
    roundTrip(std::make_unique<ReplaceItem<Event>>(ItemRef::byId(e.id), e, "what"));
    Recommendation rec = c.recommendations[0];
    rec.text = "Rewritten.";
    roundTrip(std::make_unique<ReplaceItem<Recommendation>>(ItemRef::byId(rec.id), rec, "text"));
    Action act = c.recommendations[0].actions[1];
    act.status = ActionStatus::Complete;
    act.completed = Date::fromDays(19500);
    roundTrip(std::make_unique<ReplaceItem<Action>>(ItemRef::byId(act.id), act, "status"));
    Agency a = c.agencies[0];
    a.name = "Renamed Police";
    roundTrip(std::make_unique<ReplaceItem<Agency>>(ItemRef::byId(a.id), a, "name"));
    CaseInfo info = c.info;
    info.title = "A new title";
    roundTrip(std::make_unique<SetCaseInfo>(info, "title"));
    Publication pub = c.publicationOrDefault();
    pub.datePrecision = PublishPrecision::Year;
    roundTrip(std::make_unique<SetPublication>(pub, "date precision"));
    roundTrip(std::make_unique<SetPublication>(std::nullopt));
}

TEST_CASE("labels name the item and the field for the Edit menu", "[edit]") {
    Case c = sample();
    EditHistory h;
    Event e = *c.event("e017");
    e.what += " More.";
    REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Event>>(ItemRef::byId("e017"), e)).applied);
    CHECK(h.undoLabel() == "Edit event e017");
    CHECK(h.redoLabel().empty());
    h.undo(c);
    CHECK(h.redoLabel() == "Edit event e017");
    CHECK(h.undoLabel().empty());
    Relation r = c.relations[0];
    r.kind = RelationKind::Hostile;
    REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Relation>>(ItemRef::at(0), r, "kind")).applied);
    CHECK(h.undoLabel() == "Edit relation adam -> nicole (emotional_abuse): kind");
}

TEST_CASE("typing into one field merges into one undo step until sealed", "[edit]") {
    Case c = sample();
    const Case original = c;
    EditHistory h;
    Event e = *c.event("e017");
    for (const char* text : {"A", "Ab", "Abc"}) {
        e.what = text;
        REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Event>>(ItemRef::byId("e017"), e, "what")).applied);
    }
    CHECK(h.size() == 1);
    CHECK(c.event("e017")->what == "Abc");
    // Another field is another step.
    e.action = "Something else";
    REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Event>>(ItemRef::byId("e017"), e, "action")).applied);
    CHECK(h.size() == 2);
    // Sealing (the field lost focus) starts a new step even for the same field.
    h.sealMerge();
    e.action = "Something else again";
    REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Event>>(ItemRef::byId("e017"), e, "action")).applied);
    CHECK(h.size() == 3);
    h.undo(c);
    CHECK(c.event("e017")->action == "Something else");
    h.undo(c);
    CHECK(c.event("e017")->what == "Abc");
    h.undo(c);
    CHECK(c == original);
    // The same field of a different item never merges.
    EditHistory h2;
    Event a = *c.event("e001"), b = *c.event("e002");
    a.what = "x";
    b.what = "y";
    REQUIRE(h2.execute(c, std::make_unique<ReplaceItem<Event>>(ItemRef::byId("e001"), a, "what")).applied);
    REQUIRE(h2.execute(c, std::make_unique<ReplaceItem<Event>>(ItemRef::byId("e002"), b, "what")).applied);
    CHECK(h2.size() == 2);
}

TEST_CASE("the dirty marker follows the saved state through undo and redo", "[edit]") {
    Case c = sample();
    EditHistory h;
    CHECK_FALSE(h.dirty());
    Person p = *c.person("sophie");
    p.notes = "one";
    REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::byId("sophie"), p, "notes")).applied);
    CHECK(h.dirty());
    h.markClean();
    CHECK_FALSE(h.dirty());
    h.undo(c);
    CHECK(h.dirty());
    h.redo(c);
    CHECK_FALSE(h.dirty());
    // Typing on after a save does not merge into the saved step: it is a change.
    p.notes = "one two";
    REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::byId("sophie"), p, "notes")).applied);
    CHECK(h.dirty());
    CHECK(h.size() == 2);
    h.undo(c);
    CHECK_FALSE(h.dirty());
    // A new edit after undoing past the save makes the saved state unreachable.
    h.undo(c);
    p.notes = "different";
    REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::byId("sophie"), p, "notes")).applied);
    CHECK(h.dirty());
    h.undo(c);
    CHECK(h.dirty());   // the saved state no longer exists in this history
}

TEST_CASE("the revision changes with every change to the case", "[edit]") {
    Case c = sample();
    EditHistory h;
    auto r0 = h.revision();
    Person p = *c.person("sophie");
    p.notes = "x";
    REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::byId("sophie"), p, "notes")).applied);
    auto r1 = h.revision();
    CHECK(r1 != r0);
    p.notes = "xy";
    REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::byId("sophie"), p, "notes")).applied);
    CHECK(h.revision() != r1);   // merged, but the case changed
    auto r2 = h.revision();
    h.undo(c);
    CHECK(h.revision() != r2);
}

TEST_CASE("an edit that would make the case invalid is refused with the diagnostics", "[edit]") {
    Case c = sample();
    const Case original = c;
    EditHistory h;
    SECTION("an unknown parent") {
        Person p = *c.person("kayden");
        p.parents = {"nicole", "nobody"};
        auto out = h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::byId("kayden"), p, "parents"));
        CHECK_FALSE(out.applied);
        REQUIRE_FALSE(out.diagnostics.empty());
        CHECK(out.diagnostics[0].code == "unknown-person");
        CHECK_THAT(out.message, Catch::Contains("nobody"));
    }
    SECTION("a duplicate id") {
        auto out = h.execute(c, std::make_unique<AddItem<Person>>(newPerson("nicole")));
        CHECK_FALSE(out.applied);
        REQUIRE_FALSE(out.diagnostics.empty());
        CHECK(out.diagnostics[0].code == "duplicate-id");
    }
    SECTION("a person their own ancestor") {
        Person p = *c.person("linda");
        p.parents = {"kayden"};
        auto out = h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::byId("linda"), p, "parents"));
        CHECK_FALSE(out.applied);
    }
    SECTION("removing a person who is still referenced") {
        auto out = h.execute(c, std::make_unique<RemoveItem<Person>>(ItemRef::byId("adam")));
        CHECK_FALSE(out.applied);
        CHECK_THAT(out.message, Catch::Contains("cannot remove person 'adam'"));
        CHECK_THAT(out.message, Catch::Contains("partnerships with"));
        CHECK_THAT(out.message, Catch::Contains("events"));
    }
    SECTION("removing an agency that events name") {
        auto out = h.execute(c, std::make_unique<RemoveItem<Agency>>(ItemRef::byId("police")));
        CHECK_FALSE(out.applied);
        CHECK_THAT(out.message, Catch::Contains("cannot remove agency 'police'"));
    }
    SECTION("removing an event a recommendation addresses") {
        auto out = h.execute(c, std::make_unique<RemoveItem<Event>>(ItemRef::byId("e003")));
        CHECK_FALSE(out.applied);
        CHECK_THAT(out.message, Catch::Contains("R1"));
    }
    SECTION("an item that is not there") {
        auto out = h.execute(c, std::make_unique<RemoveItem<Household>>(ItemRef::byId("h99")));
        CHECK_FALSE(out.applied);
        CHECK_THAT(out.message, Catch::Contains("h99"));
        auto out2 = h.execute(c, std::make_unique<RemoveItem<Relation>>(ItemRef::at(999)));
        CHECK_FALSE(out2.applied);
    }
    CHECK(c == original);
    CHECK_FALSE(h.canUndo());
    CHECK_FALSE(h.dirty());
}

TEST_CASE("a case opened with errors can still be repaired", "[edit]") {
    Case c = sample();
    c.people[0].parents = {"ghost"};   // an existing error
    Diagnostics d;
    validateCase(c, d);
    REQUIRE(d.hasErrors());
    EditHistory h;
    Person p = *c.person("sophie");
    p.notes = "An unrelated edit.";
    CHECK(h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::byId("sophie"), p, "notes")).applied);
    Person fixed = c.people[0];
    fixed.parents.clear();
    CHECK(h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::at(0), fixed)).applied);
    Diagnostics d2;
    validateCase(c, d2);
    CHECK_FALSE(d2.hasErrors());
}

TEST_CASE("the history keeps at most its limit of steps", "[edit]") {
    Case c = sample();
    EditHistory h(3);
    Person p = *c.person("sophie");
    for (int i = 0; i < 5; ++i) {
        p.notes = std::to_string(i);
        REQUIRE(h.execute(c, std::make_unique<ReplaceItem<Person>>(ItemRef::byId("sophie"), p)).applied);
    }
    CHECK(h.size() == 3);
    h.undo(c);
    h.undo(c);
    h.undo(c);
    CHECK_FALSE(h.canUndo());
    CHECK(c.person("sophie")->notes == "1");
    CHECK(h.dirty());   // the clean state fell off the end
}
