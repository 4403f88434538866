// Inside the case writer: which scalars may be written plain, and the Writer that drives
// libyaml's emitter one event at a time. Used by case_writer.cpp; the scalar rules are in
// case_scalars.cpp. Not part of the io interface.
//
// The emitter is libyaml's, the library that reads the file again (yaml_doc.cpp): it
// escapes in double quotes every character YAML cannot hold raw (controls, DEL, C1,
// U+2028/2029, U+FEFF, U+FFFE/FFFF) and refuses invalid UTF-8.
//
// [SECTION] scalars: what may be written plain, what must be quoted
// [SECTION] Writer: libyaml's emitter, one event at a time
#pragma once
#include "core/io/case_io.hpp"

#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>
#include <yaml.h>

namespace genochron::case_emitter {

// ---------------------------------------------------------------- [SECTION] scalars
//
// Our reader is libyaml (YAML 1.1); other tools that read case files may be YAML 1.1 or
// 1.2; every one of them must read back the string written. The emitter only knows the
// syntax, not which plain words a reader resolves to booleans, nulls and numbers (yes, off,
// ~, 0x1F, 1e3, 012, 12:30): that is decided in case_scalars.cpp, conservatively.

struct Scan {
    bool invalidUtf8 = false;
    bool control = false;   // a character no YAML reader takes raw (C0 but tab/LF, DEL, C1, BOM, LS, PS, ...)
    bool newline = false, tab = false;
    bool edgeSpace = false;   // leading or trailing space, tab or no-break space
};

// What the string holds that decides how it may be written.
Scan scan(std::string_view s);
// Words and forms some YAML reader (1.1 or 1.2) resolves to something other than a string
// when written plain: null, booleans, integers and floats in any base, sexagesimal numbers,
// timestamps, the merge and value keys.
bool resolvesToNonString(std::string_view s);
// A plain scalar is read back as exactly this string by any YAML reader, as a block
// mapping value (`flow` false) or inside [ ... ] (`flow` true). When in doubt, quote.
bool plainSafe(std::string_view s, const Scan& sc, bool flow);
// A literal block ("|" or "|-") reads back exactly (see case_scalars.cpp for the rules).
bool literalSafe(std::string_view s, const Scan& sc);

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

}  // namespace genochron::case_emitter
