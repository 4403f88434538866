// Writing a case file: canonical key order (the contract's), unknown keys kept after
// the known ones, every event id written so generated ids stay stable.
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace genochron {

namespace {

// ---------------------------------------------------------------- [SECTION] scalars
//
// What a scalar may be written as. Our reader is libyaml (YAML 1.1), other tools that read
// case files may be YAML 1.1 or 1.2; every one of them must read back the string written.
// yaml-cpp's emitter decides plain vs quoted by its own rules, which let through words a
// YAML 1.1 reader turns into booleans, nulls and numbers (yes, off, 0x1F, 1e3, 012), and
// its double-quoted writer leaves DEL, U+2028 and U+2029 unescaped (libyaml refuses DEL
// and reads U+2028/2029 as line breaks). So every scalar is scanned here first.

struct Scan {
    bool invalidUtf8 = false;
    char32_t nonCharacter = 0;   // U+FFFE or U+FFFF: no YAML file may hold one, and yaml-cpp cannot escape it
    bool control = false;        // a character no YAML reader takes raw (C0 but tab/LF, DEL, C1, ...)
    bool needsAsciiEscape = false;   // ... and one yaml-cpp's double-quoted writer leaves raw
    bool newline = false, tab = false, cr = false;
    bool edgeSpace = false;      // leading or trailing space, tab or no-break space
};

Scan scan(std::string_view s) {
    Scan r;
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        std::size_t n;
        if (c < 0x80) { cp = c; n = 1; }
        else if ((c >> 5) == 0x6 && c >= 0xC2) { cp = c & 0x1F; n = 2; }
        else if ((c >> 4) == 0xE) { cp = c & 0x0F; n = 3; }
        else if ((c >> 3) == 0x1E && c <= 0xF4) { cp = c & 0x07; n = 4; }
        else { r.invalidUtf8 = true; return r; }
        if (i + n > s.size()) { r.invalidUtf8 = true; return r; }
        for (std::size_t k = 1; k < n; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) { r.invalidUtf8 = true; return r; }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
            r.invalidUtf8 = true;
            return r;
        }
        if (cp == '\n') r.newline = true;
        else if (cp == '\t') r.tab = true;
        else if (cp == '\r') { r.cr = true; r.control = true; }
        else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF) r.control = true;
        if (cp == 0xFFFE || cp == 0xFFFF) r.nonCharacter = cp;
        if (cp == 0x7F || cp == 0x2028 || cp == 0x2029) {
            r.control = true;
            r.needsAsciiEscape = true;
        }
        i += n;
    }
    auto edge = [](std::string_view t) {
        return t.empty() ? false : t.front() == ' ' || t.front() == '\t' || t.back() == ' ' || t.back() == '\t' ||
                                        t.rfind("\xC2\xA0", 0) == 0 ||
                                        (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0");
    };
    r.edgeSpace = edge(s);
    return r;
}

// Words and forms some YAML reader (1.1 or 1.2) resolves to something other than a string
// when written plain: null, booleans, integers and floats in any base, sexagesimal numbers,
// timestamps, the merge and value keys.
bool resolvesToNonString(std::string_view s) {
    if (s.empty()) return true;
    std::string low;
    for (char ch : s) low += char(std::tolower(static_cast<unsigned char>(ch)));
    static const char* words[] = {"~", "null", "y", "n", "yes", "no", "true", "false", "on", "off", "<<", "=",
                                  ".inf", "+.inf", "-.inf", ".nan"};
    for (auto* w : words)
        if (low == w) return true;
    auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
    // A timestamp (2001-12-14, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10 -5).
    if (s.size() >= 5 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) && s[4] == '-') return true;
    // Anything numeric-looking: starts like a number and holds only characters numbers use.
    std::size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    if (i < s.size() && (digit(s[i]) || s[i] == '.')) {
        static const std::string_view numberChars = "0123456789abcdefABCDEFxXoObB_.,:+-";
        if (s.find_first_not_of(numberChars) == std::string_view::npos) return true;
    }
    return false;
}

// A plain scalar is read back as exactly this string by any YAML reader, in a block
// mapping value (`flow` false) or inside [ ... ] (`flow` true). Conservative: when in doubt,
// quote.
bool plainSafe(std::string_view s, const Scan& sc, bool flow) {
    if (s.empty() || sc.control || sc.newline || sc.tab || sc.edgeSpace || sc.invalidUtf8) return false;
    if (resolvesToNonString(s)) return false;
    static const std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
    if (indicators.find(s.front()) != std::string_view::npos) return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos || s.back() == ':')
        return false;
    if (flow && s.find_first_of(",[]{}:#") != std::string_view::npos) return false;
    return true;
}

