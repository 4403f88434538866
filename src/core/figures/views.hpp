// The figures genochron draws, each built as a Document of scenes from a ViewCase.
#pragma once
#include "core/figures/actions/actions_view.hpp"
#include "core/figures/chronology/chronology_view.hpp"
#include "core/figures/genogram/genogram_view.hpp"
#include "core/figures/knowledge/knowledge_view.hpp"
#include "core/figures/timeline/timeline_view.hpp"
#include "core/figures/view_options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace genochron {

enum class ViewKind { Genogram, Timeline, Chronology, Actions, Knowledge };
std::optional<ViewKind> viewFromString(std::string_view s);
std::string_view toString(ViewKind v);

// Dispatches to the view's builder. Throws GenochronError for options that make no sense.
Document buildView(const ViewCase& c, ViewKind kind, const ViewOptions& opt);


}  // namespace genochron
