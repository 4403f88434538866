// Reading a case file: YAML (libyaml events, yaml_doc.hpp) -> Case, with a diagnostic for every problem.
//
// [SECTION] input screening (size, binary, UTF-8) before the parser sees it (depth: yaml_doc)
// [SECTION] one function per block of the format
// [SECTION] loading: the whole file, then each block
//
// The Reader (typed access to nodes, each problem reported where it is) is in detail/case_nodes.hpp.
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"
#include "core/model/stages.hpp"
#include "core/model/validate.hpp"
#include "core/io/yaml_doc.hpp"
#include "core/io/detail/case_nodes.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <set>

namespace genochron {

namespace {

// ---------------------------------------------------------------- [SECTION] screening

SourceLoc locAtOffset(const std::string& text, std::size_t off) {
    SourceLoc l{1, 1};
    for (std::size_t i = 0; i < off && i < text.size(); ++i) {
        if (text[i] == '\n') { ++l.line; l.column = 1; }
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++l.column;
    }
    return l;
}

// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t firstInvalidUtf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (n < 0 || (n == 1 && c < 0xC2)) return i;
        if (i + std::size_t(n) >= s.size() + (n ? 0 : 1)) return i;
        for (int k = 1; k <= n; ++k)
            if ((static_cast<unsigned char>(s[i + std::size_t(k)]) & 0xC0) != 0x80) return i;
        i += std::size_t(n) + 1;
    }
    return std::string::npos;
}

using case_reading::locOf;
using case_reading::Reader;

// ---------------------------------------------------------------- [SECTION] blocks

void readCaseInfo(Reader& r, const yaml::Node& n, CaseInfo& c) {
    r.mapping(n, "case", {"title", "kind", "partnership", "reference_date", "scope"}, c.meta,
              [&](const std::string& k, const yaml::Node& v) {
                  if (k == "title") c.title = r.text(v, "case.title");
                  else if (k == "kind") { if (auto e = r.enumeration<CaseKind>(v, "case.kind")) c.kind = *e; }
                  else if (k == "partnership") c.partnership = r.text(v, "case.partnership");
                  else if (k == "reference_date") c.referenceDate = r.date(v, "case.reference_date");
                  else if (k == "scope") {
                      Meta& m = c.scopeMeta;
                      r.mapping(v, "case.scope", {"from", "to"}, m, [&](const std::string& k2, const yaml::Node& v2) {
                          if (k2 == "from") c.scopeFrom = r.date(v2, "case.scope.from");
                          else c.scopeTo = r.date(v2, "case.scope.to");
                      });
                      for (auto& [key, loc] : m.keyLocs) c.meta.keyLocs["scope." + key] = loc;
                  }
              });
}

void readPublication(Reader& r, const yaml::Node& n, Publication& p) {
    r.mapping(n, "publication",
              {"date_precision", "hide_death_date", "hide_child_sex", "hide_addresses", "child_age",
               "professional_names", "keep", "marking"},
              p.meta, [&](const std::string& k, const yaml::Node& v) {
                  std::string w = "publication." + k;
                  if (k == "date_precision") { if (auto e = r.enumeration<PublishPrecision>(v, w)) p.datePrecision = *e; }
                  else if (k == "hide_death_date") p.hideDeathDate = r.boolean(v, w).value_or(true);
                  else if (k == "hide_child_sex") p.hideChildSex = r.boolean(v, w).value_or(true);
                  else if (k == "hide_addresses") p.hideAddresses = r.boolean(v, w).value_or(true);
                  else if (k == "child_age") p.childAge = r.integer(v, w, 1, 25).value_or(18);
                  else if (k == "professional_names") { if (auto e = r.enumeration<ProfessionalNames>(v, w)) p.professionalNames = *e; }
                  else if (k == "keep") p.keep = r.strList(v, w);
                  else if (k == "marking") p.marking = r.text(v, w);
              });
}

