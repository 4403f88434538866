// Inside the case reader: typed access to the YAML nodes of a case file, each problem
// reported where it is (line and column), values that do not read kept as written so a save
// puts them back. Used by case_reader.cpp; not part of the io interface.
#pragma once
#include "core/io/case_io.hpp"
#include "core/io/yaml_doc.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace genochron::case_reading {

inline SourceLoc locOf(const yaml::Node& n) {
    auto m = n.Mark();
    if (m.is_null()) return {};
    return {m.line + 1, m.column + 1};
}

class Reader {
public:
    explicit Reader(Diagnostics& d) : m_d(d) {}

    Diagnostics& diags() { return m_d; }

    void error(const yaml::Node& at, std::string code, std::string msg, std::string id = {}) {
        m_d.error(std::move(code), locOf(at), std::move(msg), std::move(id));
    }

    // Walks a mapping: known keys go to `handle`, unknown keys are kept in meta.extras
    // and warned about, with the nearest known key as a suggestion.
    template <class F>
    bool mapping(const yaml::Node& n, const std::string& where, const std::vector<std::string_view>& known,
                 Meta& meta, F&& handle) {
        const std::size_t start = mark();
        if (!n.IsMap()) {
            error(n, "wrong-type", fmt::format("{} should be a mapping of keys (key: value)", where));
            if (capturing()) meta.unreadItem = Unread{n, takeErrors(start)};
            return false;
        }
        meta.loc = locOf(n);
        std::set<std::string> seen;
        for (auto it = n.begin(); it != n.end(); ++it) {
            const yaml::Node& k = it->first;
            const yaml::Node& v = it->second;
            const std::size_t before = mark();
            auto keepEntry = [&] {
                if (capturing()) meta.unreadEntries.push_back({k, v, takeErrors(before)});
            };
            if (!k.IsScalar()) {
                error(k, "wrong-type", fmt::format("a key in {} is not a plain name", where));
                keepEntry();
                continue;
            }
            std::string key = k.Scalar();
            if (key == "<<" && !k.quoted()) {
                // YAML 1.1's merge key: this reader does not merge, so the keys would be
                // silently missing. Kept (and written back) as it is.
                error(k, "merge-key",
                      fmt::format("'<<:' in {} merges keys from another mapping, which genochron does not do; "
                                  "write the keys out in full here",
                                  where));
                keepEntry();
                continue;
            }
            if (!seen.insert(key).second) {
                error(k, "duplicate-key", fmt::format("'{}' appears twice in {}; keep one", key, where));
                keepEntry();
                continue;
            }
            meta.keyLocs[key] = v.IsNull() ? locOf(k) : locOf(v);
            if (key == "lint_ignore") {
                lintIgnore(v, where + ".lint_ignore", meta);
                if (capturing())
                    if (auto errs = takeErrors(before); !errs.empty()) meta.unread[key] = Unread{v, std::move(errs)};
                continue;
            }
            bool isKnown = std::find(known.begin(), known.end(), key) != known.end();
            if (!isKnown) {
                auto near = nearest(key, known);
                auto& d = m_d.warning(Category::Validation, "unknown-key", locOf(k),
                                      fmt::format("unknown key '{}' in {} (kept as it is){}", key, where,
                                                  near ? fmt::format("; did you mean '{}'?", *near) : ""));
                (void)d;
                meta.extras.emplace_back(key, v);
                continue;
            }
            handle(key, v);
            // An error about this value (not about an item inside it, which keeps its own):
            // the value is kept as it was read, and written back, instead of a default.
            if (capturing())
                if (auto errs = takeErrors(before); !errs.empty()) meta.unread[key] = Unread{v, std::move(errs)};
        }
        return true;
    }

    // Errors raised since `mark()` move from the diagnostics into the model (Meta::unread),
    // where validation reports them for as long as the value stays unread. Errors of
    // finished list items are never taken by the key holding the list.
    std::size_t mark() const { return m_d.items().size(); }
    bool capturing() const { return m_noCapture == 0; }
    std::vector<UnreadError> takeErrors(std::size_t from) {
        from = std::max(from, m_protected);
        std::vector<UnreadError> out;
        auto& items = m_d.items();
        std::vector<Diagnostic> keep;
        for (std::size_t i = from; i < items.size(); ++i) {
            if (items[i].severity == Severity::Error)
                out.push_back({items[i].code, items[i].message, SourceLoc{items[i].line, items[i].column}});
            else keep.push_back(std::move(items[i]));
        }
        items.resize(from);
        items.insert(items.end(), keep.begin(), keep.end());
        return out;
    }

    std::optional<std::string> str(const yaml::Node& v, const std::string& where, bool required = false) {
        if (v.IsNull()) {
            if (required) error(v, "missing", fmt::format("{} is empty; it needs a value", where));
            return std::nullopt;
        }
        if (!v.IsScalar()) {
            error(v, "wrong-type", fmt::format("{} should be a single value, not a {}", where,
                                               v.IsSequence() ? "list" : "mapping"));
            return std::nullopt;
        }
        return v.Scalar();
    }

    std::string text(const yaml::Node& v, const std::string& where) { return str(v, where).value_or(""); }

    // A mapping of plain values ({Header: text, ...}), in file order.
    std::vector<std::pair<std::string, std::string>> textMap(const yaml::Node& v, const std::string& where) {
        std::vector<std::pair<std::string, std::string>> r;
        if (v.IsNull()) return r;
        if (!v.IsMap()) {
            error(v, "wrong-type", fmt::format("{} should be a mapping (key: value)", where));
            return r;
        }
        for (auto& [k, val] : v.entries()) {
            if (!k.IsScalar()) {
                error(k, "wrong-type", fmt::format("a key in {} is not a plain value", where));
                continue;
            }
            if (auto s = str(val, where + "." + k.Scalar())) r.emplace_back(k.Scalar(), *s);
            else if (val.IsNull()) r.emplace_back(k.Scalar(), "");
        }
        return r;
    }

