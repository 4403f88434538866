#include "core/import/chronology_cells.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <set>

namespace genochron::chron {

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& ch : r) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return r;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}



// Export guards formula-looking cells with a leading apostrophe; take it off again.
std::string cellText(const TableRow& r, std::size_t col) {
    if (col >= r.cells.size()) return {};
    std::string_view s = trim(r.cells[col]);
    if (s.size() > 1 && s[0] == '\'' && std::string_view("=+-@\t\r'").find(s[1]) != std::string_view::npos &&
        (s[1] != '\'' || (s.size() > 2 && std::string_view("=+-@\t\r").find(s[2]) != std::string_view::npos)))
        s.remove_prefix(1);
    return std::string(s);
}

bool isBlank(const TableRow& r) {
    return std::all_of(r.cells.begin(), r.cells.end(), [](const std::string& c) { return trim(c).empty(); });
}

// "HH:MM" from the ways people type a time: 21:35, 9:05, 2135, 21.35, 21:35:00, 9:05 pm.
std::optional<std::string> normaliseTime(std::string_view text) {
    std::string s = lower(trim(text));
    int add = 0;
    for (std::string_view suf : {"am", "pm", "a.m.", "p.m."}) {
        if (s.size() > suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0) {
            add = suf[0] == 'p' ? 12 : -1;
            s = std::string(trim(s.substr(0, s.size() - suf.size())));
            break;
        }
    }
    std::string digits;
    int seps = 0;
    for (char ch : s) {
        if (std::isdigit(static_cast<unsigned char>(ch))) digits.push_back(ch);
        else if (ch == ':' || ch == '.') ++seps;
        else return std::nullopt;
    }
    int h = 0, m = 0;
    if (seps == 0 && digits.size() == 4) { h = std::stoi(digits.substr(0, 2)); m = std::stoi(digits.substr(2)); }
    else if (seps == 0 && add != 0 && digits.size() <= 2 && !digits.empty()) h = std::stoi(digits);
    else if (seps >= 1) {
        auto c = s.find_first_of(":.");
        std::string hs = s.substr(0, c), rest = s.substr(c + 1);
        std::string ms = rest.substr(0, rest.find_first_of(":."));
        if (hs.empty() || hs.size() > 2 || ms.size() != 2) return std::nullopt;
        h = std::stoi(hs);
        m = std::stoi(ms);
    } else return std::nullopt;
    if (add == 12 && h < 12) h += 12;
    if (add == -1 && h == 12) h = 0;
    if (add != 0 && (h > 23 || (add == 12 && h < 12))) return std::nullopt;
    if (h > 23 || m > 59) return std::nullopt;
    return fmt::format("{:02}:{:02}", h, m);
}

// Excel writes date cells as "03/05/2019 21:35" (or " 00:00" for no time): split that off.
std::pair<std::string, std::string> splitDateTime(const std::string& cell) {
    auto sp = cell.find_last_of(' ');
    if (sp == std::string::npos) return {cell, ""};
    std::string tail = cell.substr(sp + 1);
    if (tail.find(':') == std::string::npos || !normaliseTime(tail)) return {cell, ""};
    std::string head(trim(std::string_view(cell).substr(0, sp)));
    std::string t = *normaliseTime(tail);
    return {head, t == "00:00" ? "" : t};
}

std::vector<std::string> splitList(const std::string& cell, std::string_view seps, bool splitAnd) {
    std::string s = cell;
    if (splitAnd) {   // "Nicole and Adam"
        std::string l = lower(s);
        for (std::size_t at; (at = l.find(" and ")) != std::string::npos;) {
            s.replace(at, 5, ";");
            l.replace(at, 5, ";");
        }
    }
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || seps.find(s[i]) != std::string_view::npos) {
            std::string_view part = trim(std::string_view(s).substr(start, i - start));
            if (!part.empty()) out.emplace_back(part);
            start = i + 1;
        }
    }
    return out;
}

std::optional<bool> yesNo(const std::string& s) {
    std::string l = lower(trim(s));
    if (l == "yes" || l == "y" || l == "true" || l == "1" || l == "x") return true;
    if (l == "no" || l == "n" || l == "false" || l == "0" || l == "-") return false;
    return std::nullopt;
}

// The kind of source, from words in the "source" cell (Chronolator's free-text source).
Source sourceFromText(const std::string& text) {
    std::string l = lower(text);
    static const std::pair<std::string_view, Source> kWords[] = {
        {"family", Source::Family}, {"friend", Source::Friend}, {"friends", Source::Friend},
        {"victim", Source::Victim}, {"perpetrator", Source::Perpetrator}, {"colleague", Source::Colleague},
        {"colleagues", Source::Colleague}};
    std::size_t best = std::string::npos;
    Source kind = Source::AgencyRecord;
    for (auto& [w, k] : kWords) {
        for (std::size_t at = l.find(w); at != std::string::npos; at = l.find(w, at + 1)) {
            bool startOk = at == 0 || !std::isalpha(static_cast<unsigned char>(l[at - 1]));
            std::size_t e = at + w.size();
            bool endOk = e >= l.size() || !std::isalpha(static_cast<unsigned char>(l[e])) ||
                         (l[e] == 's' && (e + 1 >= l.size() || !std::isalpha(static_cast<unsigned char>(l[e + 1]))));
            if (startOk && endOk && at < best) {
                best = at;
                kind = k;
            }
            if (startOk && endOk) break;
        }
    }
    return kind;
}

std::string normTag(const std::string& t) {
    std::string r;
    for (char ch : lower(t)) {
        char c = (ch == ' ' || ch == '-') ? '_' : ch;
        if (c == '_' && (r.empty() || r.back() == '_')) continue;
        r.push_back(c);
    }
    while (!r.empty() && r.back() == '_') r.pop_back();
    return r;
}

// Lower-case words for the duplicate key: case, spacing and punctuation do not make a new event.
std::string normText(std::string_view s) {
    std::string r;
    bool gap = false;
    for (unsigned char ch : s) {
        if (std::isalnum(ch) || ch >= 0x80) {
            if (gap && !r.empty()) r.push_back(' ');
            r.push_back(char(std::tolower(ch)));
            gap = false;
        } else {
            gap = true;
        }
    }
    return r;
}

PeopleIndex::PeopleIndex(const Case& c) : m_case(c) {
    for (auto& p : c.people) {
        std::set<std::string> keys{lower(p.id), lower(p.name), lower(p.pseudonym)};
        for (auto& a : p.aliases) keys.insert(lower(a));
        for (auto& k : keys)
            if (!k.empty()) {
                m_byKey[k].push_back(p.id);
                m_keys.push_back(k);
            }
    }
}

std::pair<std::string, std::string> PeopleIndex::find(const std::string& who) const {
    if (m_case.person(who)) return {who, ""};
    auto it = m_byKey.find(lower(who));
    if (it == m_byKey.end()) {
        std::vector<std::string_view> cands(m_keys.begin(), m_keys.end());
        auto n = nearest(lower(who), cands);
        return {"", fmt::format("unknown person '{}'{}; use an id, name, alias or pseudonym from the case", who,
                                n ? fmt::format(" (did you mean '{}'?)", *n) : "")};
    }
    if (it->second.size() > 1) {
        std::string ids;
        for (auto& id : it->second) ids += (ids.empty() ? "" : ", ") + id;
        return {"", fmt::format("'{}' could be any of {}; use the person's id", who, ids)};
    }
    return {it->second.front(), ""};
}

}  // namespace genochron::chron
