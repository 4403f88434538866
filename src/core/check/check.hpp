// `genochron check`: every finding on a case, in four families beyond validation.
#pragma once
#include "core/io/assets.hpp"
#include "core/io/case_io.hpp"
#include "core/model/diagnostics.hpp"

#include <string>

namespace genochron {

struct CheckOptions {
    bool language = true;      // victim-blaming language (language_check.cpp)
    bool publication = true;   // what could identify someone (publication_check.cpp)
    bool review = true;        // the QA Panel's checklist (review_check.cpp)
    std::string rulesPath;     // language rules; empty = the bundled assets/language_rules.yaml
    long todayDays = 0;        // 0 = system clock
    // The case file's text as it was loaded (LoadResult::source), to place language findings
    // on the exact phrase; null = at the start of each field. Checks never read files.
    const std::string* sourceText = nullptr;
};

// Findings of the three families on a valid case, appended to `d`.
void runChecks(const Case& c, const CheckOptions& opt, Diagnostics& d);

void checkLanguage(const Case& c, const CheckOptions& opt, Diagnostics& d);      // language_check.cpp
void checkPublication(const Case& c, const CheckOptions& opt, Diagnostics& d);   // publication_check.cpp
void checkReview(const Case& c, const CheckOptions& opt, Diagnostics& d);        // review_check.cpp
void checkStages(const Case& c, const CheckOptions& opt, Diagnostics& d);        // stage_check.cpp


}  // namespace genochron
