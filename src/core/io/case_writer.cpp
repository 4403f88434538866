// Writing a case file: canonical key order (the contract's), unknown keys kept after
// the known ones, every event id written so generated ids stay stable.
//
// [SECTION] one function per block of the format
// [SECTION] saving, with the read-back check
//
// The Writer over libyaml's emitter is in detail/case_emitter.hpp, and the rules for which
// scalars may be written plain in case_scalars.cpp. (yaml-cpp's emitter, used before, left
// DEL, U+2028 and U+2029 raw and replaced non-characters with U+FFFD.)
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "core/io/detail/case_emitter.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <yaml.h>

namespace genochron {

namespace {

using case_emitter::Writer;

// ---------------------------------------------------------------- [SECTION] blocks

// Sets the item whose unread values the writer consults; restores the outer one.
class ItemMeta {
public:
    ItemMeta(Writer& w, const Meta& m) : m_w(w), m_outer(w.current) { w.current = &m; }
    ~ItemMeta() { m_w.current = m_outer; }
    ItemMeta(const ItemMeta&) = delete;
    ItemMeta& operator=(const ItemMeta&) = delete;

private:
    Writer& m_w;
    const Meta* m_outer;
};

// An item that was not a mapping is written back as it was; true if so.
bool writeUnreadItem(Writer& w, const Meta& m) {
    if (!m.unreadItem) return false;
    w.node(m.unreadItem->value);
    return true;
}

void writeCaseInfo(Writer& w, const CaseInfo& c) {
    if (w.unread("case")) return;
    w.key("case");
    if (writeUnreadItem(w, c.meta)) return;
    ItemMeta im(w, c.meta);
    w.beginMap();
    w.str("title", c.title);
    w.enumeration("kind", c.kind);
    w.str("partnership", c.partnership);
    w.date("reference_date", c.referenceDate);
    const Meta& sm = c.scopeMeta;
    if (!w.unread("scope") && (c.scopeFrom || c.scopeTo || sm.hasUnread() || !sm.extras.empty())) {
        w.key("scope");
        if (!writeUnreadItem(w, sm)) {
            ItemMeta scope(w, sm);
            w.beginMap(true);
            w.date("from", c.scopeFrom);
            w.date("to", c.scopeTo);
            w.meta(sm);
            w.endMap();
        }
    }
    w.meta(c.meta);
    w.endMap();
}

void writePublication(Writer& w, const Publication& p) {
    if (w.unread("publication")) return;
    w.key("publication");
    if (writeUnreadItem(w, p.meta)) return;
    ItemMeta im(w, p.meta);
    w.beginMap();
    w.enumeration("date_precision", p.datePrecision);
    w.boolean("hide_death_date", p.hideDeathDate);
    w.boolean("hide_child_sex", p.hideChildSex);
    w.boolean("hide_addresses", p.hideAddresses);
    w.integer("child_age", p.childAge);
    w.enumeration("professional_names", p.professionalNames);
    w.list("keep", p.keep);
    w.str("marking", p.marking);
    w.meta(p.meta);
    w.endMap();
}

void writeAgency(Writer& w, const Agency& a) {
    if (writeUnreadItem(w, a.meta)) return;
    ItemMeta im(w, a.meta);
    w.beginMap();
    w.str("id", a.id, true);
    w.str("name", a.name);
    w.enumeration("kind", a.kind);
    w.textMap("import_map", a.importMap);
    w.meta(a.meta);
    w.endMap();
}

void writePerson(Writer& w, const Person& p) {
    if (writeUnreadItem(w, p.meta)) return;
    ItemMeta im(w, p.meta);
    w.beginMap();
    w.str("id", p.id, true);
    w.str("name", p.name);
    w.str("pseudonym", p.pseudonym);
    w.list("aliases", p.aliases);
    if (!w.unread("sex") && (p.sex != Sex::Unknown || p.meta.keyLocs.count("sex"))) w.enumeration("sex", p.sex);
    w.date("born", p.born);
    w.date("died", p.died);
    w.enums("roles", p.roles);
    if (!w.unread("index") && p.index) w.boolean("index", true);
    w.list("parents", p.parents);
    if (!w.unread("parentage") && (p.parentage != Parentage::Biological || p.meta.keyLocs.count("parentage")))
        w.enumeration("parentage", p.parentage);
    w.str("twin", p.twin);
    if (!w.unread("identical_twin") && p.identicalTwin) w.boolean("identical_twin", true);
    if (!w.unread("birth_order") && p.birthOrder) w.integer("birth_order", *p.birthOrder);
    w.enums("conditions", p.conditions);
    w.list("aces", p.aces);
    if (!w.unread("pregnancy") && p.pregnancy) w.enumeration("pregnancy", *p.pregnancy);
    w.str("notes", p.notes);
    w.quoted("gedcom_id", p.gedcomId);
    w.meta(p.meta);
    w.endMap();
}

void writePartnership(Writer& w, const Partnership& p) {
    if (writeUnreadItem(w, p.meta)) return;
    ItemMeta im(w, p.meta);
    w.beginMap();
    if (!w.unread("partners")) {
        w.key("partners");
        w.beginSeq(true);
        w.text(p.partners[0]);
        w.text(p.partners[1]);
        w.endSeq();
    }
    w.enumeration("status", p.status);
    w.date("from", p.from);
    w.date("to", p.to);
    if (!w.unread("history") && !p.history.empty()) {
        w.key("history");
        w.beginSeq();
        for (auto& h : p.history) {
            if (writeUnreadItem(w, h.meta)) continue;
            ItemMeta hm(w, h.meta);
            w.beginMap(true);
            w.enumeration("status", h.status);
            w.date("from", h.from);
            w.date("to", h.to);
            w.meta(h.meta);
            w.endMap();
        }
        w.endSeq();
    }
    w.meta(p.meta);
    w.endMap();
}

void writeRelation(Writer& w, const Relation& r) {
    if (writeUnreadItem(w, r.meta)) return;
    ItemMeta im(w, r.meta);
    w.beginMap();
    w.str("from", r.from, true);
    w.str("to", r.to, true);
    w.enumeration("kind", r.kind);
    w.date("from_date", r.fromDate);
    w.date("to_date", r.toDate);
    w.meta(r.meta);
    w.endMap();
}

void writeHousehold(Writer& w, const Household& h) {
    if (writeUnreadItem(w, h.meta)) return;
    ItemMeta im(w, h.meta);
    w.beginMap();
    w.str("id", h.id);
    w.str("label", h.label);
    w.str("address", h.address);
    w.list("members", h.members);
    w.date("from", h.from);
    w.date("to", h.to);
    w.meta(h.meta);
    w.endMap();
}

void writeEvent(Writer& w, const Event& e) {
    if (writeUnreadItem(w, e.meta)) return;
    ItemMeta im(w, e.meta);
    w.beginMap();
    w.str("id", e.id, true);
    if (!w.unread("date")) {
        w.key("date");
        w.dateValue(e.date);
    }
    w.quoted("time", e.time);
    w.date("end", e.end);
    w.str("agency", e.agency);
    w.enumeration("source", e.source);
    w.str("source_ref", e.sourceRef);
    w.list("people", e.people);
    w.str("what", e.what);
    w.str("action", e.action);
    w.str("analysis", e.analysis);
    w.list("tags", e.tags);
    if (!w.unread("stage") && e.stage) w.integer("stage", *e.stage);
    if (!w.unread("risk") && e.risk) w.enumeration("risk", *e.risk);
    w.str("missed_opportunity", e.missedOpportunity);
    w.list("shared_with", e.sharedWith);
    w.list("disputed_by", e.disputedBy);
    if (!w.unread("publish") && !e.publish) w.boolean("publish", false);
    w.textMap("extras", e.extras);
    w.meta(e.meta);
    w.endMap();
}

// `date:` and `text:` of an update or a milestone (each kept as written when it was unreadable).
void writeDatedText(Writer& w, const Date& date, const std::string& text) {
    if (!w.unread("date")) {
        w.key("date");
        w.dateValue(date);
    }
    if (!w.unread("text")) {
        w.key("text");
        w.text(text);
    }
}

void writeAction(Writer& w, const Action& a) {
    if (writeUnreadItem(w, a.meta)) return;
    ItemMeta im(w, a.meta);
    w.beginMap();
    w.str("id", a.id, true);
    w.str("text", a.text);
    w.str("lead", a.lead);
    w.str("owner", a.owner);
    w.date("target", a.target);
    w.enumeration("status", a.status);
    w.date("completed", a.completed);
    w.str("outcome", a.outcome);
    w.str("evidence", a.evidence);
    if (!w.unread("milestones") && !a.milestones.empty()) {
        w.key("milestones");
        w.beginSeq();
        for (auto& m : a.milestones) {
            if (writeUnreadItem(w, m.meta)) continue;
            ItemMeta mm(w, m.meta);
            w.beginMap(true);
            writeDatedText(w, m.date, m.text);
            if (m.done || m.meta.unread.count("done")) w.boolean("done", m.done);
            w.meta(m.meta);
            w.endMap();
        }
        w.endSeq();
    }
    if (!w.unread("updates") && !a.updates.empty()) {
        w.key("updates");
        w.beginSeq();
        for (auto& u : a.updates) {
            if (writeUnreadItem(w, u.meta)) continue;
            ItemMeta um(w, u.meta);
            w.beginMap(true);
            writeDatedText(w, u.date, u.text);
            w.meta(u.meta);
            w.endMap();
        }
        w.endSeq();
    }
    w.meta(a.meta);
    w.endMap();
}

void writeRecommendation(Writer& w, const Recommendation& r) {
    if (writeUnreadItem(w, r.meta)) return;
    ItemMeta im(w, r.meta);
    w.beginMap();
    w.str("id", r.id, true);
    w.str("text", r.text);
    w.enumeration("scope", r.scope);
    w.list("addresses", r.addresses);
    if (!w.unread("actions") && !r.actions.empty()) {
        w.key("actions");
        w.beginSeq();
        for (auto& a : r.actions) writeAction(w, a);
        w.endSeq();
    }
    w.meta(r.meta);
    w.endMap();
}

template <class T, class F> void writeList(Writer& w, const char* name, const std::vector<T>& items, F&& each) {
    w.item.clear();
    if (w.unread(name)) return;   // not a list in the file: written back as it was
    w.key(name);
    w.beginSeq(items.empty());
    for (std::size_t i = 0; i < items.size(); ++i) {
        w.item = fmt::format("{}[{}]", name, i);
        w.field.clear();
        each(w, items[i]);
    }
    w.endSeq();
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] saving

std::string saveCaseToString(const Case& c) {
    Writer w;
    w.current = &c.meta;   // top-level keys kept unread ("people: oops") are written back as they were
    w.beginMap();
    w.str("format", c.format, true);
    w.item = "case";
    writeCaseInfo(w, c.info);
    w.item = "publication";
    if (c.publication) writePublication(w, *c.publication);
    writeList(w, "agencies", c.agencies, writeAgency);
    writeList(w, "people", c.people, writePerson);
    writeList(w, "partnerships", c.partnerships, writePartnership);
    writeList(w, "relations", c.relations, writeRelation);
    writeList(w, "households", c.households, writeHousehold);
    writeList(w, "events", c.events, writeEvent);
    writeList(w, "recommendations", c.recommendations, writeRecommendation);
    w.item.clear();
    w.meta(c.meta);
    w.endMap();
    return w.finish();
}

void saveCaseFile(const Case& c, const std::string& path) {
    const std::string text = saveCaseToString(c);
    // Read the written file back, from the disk, and load it: a file that would not load,
    // or would load as a different case, never replaces the one there.
    writeFileAtomic(path, text, [&](const std::string& tempPath) {
        auto refuse = [&](const std::string& why) {
            throw GenochronError("not saved: " + why +
                                     "; the file on disk is unchanged (please report this: it is a bug in genochron)",
                                 path);
        };
        std::string back = readFile(tempPath, text.size() + 1);
        if (back != text) refuse("the file read back from the disk is not what was written");
        auto res = loadCaseString(back, path);   // the limits every later open will apply
        if (!res.model) {
            std::string first;
            for (auto& d : res.diagnostics.items())
                if (d.severity == Severity::Error) {
                    first = formatDiagnostic(d);
                    break;
                }
            refuse("the written file would not load again (" + first + ")");
        }
        if (auto diff = caseDifference(c, *res.model)) refuse("the written file would read back differently in " + *diff);
    });
}

}  // namespace genochron
