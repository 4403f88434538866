#include "core/anonymise/as_of_view.hpp"

#include "core/anonymise/anonymise_dates.hpp"
#include "core/anonymise/anonymise_terms.hpp"
#include "core/model/as_of.hpp"

namespace genochron {

AnonymisedAsOf anonymiseAsOf(const Case& c, const Date& at) {
    anon::CaseSecrets secrets(c);
    const Publication pub = secrets.publication();
    const Date published = anon::coarsenForPublication(at, pub.datePrecision, secrets.sensitiveCalendarDays());
    AnonymisedCase a = anonymise(c);
    AnonymisedCase out = a;
    out.m_case = caseAsOf(a.data(), published);
    if (pub.hideDeathDate && c.info.scopeFrom && c.info.scopeFrom->known()) {
        const long scopeStart = c.info.scopeFrom->earliestDay();
        for (const Person& real : c.people) {
            if (!real.died || !real.died->known() || real.died->latestDay() >= scopeStart) continue;
            auto it = a.idMap().find(real.id);
            if (it == a.idMap().end()) continue;
            if (Person* q = out.m_case.person(it->second)) q->died = Date{};   // deceased, date not given
        }
    }
    return {std::move(out), published};
}

}  // namespace genochron
