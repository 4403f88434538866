// Writing a case file: canonical key order (the contract's), unknown keys kept after
// the known ones, every event id written so generated ids stay stable.
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"

#include <yaml-cpp/yaml.h>

namespace genochron {

namespace {

// Unknown keys were read into our own tree; yaml-cpp's emitter writes them back.
YAML::Node toYamlCpp(const yaml::Node& n) {
    switch (n.type()) {
    case yaml::Node::Type::Null: return YAML::Node(YAML::NodeType::Null);
    case yaml::Node::Type::Scalar: return YAML::Node(n.Scalar());
    case yaml::Node::Type::Sequence: {
        YAML::Node s(YAML::NodeType::Sequence);
        for (auto& i : n.items()) s.push_back(toYamlCpp(i));
        return s;
    }
    case yaml::Node::Type::Map: {
        YAML::Node m(YAML::NodeType::Map);
        for (auto& [k, v] : n.entries()) m[toYamlCpp(k)] = toYamlCpp(v);
        return m;
    }
    }
    return {};
}

class Writer {
public:
    YAML::Emitter out;

    Writer() {
        out.SetIndent(2);
        out.SetSeqFormat(YAML::Block);
    }

    void str(const char* key, const std::string& v, bool always = false) {
        if (v.empty() && !always) return;
        out << YAML::Key << key << YAML::Value;
        // yaml-cpp's literal block always keeps one final newline ("|"), so only text
        // that ends in exactly one newline can use it; other multi-line text is quoted.
        bool multiLine = v.find('\n') != std::string::npos;
        bool literalSafe = multiLine && v.back() == '\n' && (v.size() < 2 || v[v.size() - 2] != '\n') &&
                           v.find_first_of("\t\r") == std::string::npos && v.front() != ' ';
        if (literalSafe) out << YAML::Literal << v;
        else if (multiLine) out << YAML::DoubleQuoted << v;
        else out << v;
    }
    void quoted(const char* key, const std::string& v) {
        if (v.empty()) return;
        out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << v;
    }
    void date(const char* key, const std::optional<Date>& d) {
        if (d) out << YAML::Key << key << YAML::Value << d->toString();
    }
    void list(const char* key, const std::vector<std::string>& v) {
        if (v.empty()) return;
        out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (auto& s : v) out << s;
        out << YAML::EndSeq;
    }
    template <class E> void enums(const char* key, const std::vector<E>& v) {
        if (v.empty()) return;
        out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (auto e : v) out << std::string(toString(e));
        out << YAML::EndSeq;
    }
    template <class E> void enumeration(const char* key, E e) {
        out << YAML::Key << key << YAML::Value << std::string(toString(e));
    }
    void boolean(const char* key, bool v) { out << YAML::Key << key << YAML::Value << (v ? "true" : "false"); }

