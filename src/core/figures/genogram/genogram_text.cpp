#include "core/figures/genogram/genogram_text.hpp"

#include "core/figures/views.hpp"
#include "core/model/lifespan.hpp"

namespace genochron::genogram {

std::string yearText(const std::optional<Date>& d) {
    if (!d || !d->known()) return {};
    return (d->approximate() || d->kind() != Date::Kind::Point ? "c." : "") + std::to_string(d->first().year);
}

Date ageDate(const Case& c, long today) { return ageReferenceDate(c, today); }

bool presumedDead(const Person& p, const Case& c, long today) { return genochron::presumedDead(p, ageDate(c, today)); }

std::string drawnAge(const Person& p, const Case& c, long today) {
    if (!p.born || !p.born->known() || p.isPregnancyNode()) return {};
    std::optional<int> age;
    if (p.died) {
        if (p.died->known()) age = p.born->ageAt(*p.died);
    } else if (!presumedDead(p, c, today)) {
        age = p.born->ageAt(ageDate(c, today));
    }
    if (!age || *age < 0) return {};
    return std::to_string(*age);
}

}  // namespace genochron::genogram
