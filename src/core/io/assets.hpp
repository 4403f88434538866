// The bundled data files (language rules, word lists): where they are.
#pragma once
#include <string>

namespace genochron {

// $GENOCHRON_ASSETS, then the source tree, then the install prefix. The path may not exist:
// a reader of an asset must fail loudly when it cannot read it.
std::string assetPath(const std::string& name);

}  // namespace genochron