    void meta(const Meta& m) {
        if (!m.lintIgnore.empty()) {
            out << YAML::Key << "lint_ignore" << YAML::Value << YAML::BeginSeq;
            for (auto& li : m.lintIgnore)
                out << YAML::Flow << YAML::BeginMap << YAML::Key << "rule" << YAML::Value << li.rule << YAML::Key
                    << "reason" << YAML::Value << li.reason << YAML::EndMap;
            out << YAML::EndSeq;
        }
        for (auto& [k, v] : m.extras) out << YAML::Key << k << YAML::Value << toYamlCpp(v);
    }
};

void writeCaseInfo(Writer& w, const CaseInfo& c) {
    auto& o = w.out;
    o << YAML::Key << "case" << YAML::Value << YAML::BeginMap;
    w.str("title", c.title);
    w.enumeration("kind", c.kind);
    w.str("partnership", c.partnership);
    w.date("reference_date", c.referenceDate);
    if (c.scopeFrom || c.scopeTo) {
        o << YAML::Key << "scope" << YAML::Value << YAML::Flow << YAML::BeginMap;
        w.date("from", c.scopeFrom);
        w.date("to", c.scopeTo);
        o << YAML::EndMap;
    }
    w.meta(c.meta);
    o << YAML::EndMap;
}

void writePublication(Writer& w, const Publication& p) {
    auto& o = w.out;
    o << YAML::Key << "publication" << YAML::Value << YAML::BeginMap;
    w.enumeration("date_precision", p.datePrecision);
    w.boolean("hide_death_date", p.hideDeathDate);
    w.boolean("hide_child_sex", p.hideChildSex);
    w.boolean("hide_addresses", p.hideAddresses);
    o << YAML::Key << "child_age" << YAML::Value << p.childAge;
    w.enumeration("professional_names", p.professionalNames);
    w.meta(p.meta);
    o << YAML::EndMap;
}

void writePerson(Writer& w, const Person& p) {
    auto& o = w.out;
    o << YAML::BeginMap;
    w.str("id", p.id, true);
    w.str("name", p.name);
    w.str("pseudonym", p.pseudonym);
    w.list("aliases", p.aliases);
    if (p.sex != Sex::Unknown || p.meta.keyLocs.count("sex")) w.enumeration("sex", p.sex);
    w.date("born", p.born);
    w.date("died", p.died);
    w.enums("roles", p.roles);
    if (p.index) w.boolean("index", true);
    w.list("parents", p.parents);
    if (p.parentage != Parentage::Biological || p.meta.keyLocs.count("parentage")) w.enumeration("parentage", p.parentage);
    w.str("twin", p.twin);
    if (p.identicalTwin) w.boolean("identical_twin", true);
    if (p.birthOrder) o << YAML::Key << "birth_order" << YAML::Value << *p.birthOrder;
    w.enums("conditions", p.conditions);
    w.list("aces", p.aces);
    if (p.pregnancy) w.enumeration("pregnancy", *p.pregnancy);
    w.str("notes", p.notes);
    w.meta(p.meta);
    o << YAML::EndMap;
}

void writeEvent(Writer& w, const Event& e) {
    auto& o = w.out;
    o << YAML::BeginMap;
    w.str("id", e.id, true);
    o << YAML::Key << "date" << YAML::Value << e.date.toString();
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
    if (e.risk) w.enumeration("risk", *e.risk);
    w.str("missed_opportunity", e.missedOpportunity);
    w.list("shared_with", e.sharedWith);
    w.list("disputed_by", e.disputedBy);
    if (!e.publish) w.boolean("publish", false);
    w.meta(e.meta);
    o << YAML::EndMap;
}

void writeRecommendation(Writer& w, const Recommendation& r) {
    auto& o = w.out;
    o << YAML::BeginMap;
    w.str("id", r.id, true);
    w.str("text", r.text);
    w.enumeration("scope", r.scope);
    w.list("addresses", r.addresses);
    if (!r.actions.empty()) {
        o << YAML::Key << "actions" << YAML::Value << YAML::BeginSeq;
        for (auto& a : r.actions) {
            o << YAML::BeginMap;
            w.str("id", a.id, true);
            w.str("text", a.text);
            w.str("lead", a.lead);
            w.str("owner", a.owner);
            w.date("target", a.target);
            w.enumeration("status", a.status);
            w.date("completed", a.completed);
            if (!a.updates.empty()) {
                o << YAML::Key << "updates" << YAML::Value << YAML::BeginSeq;
                for (auto& u : a.updates)
                    o << YAML::Flow << YAML::BeginMap << YAML::Key << "date" << YAML::Value << u.date.toString()
                      << YAML::Key << "text" << YAML::Value << u.text << YAML::EndMap;
                o << YAML::EndSeq;
            }
            w.meta(a.meta);
            o << YAML::EndMap;
        }
        o << YAML::EndSeq;
    }
    w.meta(r.meta);
    o << YAML::EndMap;
}

}  // namespace

std::string saveCaseToString(const Case& c) {
    Writer w;
    auto& o = w.out;
    o << YAML::BeginMap;
    o << YAML::Key << "format" << YAML::Value << c.format;
    writeCaseInfo(w, c.info);
    if (c.publication) writePublication(w, *c.publication);
    o << YAML::Key << "agencies" << YAML::Value << YAML::BeginSeq;
    for (auto& a : c.agencies) {
        o << YAML::BeginMap;
        w.str("id", a.id, true);
        w.str("name", a.name);
        w.enumeration("kind", a.kind);
        w.meta(a.meta);
        o << YAML::EndMap;
    }
    o << YAML::EndSeq;
    o << YAML::Key << "people" << YAML::Value << YAML::BeginSeq;
    for (auto& p : c.people) writePerson(w, p);
    o << YAML::EndSeq;
    o << YAML::Key << "partnerships" << YAML::Value << YAML::BeginSeq;
    for (auto& p : c.partnerships) {
        o << YAML::BeginMap;
        o << YAML::Key << "partners" << YAML::Value << YAML::Flow << YAML::BeginSeq << p.partners[0] << p.partners[1]
          << YAML::EndSeq;
        w.enumeration("status", p.status);
        w.date("from", p.from);
        w.date("to", p.to);
        if (!p.history.empty()) {
            o << YAML::Key << "history" << YAML::Value << YAML::BeginSeq;
            for (auto& h : p.history) {
                o << YAML::Flow << YAML::BeginMap;
                w.enumeration("status", h.status);
                w.date("from", h.from);
                w.date("to", h.to);
                o << YAML::EndMap;
            }
            o << YAML::EndSeq;
        }
        w.meta(p.meta);
        o << YAML::EndMap;
    }
    o << YAML::EndSeq;
    o << YAML::Key << "relations" << YAML::Value << YAML::BeginSeq;
    for (auto& r : c.relations) {
        o << YAML::BeginMap;
        w.str("from", r.from, true);
        w.str("to", r.to, true);
        w.enumeration("kind", r.kind);
        w.date("from_date", r.fromDate);
        w.date("to_date", r.toDate);
        w.meta(r.meta);
        o << YAML::EndMap;
    }
    o << YAML::EndSeq;
    o << YAML::Key << "households" << YAML::Value << YAML::BeginSeq;
    for (auto& h : c.households) {
        o << YAML::BeginMap;
        w.str("id", h.id);
        w.str("label", h.label);
        w.str("address", h.address);
        w.list("members", h.members);
        w.date("from", h.from);
        w.date("to", h.to);
        w.meta(h.meta);
        o << YAML::EndMap;
    }
    o << YAML::EndSeq;
    o << YAML::Key << "events" << YAML::Value << YAML::BeginSeq;
    for (auto& e : c.events) writeEvent(w, e);
    o << YAML::EndSeq;
    o << YAML::Key << "recommendations" << YAML::Value << YAML::BeginSeq;
    for (auto& r : c.recommendations) writeRecommendation(w, r);
    o << YAML::EndSeq;
    w.meta(c.meta);
    o << YAML::EndMap;
    if (!o.good()) throw GenochronError(std::string("cannot write the case as YAML: ") + o.GetLastError());
    return std::string(o.c_str()) + "\n";
}

void saveCaseFile(const Case& c, const std::string& path) { writeFileAtomic(path, saveCaseToString(c)); }

}  // namespace genochron