    std::vector<std::string> strList(const yaml::Node& v, const std::string& where) {
        std::vector<std::string> r;
        if (v.IsNull()) return r;
        if (v.IsScalar()) {   // a lone value where a list is expected: accept it as a list of one
            r.push_back(v.Scalar());
            return r;
        }
        if (!v.IsSequence()) {
            error(v, "wrong-type", fmt::format("{} should be a list, e.g. [a, b]", where));
            return r;
        }
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (auto s = str(v[i], fmt::format("{}[{}]", where, i))) r.push_back(*s);
        }
        return r;
    }

    std::optional<bool> boolean(const yaml::Node& v, const std::string& where) {
        auto s = str(v, where);
        if (!s) return std::nullopt;
        static const std::set<std::string> yes = {"true", "True", "TRUE", "yes", "Yes", "YES", "on"};
        static const std::set<std::string> no = {"false", "False", "FALSE", "no", "No", "NO", "off"};
        if (yes.count(*s)) return true;
        if (no.count(*s)) return false;
        error(v, "wrong-type", fmt::format("{} should be true or false, not '{}'", where, *s));
        return std::nullopt;
    }

    std::optional<int> integer(const yaml::Node& v, const std::string& where, int lo, int hi) {
        auto s = str(v, where);
        if (!s) return std::nullopt;
        try {
            std::size_t used = 0;
            int x = std::stoi(*s, &used);
            if (used == s->size() && x >= lo && x <= hi) return x;
        } catch (...) {
        }
        error(v, "wrong-type", fmt::format("{} should be a whole number from {} to {}, not '{}'", where, lo, hi, *s));
        return std::nullopt;
    }

    std::optional<Date> date(const yaml::Node& v, const std::string& where) {
        auto s = str(v, where);
        if (!s) return std::nullopt;
        auto r = parseDate(*s);
        if (!r.date) {
            error(v, "bad-date", fmt::format("{}: {}", where, r.error));
            return std::nullopt;
        }
        return r.date;
    }

    template <class E> std::optional<E> enumeration(const yaml::Node& v, const std::string& where) {
        auto s = str(v, where);
        if (!s) return std::nullopt;
        if (auto e = enumFromString<E>(*s)) return e;
        auto names = enumNames<E>();
        auto near = nearest(*s, names);
        std::string all;
        for (auto n : names) all += (all.empty() ? "" : ", ") + std::string(n);
        error(v, "unknown-value",
              fmt::format("{}: '{}' is not one of {}{}", where, *s, all,
                          near ? fmt::format("; did you mean '{}'?", *near) : ""));
        return std::nullopt;
    }

    template <class E> std::vector<E> enumList(const yaml::Node& v, const std::string& where) {
        std::vector<E> r;
        if (v.IsScalar()) {
            if (auto e = enumeration<E>(v, where)) r.push_back(*e);
            return r;
        }
        if (v.IsNull()) return r;
        if (!v.IsSequence()) {
            error(v, "wrong-type", fmt::format("{} should be a list", where));
            return r;
        }
        for (std::size_t i = 0; i < v.size(); ++i)
            if (auto e = enumeration<E>(v[i], fmt::format("{}[{}]", where, i))) r.push_back(*e);
        return r;
    }

    // Items of a list, each with its "where" path.
    template <class F> void list(const yaml::Node& v, const std::string& where, F&& each) {
        if (v.IsNull()) return;
        if (!v.IsSequence()) {
            error(v, "wrong-type", fmt::format("{} should be a list of items, each starting with '- '", where));
            return;
        }
        for (std::size_t i = 0; i < v.size(); ++i) {
            each(v[i], fmt::format("{}[{}]", where, i));
            m_protected = mark();   // the item's own errors are its own
        }
    }

    // Any error in it keeps the whole lint_ignore list as it was read (Meta::unread).
    void lintIgnore(const yaml::Node& v, const std::string& where, Meta& meta) {
        if (v.IsNull()) return;
        if (!v.IsSequence()) {
            error(v, "wrong-type", fmt::format("{} should be a list of items, each starting with '- '", where));
            return;
        }
        ++m_noCapture;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const yaml::Node& item = v[i];
            std::string w = fmt::format("{}[{}]", where, i);
            LintIgnore li;
            Meta scratch;
            mapping(item, w, {"rule", "reason"}, scratch, [&](const std::string& k, const yaml::Node& x) {
                if (k == "rule") li.rule = text(x, w + ".rule");
                if (k == "reason") li.reason = text(x, w + ".reason");
            });
            li.extras = scratch.extras;
            if (!item.IsMap()) continue;
            if (li.rule.empty()) error(item, "missing", fmt::format("{} needs 'rule:' (the rule id to suppress)", w));
            else if (li.reason.empty())
                error(item, "missing", fmt::format("{} needs 'reason:' (why '{}' does not apply here)", w, li.rule));
            else meta.lintIgnore.push_back(li);
        }
        --m_noCapture;
    }

    void require(const Meta& meta, const yaml::Node& n, const std::string& where, std::string_view key,
                 std::string id = {}) {
        if (!meta.keyLocs.count(std::string(key)))
            error(n, "missing", fmt::format("{} has no '{}:'; it is required", where, key), std::move(id));
    }

private:
    Diagnostics& m_d;
    std::size_t m_protected = 0;   // errors before this index belong to finished list items
    int m_noCapture = 0;           // inside lint_ignore: its key keeps everything
};


}  // namespace genochron::case_reading