void readAgency(Reader& r, const yaml::Node& n, const std::string& w, Case& c) {
    Agency a;
    r.mapping(n, w, {"id", "name", "kind", "import_map"}, a.meta, [&](const std::string& k, const yaml::Node& v) {
        if (k == "id") a.id = r.text(v, w + ".id");
        else if (k == "name") a.name = r.text(v, w + ".name");
        else if (k == "import_map") a.importMap = r.textMap(v, w + ".import_map");
        else if (auto e = r.enumeration<AgencyKind>(v, w + ".kind")) a.kind = *e;
    });
    if (n.IsMap()) r.require(a.meta, n, w, "id");
    c.agencies.push_back(std::move(a));
}

void readPerson(Reader& r, const yaml::Node& n, const std::string& w, Case& c) {
    Person p;
    static const std::vector<std::string_view> keys = {
        "id", "name", "pseudonym", "aliases", "sex", "born", "died", "roles", "index", "parents", "parentage",
        "twin", "identical_twin", "birth_order", "conditions", "aces", "pregnancy", "notes", "gedcom_id"};
    r.mapping(n, w, keys, p.meta, [&](const std::string& k, const yaml::Node& v) {
        std::string f = w + "." + k;
        if (k == "id") p.id = r.text(v, f);
        else if (k == "name") p.name = r.text(v, f);
        else if (k == "pseudonym") p.pseudonym = r.text(v, f);
        else if (k == "aliases") p.aliases = r.strList(v, f);
        else if (k == "sex") { if (auto e = r.enumeration<Sex>(v, f)) p.sex = *e; }
        else if (k == "born") p.born = r.date(v, f);
        else if (k == "died") p.died = r.date(v, f);
        else if (k == "roles") p.roles = r.enumList<Role>(v, f);
        else if (k == "index") p.index = r.boolean(v, f).value_or(false);
        else if (k == "parents") p.parents = r.strList(v, f);
        else if (k == "parentage") { if (auto e = r.enumeration<Parentage>(v, f)) p.parentage = *e; }
        else if (k == "twin") p.twin = r.text(v, f);
        else if (k == "identical_twin") p.identicalTwin = r.boolean(v, f).value_or(false);
        else if (k == "birth_order") p.birthOrder = r.integer(v, f, 1, 99);
        else if (k == "conditions") p.conditions = r.enumList<Condition>(v, f);
        else if (k == "aces") p.aces = r.strList(v, f);
        else if (k == "pregnancy") p.pregnancy = r.enumeration<Pregnancy>(v, f);
        else if (k == "notes") p.notes = r.text(v, f);
        else if (k == "gedcom_id") p.gedcomId = r.text(v, f);
    });
    if (n.IsMap()) r.require(p.meta, n, w, "id");
    c.people.push_back(std::move(p));
}

// An item that cannot be a period (not a mapping, or no status) is kept as it was read.
std::optional<StatusPeriod> readStatusPeriod(Reader& r, const yaml::Node& n, const std::string& w) {
    StatusPeriod s;
    Meta& m = s.meta;
    bool hasStatus = false;
    r.mapping(n, w, {"status", "from", "to"}, m, [&](const std::string& k, const yaml::Node& v) {
        if (k == "status") { if (auto e = r.enumeration<PartnershipStatus>(v, w + ".status")) { s.status = *e; hasStatus = true; } }
        else if (k == "from") s.from = r.date(v, w + ".from");
        else s.to = r.date(v, w + ".to");
    });
    if (n.IsMap() && !m.keyLocs.count("status")) {
        auto at = r.mark();
        r.error(n, "missing", w + " has no 'status:'; it is required");
        if (r.capturing()) m.unreadItem = Unread{n, r.takeErrors(at)};
    }
    if (!hasStatus && !m.hasUnread()) return std::nullopt;
    return s;
}