// The case through yaml-cpp's emitter, every scalar by the rules above.
class Writer {
public:
    YAML::Emitter out;
    std::string item;    // the item being written, for errors ("events[3]")
    std::string field;   // ... and its key

    Writer() {
        out.SetIndent(2);
        out.SetSeqFormat(YAML::Block);
    }

    // One scalar. `plain` false forces quotes (it was quoted in the file, or must read as a string).
    void scalar(std::string_view v, bool flow, bool allowLiteral = false, bool forceQuotes = false) {
        Scan sc = scan(v);
        if (sc.invalidUtf8)
            throw GenochronError(fmt::format("cannot save: {}{}{} holds text that is not valid UTF-8; nothing was written",
                                             item, item.empty() || field.empty() ? "" : ".", field));
        if (sc.nonCharacter)
            throw GenochronError(fmt::format("cannot save: {}{}{} holds the invisible character U+{:04X}, which a case file "
                                             "cannot hold; delete it (it comes from badly converted text); nothing was written",
                                             item, item.empty() || field.empty() ? "" : ".", field,
                                             std::uint32_t(sc.nonCharacter)));
        const std::string s(v);
        // yaml-cpp's literal block always keeps one final newline ("|"), so only text that
        // ends in exactly one newline, with no tab, carriage return or odd character and no
        // leading space, can use it; other multi-line text is double-quoted with escapes.
        bool literalSafe = allowLiteral && !flow && sc.newline && !sc.control && !sc.tab && s.back() == '\n' &&
                           (s.size() < 2 || s[s.size() - 2] != '\n') && s.front() != ' ' && s.front() != '\n';
        if (literalSafe) out << YAML::Literal << s;
        else if (sc.needsAsciiEscape) out << YAML::EscapeNonAscii << YAML::DoubleQuoted << s;
        else if (forceQuotes || !plainSafe(s, sc, flow)) out << YAML::DoubleQuoted << s;
        else out << s;
    }

    void key(std::string_view k) {
        field = std::string(k);
        out << YAML::Key;
        // An implicit key is limited to one line of 1,024 characters; longer ones are "? key".
        if (k.size() > 256 || k.find_first_of("\n\r") != std::string_view::npos) out << YAML::LongKey;
        scalar(k, false);
        out << YAML::Value;
    }

    // A node from our own tree (unknown keys, values kept as they were read).
    void node(const yaml::Node& n, bool flow = false) {
        switch (n.type()) {
        case yaml::Node::Type::Null: out << YAML::Null; return;
        case yaml::Node::Type::Scalar: {
            // Plain in the file: plain again where that is safe for the characters, so a
            // number or boolean another tool wrote stays one; quoted: quoted.
            const std::string& s = n.Scalar();
            Scan sc = scan(s);
            if (!n.quoted() && !sc.control && !sc.newline && !sc.edgeSpace && !sc.invalidUtf8 && !s.empty() &&
                !(flow && s.find_first_of(",[]{}") != std::string::npos)) {
                out << s;   // yaml-cpp quotes it if it cannot be plain
                return;
            }
            scalar(s, flow, false, true);
            return;
        }
        case yaml::Node::Type::Sequence:
            if (n.items().empty()) { out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq; return; }
            out << YAML::BeginSeq;
            for (auto& i : n.items()) node(i);
            out << YAML::EndSeq;
            return;
        case yaml::Node::Type::Map:
            if (n.entries().empty()) { out << YAML::Flow << YAML::BeginMap << YAML::EndMap; return; }
            out << YAML::BeginMap;
            for (auto& [k, v] : n.entries()) {
                out << YAML::Key;
                if (!k.IsScalar() || k.Scalar().size() > 256 || k.Scalar().find_first_of("\n\r") != std::string::npos)
                    out << YAML::LongKey;
                node(k);
                out << YAML::Value;
                node(v);
            }
            out << YAML::EndMap;
            return;
        }
    }

