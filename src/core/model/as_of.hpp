// The case as it was on a date: a pure transformation, fed to the unchanged figures
// (`render --view genogram --as-of DATE`, `layout --as-of DATE`, the app's time slider).
//
// What it keeps, for an as-of date D (any date form; "by D" means by D's last day):
//   people       born by D (a person with no birth date is kept: nothing says they were not)
//   deaths       a death is kept only if it was certainly by D; later ones are removed, so the
//                person is drawn living. A death with no date counts from the case's reference
//                date (drawn living before it), or from when a partnership of theirs was widowed,
//                or at every date when the case has no reference date.
//   partnerships those whose first status had begun by D, in the status they had then (from
//                `history`): the latest status certainly begun by D. A later status with no
//                `from` begins where the one before it ended (`to`), else is not known to have
//                begun. The partnership's `to` is kept only if it was certainly before D.
//   households   begun by D and not certainly ended before D, with the members born by then.
//   relations    begun by D (undated ones always); `to_date` kept only if before D.
//   events       dated certainly by D (undated ones are left out); recommendations are left out.
// Uncertain dates are read conservatively: something is there only once its start is certain
// (a birth in "2019" counts from 31 December 2019, one in "~2019-05" from the end of May), and
// stays until its end is certain. The reference date becomes D, so ages are ages at D.
#pragma once
#include "core/model/model.hpp"

#include <string>

namespace genochron {

Case caseAsOf(const Case& c, const Date& at);

// "as of 3 May 2019", for titles.
std::string asOfLabel(const Date& at);

}  // namespace genochron