void readPartnership(Reader& r, const yaml::Node& n, const std::string& w, Case& c) {
    Partnership p;
    r.mapping(n, w, {"partners", "status", "from", "to", "history"}, p.meta, [&](const std::string& k, const yaml::Node& v) {
        std::string f = w + "." + k;
        if (k == "partners") {
            auto ids = r.strList(v, f);
            if (ids.size() != 2)
                r.error(v, "partners-count", fmt::format("{} must name exactly two people, not {}", f, ids.size()));
            for (std::size_t i = 0; i < 2 && i < ids.size(); ++i) p.partners[i] = ids[i];
        } else if (k == "status") { if (auto e = r.enumeration<PartnershipStatus>(v, f)) p.status = *e; }
        else if (k == "from") p.from = r.date(v, f);
        else if (k == "to") p.to = r.date(v, f);
        else if (k == "history") {
            r.list(v, f, [&](const yaml::Node& item, const std::string& iw) {
                if (auto s = readStatusPeriod(r, item, iw)) p.history.push_back(*s);
            });
        }
    });
    if (n.IsMap()) r.require(p.meta, n, w, "partners");
    c.partnerships.push_back(std::move(p));
}

void readRelation(Reader& r, const yaml::Node& n, const std::string& w, Case& c) {
    Relation rel;
    r.mapping(n, w, {"from", "to", "kind", "from_date", "to_date"}, rel.meta, [&](const std::string& k, const yaml::Node& v) {
        std::string f = w + "." + k;
        if (k == "from") rel.from = r.text(v, f);
        else if (k == "to") rel.to = r.text(v, f);
        else if (k == "kind") { if (auto e = r.enumeration<RelationKind>(v, f)) rel.kind = *e; }
        else if (k == "from_date") rel.fromDate = r.date(v, f);
        else if (k == "to_date") rel.toDate = r.date(v, f);
    });
    if (n.IsMap()) {
        r.require(rel.meta, n, w, "from");
        r.require(rel.meta, n, w, "to");
        r.require(rel.meta, n, w, "kind");
    }
    c.relations.push_back(std::move(rel));
}

void readHousehold(Reader& r, const yaml::Node& n, const std::string& w, Case& c) {
    Household h;
    r.mapping(n, w, {"id", "label", "address", "members", "from", "to"}, h.meta, [&](const std::string& k, const yaml::Node& v) {
        std::string f = w + "." + k;
        if (k == "id") h.id = r.text(v, f);
        else if (k == "label") h.label = r.text(v, f);
        else if (k == "address") h.address = r.text(v, f);
        else if (k == "members") h.members = r.strList(v, f);
        else if (k == "from") h.from = r.date(v, f);
        else if (k == "to") h.to = r.date(v, f);
    });
    if (n.IsMap()) r.require(h.meta, n, w, "members");
    c.households.push_back(std::move(h));
}

// `stage: 1..8`, Monckton Smith's homicide timeline; anything else is an error that lists them.
std::optional<int> readStage(Reader& r, const yaml::Node& v, const std::string& where) {
    auto s = r.str(v, where);
    if (!s) return std::nullopt;
    if (s->size() == 1 && (*s)[0] >= '1' && (*s)[0] <= '0' + kStageCount) return (*s)[0] - '0';
    std::string all;
    for (int i = 1; i <= kStageCount; ++i) all += fmt::format("{}{} {}", i > 1 ? ", " : "", i, stageShortName(i));
    std::string hint;
    if (auto t = stageFromTag(*s)) hint = fmt::format("; did you mean {}?", *t);
    else if (auto t2 = stageFromTag("stage_" + *s)) hint = fmt::format("; did you mean {}?", *t2);
    r.error(v, "bad-stage", fmt::format("{}: '{}' is not a homicide timeline stage; write a number from 1 to {} ({}){}",
                                        where, *s, kStageCount, all, hint));
    return std::nullopt;
}

