// --person with --anonymise: the user names a person by the id the case file gives them
// ("adam"); the anonymised case only knows its opaque ids ("p3"). Translate the real id
// through AnonymisedCase::idMap(); an id that is already a published one ("p3", from an
// anonymised layout or figure) is accepted as it is. A real id wins when an id is both.
#pragma once
#include "core/anonymise/view_case.hpp"

#include <string>

namespace genochron::cli {

inline std::string publishedPersonId(const std::string& id, const Case& real, const AnonymisedCase& anon) {
    if (id.empty()) return id;
    if (real.person(id)) {
        auto it = anon.idMap().find(id);
        if (it != anon.idMap().end()) return it->second;
    }
    return id;   // a published id, or unknown: the view reports an unknown person as usual
}

}  // namespace genochron::cli
