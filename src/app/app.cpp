// Placeholder until the desktop app lands.
#include "app/app.hpp"

#include <iostream>

namespace genochron::app {

int runApp(const AppOptions&) {
    std::cerr << "genochron: the desktop app is not built yet in this version; use a subcommand (see --help)\n";
    return 2;
}

}  // namespace genochron::app