void readEvent(Reader& r, const yaml::Node& n, const std::string& w, Case& c) {
    Event e;
    static const std::vector<std::string_view> keys = {
        "id", "date", "time", "end", "agency", "source", "source_ref", "people", "what", "action", "analysis",
        "tags", "stage", "risk", "missed_opportunity", "shared_with", "disputed_by", "publish", "extras"};
    bool hasDate = false;
    r.mapping(n, w, keys, e.meta, [&](const std::string& k, const yaml::Node& v) {
        std::string f = w + "." + k;
        if (k == "id") e.id = r.text(v, f);
        else if (k == "date") {
            hasDate = true;
            if (v.IsNull()) r.error(v, "missing", fmt::format("{} is empty; write the date, or 'unknown'", f));
            else if (auto d = r.date(v, f)) e.date = *d;
        } else if (k == "time") {
            e.time = r.text(v, f);
            bool ok = e.time.size() == 5 && e.time[2] == ':' && std::isdigit((unsigned char)e.time[0]) &&
                      std::isdigit((unsigned char)e.time[1]) && std::isdigit((unsigned char)e.time[3]) &&
                      std::isdigit((unsigned char)e.time[4]) && std::stoi(e.time.substr(0, 2)) < 24 &&
                      std::stoi(e.time.substr(3, 2)) < 60;
            if (!ok) r.error(v, "bad-time", fmt::format("{}: '{}' is not a time; write HH:MM, e.g. \"22:40\"", f, e.time));
        } else if (k == "end") e.end = r.date(v, f);
        else if (k == "agency") e.agency = r.text(v, f);
        else if (k == "source") { if (auto s = r.enumeration<Source>(v, f)) e.source = *s; }
        else if (k == "source_ref") e.sourceRef = r.text(v, f);
        else if (k == "people") e.people = r.strList(v, f);
        else if (k == "what") e.what = r.text(v, f);
        else if (k == "action") e.action = r.text(v, f);
        else if (k == "analysis") e.analysis = r.text(v, f);
        else if (k == "tags") e.tags = r.strList(v, f);
        else if (k == "stage") e.stage = readStage(r, v, f);
        else if (k == "risk") e.risk = r.enumeration<Risk>(v, f);
        else if (k == "missed_opportunity") e.missedOpportunity = r.text(v, f);
        else if (k == "shared_with") e.sharedWith = r.strList(v, f);
        else if (k == "disputed_by") e.disputedBy = r.strList(v, f);
        else if (k == "publish") e.publish = r.boolean(v, f).value_or(true);
        else if (k == "extras") e.extras = r.textMap(v, f);
    });
    if (n.IsMap() && !hasDate)
        r.error(n, "missing-date", fmt::format("{} has no 'date:'; every event needs one (write 'unknown' if it is not known)", w), e.id);
    c.events.push_back(std::move(e));
}

void readAction(Reader& r, const yaml::Node& n, const std::string& w, Recommendation& rec) {
    Action a;
    r.mapping(n, w, {"id", "text", "lead", "owner", "target", "status", "completed", "updates", "outcome", "evidence",
                     "milestones"},
              a.meta,
              [&](const std::string& k, const yaml::Node& v) {
                  std::string f = w + "." + k;
                  if (k == "id") a.id = r.text(v, f);
                  else if (k == "text") a.text = r.text(v, f);
                  else if (k == "lead") a.lead = r.text(v, f);
                  else if (k == "owner") a.owner = r.text(v, f);
                  else if (k == "target") a.target = r.date(v, f);
                  else if (k == "status") { if (auto e = r.enumeration<ActionStatus>(v, f)) a.status = *e; }
                  else if (k == "completed") a.completed = r.date(v, f);
                  else if (k == "outcome") a.outcome = r.text(v, f);
                  else if (k == "evidence") a.evidence = r.text(v, f);
                  else if (k == "milestones") {
                      r.list(v, f, [&](const yaml::Node& item, const std::string& iw) {
                          ActionMilestone ms;
                          Meta& m = ms.meta;
                          r.mapping(item, iw, {"date", "text", "done"}, m, [&](const std::string& k2, const yaml::Node& v2) {
                              if (k2 == "date") { if (auto d = r.date(v2, iw + ".date")) ms.date = *d; }
                              else if (k2 == "done") ms.done = r.boolean(v2, iw + ".done").value_or(false);
                              else {
                                  ms.text = r.text(v2, iw + ".text");
                                  a.meta.keyLocs[fmt::format("milestones[{}].text", a.milestones.size())] = m.at("text");
                              }
                          });
                          if (item.IsMap()) {
                              r.require(m, item, iw, "date", a.id);
                              r.require(m, item, iw, "text", a.id);
                          }
                          a.milestones.push_back(ms);
                      });
                  }
                  else if (k == "updates") {
                      r.list(v, f, [&](const yaml::Node& item, const std::string& iw) {
                          ActionUpdate u;
                          r.mapping(item, iw, {"date", "text"}, u.meta, [&](const std::string& k2, const yaml::Node& v2) {
                              if (k2 == "date") { if (auto d = r.date(v2, iw + ".date")) u.date = *d; }
                              else {
                                  u.text = r.text(v2, iw + ".text");
                                  // the action's Meta also holds where each text is (the language check reads it there)
                                  a.meta.keyLocs[fmt::format("updates[{}].text", a.updates.size())] = u.meta.at("text");
                              }
                          });
                          a.updates.push_back(u);
                      });
                  }
              });
    if (n.IsMap()) r.require(a.meta, n, w, "id");
    rec.actions.push_back(std::move(a));
}

