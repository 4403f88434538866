// Reference and consistency checks on a loaded case.
#pragma once
#include "core/model/diagnostics.hpp"
#include "core/model/model.hpp"

namespace genochron {

// Errors (category validation): duplicate or malformed ids, references to unknown
// people/agencies/events, more than two parents, a person their own ancestor,
// a partnership with oneself. Warnings (category consistency): dates that cannot
// both be true, events outside the scope, a missed opportunity with no analysis.
void validateCase(const Case& c, Diagnostics& d);

}  // namespace genochron