    void str(const char* k, const std::string& v, bool always = false) {
        if (v.empty() && !always) return;
        key(k);
        scalar(v, false, true);
    }
    void quoted(const char* k, const std::string& v) {
        if (v.empty()) return;
        key(k);
        scalar(v, false, false, true);
    }
    void date(const char* k, const std::optional<Date>& d) {
        if (d) out << YAML::Key << k << YAML::Value << d->toString();
    }
    void list(const char* k, const std::vector<std::string>& v) {
        if (v.empty()) return;
        key(k);
        out << YAML::Flow << YAML::BeginSeq;
        for (auto& s : v) scalar(s, true);
        out << YAML::EndSeq;
    }
    template <class E> void enums(const char* k, const std::vector<E>& v) {
        if (v.empty()) return;
        out << YAML::Key << k << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (auto e : v) out << std::string(toString(e));
        out << YAML::EndSeq;
    }
    template <class E> void enumeration(const char* k, E e) {
        out << YAML::Key << k << YAML::Value << std::string(toString(e));
    }
    void boolean(const char* k, bool v) { out << YAML::Key << k << YAML::Value << (v ? "true" : "false"); }

    void meta(const Meta& m) {
        if (!m.lintIgnore.empty()) {
            out << YAML::Key << "lint_ignore" << YAML::Value << YAML::BeginSeq;
            for (auto& li : m.lintIgnore) {
                out << YAML::Flow << YAML::BeginMap << YAML::Key << "rule" << YAML::Value;
                scalar(li.rule, true);
                out << YAML::Key << "reason" << YAML::Value;
                scalar(li.reason, true);
                out << YAML::EndMap;
            }
            out << YAML::EndSeq;
        }
        for (auto& [k, v] : m.extras) {
            key(k);
            node(v);
        }
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
                for (auto& u : a.updates) {
                    o << YAML::Flow << YAML::BeginMap << YAML::Key << "date" << YAML::Value << u.date.toString()
                      << YAML::Key << "text" << YAML::Value;
                    w.scalar(u.text, true);
                    o << YAML::EndMap;
                }
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
    w.str("format", c.format, true);
    w.item = "case";
    writeCaseInfo(w, c.info);
    w.item = "publication";
    if (c.publication) writePublication(w, *c.publication);
    o << YAML::Key << "agencies" << YAML::Value << YAML::BeginSeq;
    for (std::size_t i = 0; i < c.agencies.size(); ++i) {
        auto& a = c.agencies[i];
        w.item = fmt::format("agencies[{}]", i);
        o << YAML::BeginMap;
        w.str("id", a.id, true);
        w.str("name", a.name);
        w.enumeration("kind", a.kind);
        w.meta(a.meta);
        o << YAML::EndMap;
    }
    o << YAML::EndSeq;
    o << YAML::Key << "people" << YAML::Value << YAML::BeginSeq;
    for (std::size_t i = 0; i < c.people.size(); ++i) {
        w.item = fmt::format("people[{}]", i);
        writePerson(w, c.people[i]);
    }
    o << YAML::EndSeq;
    o << YAML::Key << "partnerships" << YAML::Value << YAML::BeginSeq;
    for (std::size_t i = 0; i < c.partnerships.size(); ++i) {
        auto& p = c.partnerships[i];
        w.item = fmt::format("partnerships[{}]", i);
        w.field = "partners";
        o << YAML::BeginMap;
        o << YAML::Key << "partners" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        w.scalar(p.partners[0], true);
        w.scalar(p.partners[1], true);
        o << YAML::EndSeq;
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
    for (std::size_t i = 0; i < c.relations.size(); ++i) {
        auto& r = c.relations[i];
        w.item = fmt::format("relations[{}]", i);
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
    for (std::size_t i = 0; i < c.households.size(); ++i) {
        auto& h = c.households[i];
        w.item = fmt::format("households[{}]", i);
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
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        w.item = fmt::format("events[{}]", i);
        writeEvent(w, c.events[i]);
    }
    o << YAML::EndSeq;
    o << YAML::Key << "recommendations" << YAML::Value << YAML::BeginSeq;
    for (std::size_t i = 0; i < c.recommendations.size(); ++i) {
        w.item = fmt::format("recommendations[{}]", i);
        writeRecommendation(w, c.recommendations[i]);
    }
    o << YAML::EndSeq;
    w.item.clear();
    w.meta(c.meta);
    o << YAML::EndMap;
    if (!o.good()) throw GenochronError(std::string("cannot write the case as YAML: ") + o.GetLastError());
    return std::string(o.c_str()) + "\n";
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
                if (d.severity == Severity::Error) { first = formatDiagnostic(d); break; }
            refuse("the written file would not load again (" + first + ")");
        }
        if (auto diff = caseDifference(c, *res.model)) refuse("the written file would read back differently in " + *diff);
    });
}

}  // namespace genochron
