// What every view, painter and exporter takes: a ViewCase. It is made either from an
// AnonymisedCase (the only way to publish) or, explicitly, with named real data for
// the chair's own working copies. Nothing that paints or writes takes a Case directly,
// so a new view cannot forget to anonymise: it simply has no other way in.
#pragma once
#include "core/model/model.hpp"

namespace genochron {

struct AnonymisedAsOf;   // as_of_view.hpp

// A case with names, aliases, ids, addresses, the date of death, children's sex and
// unpublished events already removed or replaced. Only anonymise() makes one.
class AnonymisedCase {
public:
    const Case& data() const { return m_case; }
    // Real id -> opaque id ("p1", "e1", ...), for tests and the audit; never painted.
    const std::map<std::string, std::string>& idMap() const { return m_idMap; }

private:
    AnonymisedCase() = default;
    friend AnonymisedCase anonymise(const Case& c);
    friend AnonymisedAsOf anonymiseAsOf(const Case& c, const Date& at);   // as_of_view.hpp
    Case m_case;
    std::map<std::string, std::string> m_idMap;
};

// The one pure function that makes a publishable case (anonymise.cpp), using the
// case's own `publication` settings (defaults when absent).
AnonymisedCase anonymise(const Case& c);

class ViewCase {
public:
    // Implicit: an anonymised case can go anywhere a view takes.
    ViewCase(const AnonymisedCase& a) : m_case(&a.data()), m_anonymised(true) {}   // NOLINT
    // Real names: for the chair's working figures, never for publication.
    static ViewCase named(const Case& c) { return ViewCase(&c, false); }

    const Case& data() const { return *m_case; }
    bool anonymised() const { return m_anonymised; }

private:
    ViewCase(const Case* c, bool anon) : m_case(c), m_anonymised(anon) {}
    const Case* m_case;
    bool m_anonymised;
};

}  // namespace genochron