void readRecommendation(Reader& r, const yaml::Node& n, const std::string& w, Case& c) {
    Recommendation rec;
    r.mapping(n, w, {"id", "text", "scope", "addresses", "actions"}, rec.meta, [&](const std::string& k, const yaml::Node& v) {
        std::string f = w + "." + k;
        if (k == "id") rec.id = r.text(v, f);
        else if (k == "text") rec.text = r.text(v, f);
        else if (k == "scope") { if (auto e = r.enumeration<RecScope>(v, f)) rec.scope = *e; }
        else if (k == "addresses") rec.addresses = r.strList(v, f);
        else if (k == "actions") r.list(v, f, [&](const yaml::Node& item, const std::string& iw) { readAction(r, item, iw, rec); });
    });
    if (n.IsMap()) r.require(rec.meta, n, w, "id");
    c.recommendations.push_back(std::move(rec));
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] loading

LoadResult loadCaseString(const std::string& text, const std::string& name, const LoadLimits& limits) {
    LoadResult res{std::nullopt, Diagnostics(name), {}};
    auto& d = res.diagnostics;
    if (text.size() > limits.maxBytes) {
        d.error("too-large", {}, fmt::format("the file is {} bytes; a case file may be at most {} bytes", text.size(), limits.maxBytes));
        return res;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        d.error("empty", {1, 1}, "the file is empty; a case file starts with 'format: genochron/1'");
        return res;
    }
    // UTF-16 and UTF-32 (Notepad's "Unicode", some exports): by their byte order mark, or
    // by the NUL bytes every ASCII character carries.
    {
        auto at = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0x100u; };
        bool utf32 = (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) ||
                     (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF);
        bool utf16 = !utf32 && ((at(0) == 0xFF && at(1) == 0xFE) || (at(0) == 0xFE && at(1) == 0xFF) ||
                                (text.size() >= 4 && ((at(0) && !at(1) && at(2) && !at(3)) ||
                                                      (!at(0) && at(1) && !at(2) && at(3)))));
        if (utf16 || utf32) {
            d.error("encoding", {1, 1},
                    fmt::format("this file is {} text; save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
                                utf32 ? "UTF-32" : "UTF-16"));
            return res;
        }
    }
    if (auto nul = text.find('\0'); nul != std::string::npos) {
        d.error("binary", locAtOffset(text, nul), "this is not a text file (it contains a NUL byte); is it the right file?");
        return res;
    }
    if (auto bad = firstInvalidUtf8(text); bad != std::string::npos) {
        d.error("encoding", locAtOffset(text, bad), "this is not UTF-8 text; save the file as UTF-8");
        return res;
    }
    yaml::ParseError perr;
    yaml::ParseLimits plim;
    plim.maxDepth = limits.maxDepth;
    yaml::MoreDocuments more;
    auto parsed = yaml::parse(text, plim, perr, &more);
    if (!parsed) {
        d.error(perr.message.find("nesting") != std::string::npos ? "too-deep" : "yaml-syntax",
                perr.mark.is_null() ? SourceLoc{} : SourceLoc{perr.mark.line + 1, perr.mark.column + 1},
                "YAML syntax: " + perr.message);
        return res;
    }
    if (more.present) {
        SourceLoc at = more.at.is_null() ? SourceLoc{} : SourceLoc{more.at.line + 1, more.at.column + 1};
        if (!more.empty) {
            // Not opened at all: a save writes one document and would drop the rest.
            d.error("second-document", at,
                    "a second YAML document starts here ('---'); a case file is one document: remove the '---' "
                    "line, or move what follows into the case above it");
            return res;
        }
        d.warning(Category::Validation, "second-document", at,
                  "an empty second YAML document ('---') after the case; it is ignored (and not written back)");
    }
    const yaml::Node& root = *parsed;
    if (!root.IsMap()) {
        d.error("wrong-type", locOf(root).valid() ? locOf(root) : SourceLoc{1, 1},
                "the file should be a mapping starting with 'format: genochron/1'");
        return res;
    }
    Case c;
    Reader r(d);
    static const std::vector<std::string_view> top = {
        "format", "case", "publication", "agencies", "people", "partnerships", "relations", "households",
        "events", "recommendations"};
    {
        bool hasFormat = false;
        r.mapping(root, "the file", top, c.meta, [&](const std::string& k, const yaml::Node& v) {
            if (k == "format") {
                hasFormat = true;
                c.format = r.text(v, "format");
                if (c.format != "genochron/1")
                    r.error(v, "format-version", fmt::format("format '{}' is not one this version reads (genochron/1)", c.format));
            } else if (k == "case") readCaseInfo(r, v, c.info);
            else if (k == "publication") { c.publication.emplace(); readPublication(r, v, *c.publication); }
            else if (k == "agencies") r.list(v, k, [&](const yaml::Node& n, const std::string& w) { readAgency(r, n, w, c); });
            else if (k == "people") r.list(v, k, [&](const yaml::Node& n, const std::string& w) { readPerson(r, n, w, c); });
            else if (k == "partnerships") r.list(v, k, [&](const yaml::Node& n, const std::string& w) { readPartnership(r, n, w, c); });
            else if (k == "relations") r.list(v, k, [&](const yaml::Node& n, const std::string& w) { readRelation(r, n, w, c); });
            else if (k == "households") r.list(v, k, [&](const yaml::Node& n, const std::string& w) { readHousehold(r, n, w, c); });
            else if (k == "events") r.list(v, k, [&](const yaml::Node& n, const std::string& w) { readEvent(r, n, w, c); });
            else if (k == "recommendations") r.list(v, k, [&](const yaml::Node& n, const std::string& w) { readRecommendation(r, n, w, c); });
        });
        if (!hasFormat) d.error("missing", {1, 1}, "the file has no 'format: genochron/1' line; add it at the top");
    }
    // Events without ids get stable ones; the writer writes them, so they stay.
    {
        std::set<std::string> used;
        for (auto& e : c.events) used.insert(e.id);
        int next = 1;
        for (auto& e : c.events) {
            if (!e.id.empty()) continue;
            std::string id;
            do id = fmt::format("e{:03}", next++);
            while (used.count(id));
            e.id = id;
            e.idGenerated = true;
            used.insert(id);
        }
    }
    validateCase(c, d);
    d.sort();
    res.model = std::move(c);
    res.source = text;
    return res;
}

LoadResult loadCaseFile(const std::string& path, const LoadLimits& limits) {
    std::string text;
    try {
        text = readFile(path, limits.maxBytes);
    } catch (const GenochronError& e) {
        LoadResult res{std::nullopt, Diagnostics(path), {}};
        std::string msg = e.what();
        auto pos = msg.find("error: ");
        res.diagnostics.error("unreadable", {}, pos != std::string::npos ? msg.substr(pos + 7) : msg);
        return res;
    }
    // A UTF-8 byte order mark is harmless; drop it so columns count from the text.
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    return loadCaseString(text, path, limits);
}

}  // namespace genochron
