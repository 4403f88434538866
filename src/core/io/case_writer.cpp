// Writing a case file: canonical key order (the contract's), unknown keys kept after
// the known ones, every event id written so generated ids stay stable.
//
// [SECTION] scalars: what may be written plain, what must be quoted
// [SECTION] Writer: libyaml's emitter, one event at a time
// [SECTION] one function per block of the format
// [SECTION] saving, with the read-back check
//
// The emitter is libyaml's, the library that reads the file again (yaml_doc.cpp): it
// escapes in double quotes every character YAML cannot hold raw (controls, DEL, C1,
// U+2028/2029, U+FEFF, U+FFFE/FFFF) and refuses invalid UTF-8. yaml-cpp's emitter, used
// before, left DEL, U+2028 and U+2029 raw and replaced non-characters with U+FFFD.
#include "core/io/atomic_file.hpp"
#include "core/io/case_io.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <yaml.h>

namespace genochron {

namespace {

// ---------------------------------------------------------------- [SECTION] scalars
//
// Our reader is libyaml (YAML 1.1); other tools that read case files may be YAML 1.1 or
// 1.2; every one of them must read back the string written. The emitter only knows the
// syntax, not which plain words a reader resolves to booleans, nulls and numbers (yes, off,
// ~, 0x1F, 1e3, 012, 12:30): that is decided here, conservatively.

struct Scan {
    bool invalidUtf8 = false;
    bool control = false;   // a character no YAML reader takes raw (C0 but tab/LF, DEL, C1, BOM, LS, PS, ...)
    bool newline = false, tab = false;
    bool edgeSpace = false;   // leading or trailing space, tab or no-break space
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
        else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 ||
                 cp == 0xFFFE || cp == 0xFFFF)
            r.control = true;
        i += n;
    }
    auto nbspAt = [&](std::size_t at) { return s.compare(at, 2, "\xC2\xA0") == 0; };
    r.edgeSpace = !s.empty() && (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t' ||
                                 nbspAt(0) || (s.size() >= 2 && nbspAt(s.size() - 2)));
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

// A plain scalar is read back as exactly this string by any YAML reader, as a block
// mapping value (`flow` false) or inside [ ... ] (`flow` true). When in doubt, quote.
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

// A literal block ("|" or "|-") reads back exactly: several lines, only LF line breaks, no
// tab or odd character, no space or empty line at the start (the indentation is taken
// from the first line), at most one final newline, no trailing spaces on a line (libyaml
// would fall back to quotes anyway).
bool literalSafe(std::string_view s, const Scan& sc) {
    if (!sc.newline || sc.control || sc.tab || sc.invalidUtf8) return false;
    if (s.front() == ' ' || s.front() == '\n') return false;
    if (s.size() >= 2 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n') return false;
    if (s.find(" \n") != std::string_view::npos || s.back() == ' ') return false;
    return true;
}

// ---------------------------------------------------------------- [SECTION] Writer

class Writer {
public:
    std::string item;    // the item being written, for errors ("events[3]")
    std::string field;   // ... and its key
    const Meta* current = nullptr;   // the item's meta: values kept unread are written instead of typed ones

    // A value kept as it was read (a bad date, ...) for `k`: written, unchanged. True if so.
    bool unread(const char* k) {
        if (!current) return false;
        auto it = current->unread.find(k);
        if (it == current->unread.end()) return false;
        key(k);
        node(it->second.value);
        return true;
    }

    Writer() {
        if (!yaml_emitter_initialize(&m_em)) throw GenochronError("cannot start the YAML writer (out of memory?)");
        yaml_emitter_set_output(&m_em, &Writer::sink, &m_out);
        yaml_emitter_set_unicode(&m_em, 1);   // write é as é, escape only what must be
        yaml_emitter_set_indent(&m_em, 2);
        yaml_emitter_set_width(&m_em, -1);    // never fold long lines
        yaml_emitter_set_break(&m_em, YAML_LN_BREAK);
        yaml_event_t ev;
        yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
        emit(ev);
        yaml_document_start_event_initialize(&ev, nullptr, nullptr, nullptr, 1);
        emit(ev);
    }
    ~Writer() { yaml_emitter_delete(&m_em); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    std::string finish() {
        yaml_event_t ev;
        yaml_document_end_event_initialize(&ev, 1);
        emit(ev);
        yaml_stream_end_event_initialize(&ev);
        emit(ev);
        yaml_emitter_flush(&m_em);
        return std::move(m_out);
    }

    void beginMap(bool flow = false) {
        yaml_event_t ev;
        yaml_mapping_start_event_initialize(&ev, nullptr, nullptr, 1,
                                            flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
        emit(ev);
        m_flow.push_back(flow || inFlow());
    }
    void endMap() {
        yaml_event_t ev;
        yaml_mapping_end_event_initialize(&ev);
        emit(ev);
        m_flow.pop_back();
    }
    void beginSeq(bool flow = false) {
        yaml_event_t ev;
        yaml_sequence_start_event_initialize(&ev, nullptr, nullptr, 1,
                                             flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
        emit(ev);
        m_flow.push_back(flow || inFlow());
    }
    void endSeq() {
        yaml_event_t ev;
        yaml_sequence_end_event_initialize(&ev);
        emit(ev);
        m_flow.pop_back();
    }

    // Free text, an id, a key: plain where that is safe, else quoted with escapes.
    // `allowLiteral`: multi-line text may be a literal block. `forceQuotes`: always quoted.
    void text(std::string_view v, bool allowLiteral = false, bool forceQuotes = false) {
        Scan sc = scan(v);
        if (sc.invalidUtf8)
            throw GenochronError(fmt::format("cannot save: {} holds text that is not valid UTF-8; nothing was written",
                                             where()));
        yaml_scalar_style_t style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
        if (allowLiteral && !inFlow() && literalSafe(v, sc)) style = YAML_LITERAL_SCALAR_STYLE;
        else if (!forceQuotes && plainSafe(v, sc, inFlow())) style = YAML_PLAIN_SCALAR_STYLE;
        raw(v, style, style == YAML_PLAIN_SCALAR_STYLE);
    }
    // A token we made (a date, an enum name, a number, true/false): always plain.
    void token(std::string_view v) { raw(v, YAML_PLAIN_SCALAR_STYLE, true); }

    void key(std::string_view k) {
        field = std::string(k);
        text(k);
    }

    // Whether libyaml's emitter would write `s` plain here (its analysis of indicators). Where
    // it would not, it picks single quotes itself, and the next save (reading a quoted value,
    // written double-quoted) would differ: such values are double-quoted at once.
    static bool emitterWritesPlain(std::string_view s, bool flow) {
        if (s.starts_with("---") || s.starts_with("...")) return false;
        auto spaceAt = [&](std::size_t i) { return i >= s.size() || s[i] == ' ' || s[i] == '\t'; };
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char ch = s[i];
            const bool followedBySpace = spaceAt(i + 1);
            if (i == 0) {
                if (std::string_view("#,[]{}&*!|>'\"%@`").find(ch) != std::string_view::npos) return false;
                if ((ch == '?' || ch == ':') && (flow || followedBySpace)) return false;
                if (ch == '-' && followedBySpace) return false;
            } else {
                if (std::string_view(",?[]{}").find(ch) != std::string_view::npos && flow) return false;
                if (ch == ':' && (flow || followedBySpace)) return false;
                if (ch == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t')) return false;
            }
        }
        return true;
    }

    // A node from our own tree (unknown keys, values kept as they were read).
    void node(const yaml::Node& n) {
        switch (n.type()) {
        case yaml::Node::Type::Null: token("~"); return;
        case yaml::Node::Type::Scalar: {
            // Plain in the file: plain again (the emitter quotes it if it cannot be), so a
            // number or boolean another tool wrote stays one. Quoted: quoted.
            const std::string& s = n.Scalar();
            if (!n.quoted()) {
                Scan sc = scan(s);
                if (sc.invalidUtf8) throw GenochronError(fmt::format("cannot save: {} is not valid UTF-8", where()));
                if (!sc.control && !sc.newline && !sc.edgeSpace && !s.empty() && !resolvesToNullWord(s) &&
                    emitterWritesPlain(s, inFlow())) {
                    raw(s, YAML_PLAIN_SCALAR_STYLE, true);
                    return;
                }
            }
            text(s, false, true);
            return;
        }
        case yaml::Node::Type::Sequence:
            beginSeq(n.items().empty());
            for (auto& i : n.items()) node(i);
            endSeq();
            return;
        case yaml::Node::Type::Map:
            beginMap(n.entries().empty());
            for (auto& [k, v] : n.entries()) {
                node(k);
                node(v);
            }
            endMap();
            return;
        }
    }

    // key: value pairs of the format.
    void str(const char* k, const std::string& v, bool always = false) {
        if (unread(k) || (v.empty() && !always)) return;
        key(k);
        text(v, true);
    }
    void quoted(const char* k, const std::string& v) {
        if (unread(k) || v.empty()) return;
        key(k);
        text(v, false, true);
    }
    void date(const char* k, const std::optional<Date>& d) {
        if (unread(k) || !d) return;
        key(k);
        dateValue(*d);
    }
    void dateValue(const Date& d) {
        // Canonical forms; ">2019" starts with an indicator and is quoted by the emitter.
        raw(d.toString(), YAML_PLAIN_SCALAR_STYLE, true);
    }
    void list(const char* k, const std::vector<std::string>& v) {
        if (unread(k) || v.empty()) return;
        key(k);
        beginSeq(true);
        for (auto& s : v) text(s);
        endSeq();
    }
    template <class E> void enums(const char* k, const std::vector<E>& v) {
        if (unread(k) || v.empty()) return;
        key(k);
        beginSeq(true);
        for (auto e : v) token(toString(e));
        endSeq();
    }
    template <class E> void enumeration(const char* k, E e) {
        if (unread(k)) return;
        key(k);
        token(toString(e));
    }
    void boolean(const char* k, bool v) {
        if (unread(k)) return;
        key(k);
        token(v ? "true" : "false");
    }
    // A mapping of text values (import_map, extras), in order.
    void textMap(const char* k, const std::vector<std::pair<std::string, std::string>>& m) {
        if (unread(k) || m.empty()) return;
        key(k);
        beginMap();
        for (auto& [mk, mv] : m) {
            key(mk);
            text(mv);
        }
        endMap();
    }
    void integer(const char* k, long v) {
        if (unread(k)) return;
        key(k);
        token(std::to_string(v));
    }

    void meta(const Meta& m) {
        if (unread("lint_ignore")) {
        } else if (!m.lintIgnore.empty()) {
            key("lint_ignore");
            beginSeq();
            for (auto& li : m.lintIgnore) {
                beginMap(true);
                key("rule");
                text(li.rule);
                key("reason");
                text(li.reason);
                for (auto& [xk, xv] : li.extras) {
                    key(xk);
                    node(xv);
                }
                endMap();
            }
            endSeq();
        }
        for (auto& [k, v] : m.extras) {
            key(k);
            node(v);
        }
        for (auto& e : m.unreadEntries) {   // duplicate keys, keys that are not names: as they were
            node(e.key);
            node(e.value);
        }
    }

private:
    yaml_emitter_t m_em{};
    std::string m_out;
    std::vector<bool> m_flow;

    static int sink(void* data, unsigned char* buffer, size_t size) {
        static_cast<std::string*>(data)->append(reinterpret_cast<const char*>(buffer), size);
        return 1;
    }
    static bool resolvesToNullWord(std::string_view s) {
        return s == "~" || s == "null" || s == "Null" || s == "NULL";
    }
    bool inFlow() const { return !m_flow.empty() && m_flow.back(); }
    std::string where() const {
        if (item.empty()) return field.empty() ? std::string("a value") : field;
        return field.empty() ? item : item + "." + field;
    }
    void raw(std::string_view v, yaml_scalar_style_t style, bool plainImplicit) {
        yaml_event_t ev;
        if (!yaml_scalar_event_initialize(&ev, nullptr, nullptr,
                                          reinterpret_cast<yaml_char_t*>(const_cast<char*>(v.data())), int(v.size()),
                                          plainImplicit, 1, style))
            throw GenochronError(fmt::format("cannot save: {} cannot be written as YAML; nothing was written", where()));
        emit(ev);
    }
    void emit(yaml_event_t& ev) {
        if (!yaml_emitter_emit(&m_em, &ev))
            throw GenochronError(fmt::format("cannot write the case as YAML at {}: {}", where(),
                                             m_em.problem ? m_em.problem : "unknown problem"));
    }
};

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
