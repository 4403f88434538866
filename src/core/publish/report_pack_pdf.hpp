// The report pack's PDF after Cairo has painted it (libqpdf): the annexes' pages placed into
// their boxes as form XObjects (vectors and text intact, not images), the document's language,
// its title shown by viewers, and the alternative text of each figure on its Figure element
// (Cairo 1.16 writes the structure tree but no /Alt).
#pragma once
#include "core/publish/report_pack.hpp"

#include <string>

namespace genochron {

// Reads an annex: the size of each page as it is shown (its /Rotate applied), and, when the
// annex has no title given, its own /Title. Throws GenochronError naming the file when it
// cannot be read as a PDF, needs a password, or has no pages.
void readAnnex(PackAnnex& annex);

// Finishes the painted pack. Throws GenochronError when an annex cannot be read back.
std::string finishPackPdf(const std::string& cairoPdf, const Pack& pack, const std::vector<PackAnnex>& annexes);

}  // namespace genochron
