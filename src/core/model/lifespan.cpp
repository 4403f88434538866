#include "core/model/lifespan.hpp"

namespace genochron {

Date ageReferenceDate(const Case& c, long today) {
    if (c.info.referenceDate && c.info.referenceDate->known()) return *c.info.referenceDate;
    return Date::fromDays(today ? today : todayDays());
}

bool presumedDead(const Person& p, const Date& at) {
    if (p.died || !p.born || !p.born->known() || p.isPregnancyNode()) return false;
    auto age = p.born->ageAt(at);
    return age && *age >= kPresumedDeadYears;
}

}  // namespace genochron
