// Writing the report pack, the one way the command line and the benchmark do it: build the
// pages, audit what they draw (anonymised), paint and tag the PDF, append the annexes, audit
// the finished file, check its size, write it atomically. Nothing is written on any refusal.
#pragma once
#include "core/publish/report_pack.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace genochron {

struct PackWriteOptions {
    PackOptions pack;
    bool anonymise = false;
    bool strict = false;                 // a pack over the size limit is refused, not only warned about
    std::size_t limitBytes = 20u << 20;  // the Home Office asks for a PDF under 20 MB
};

struct PackReport {
    int pages = 0;
    std::size_t bytes = 0;
    std::vector<PackSection> sections;
    bool anonymised = false;             // the pack's document is anonymised (so it was audited)
    std::vector<std::string> warnings;   // "the pack is 21.3 MB; ..."; a section that could not be drawn
};

// Builds and paints the pack of `realCase` (anonymised first when asked) and writes it to `path`.
// Throws GenochronError naming the path, with nothing written, when the pack would name anyone
// (anonymised), when an annex cannot be read, or when --strict and it is over the size limit.
PackReport writeReportPack(const Case& realCase, const PackWriteOptions& opt, const std::string& path);

// The same without writing: the finished PDF's bytes (for tests and the benchmark).
std::string renderReportPack(const Case& realCase, const PackWriteOptions& opt, PackReport& report,
                             const std::string& displayName = {});

}  // namespace genochron
