// The app's typed event bus: views never call each other, they post events (ImHex's
// manner). Posting queues; the shell dispatches once per frame, between ImGui frames'
// widget code, so a handler never runs while another view is half-way through drawing.
#pragma once
#include "core/model/edit.hpp"
#include "core/figures/views.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

namespace genochron::app {

// [SECTION] events

// Show this item everywhere: the inspector edits it, lists scroll to it, canvases outline it.
// Partnerships and relations have no ids: `index` names them.
struct SelectItem {
    ItemKind kind = ItemKind::None;
    std::string id;
    std::size_t index = ItemRef::kNoIndex;
};

// The case changed (an edit, undo, redo, open, recovery): views rebuild what they derive.
struct CaseChanged {
    std::uint64_t revision = 0;
    bool newFile = false;   // a different case was opened: forget per-case view state
};

// Ask the shell to open a case (it asks about unsaved edits first).
struct OpenFile {
    std::string path;
};

// Show an error in a modal.
struct ShowError {
    std::string title;
    std::string message;
};

// A short note for the status bar ("Saved", "Autosaved at 14:02").
struct StatusNote {
    std::string text;
};

// The findings view counted its findings (for the status bar).
struct FindingsCounted {
    int errors = 0, warnings = 0, notes = 0;
};

// Bring a central tab to the front.
struct SwitchTab {
    std::string title;   // the view's title, e.g. "Timeline"
};

// The genogram's time slider moved (or was turned off: `at` empty): the timeline marks the day.
struct AsOfChanged {
    std::optional<Date> at;
};

// Turn the genogram's time slider on at this date (`--as-of` at start).
struct ShowAsOf {
    Date at;
};

// [SECTION] the bus

class EventBus {
public:
    template <class E> void subscribe(std::function<void(const E&)> handler) {
        auto& list = m_handlers[std::type_index(typeid(E))];
        list.push_back([h = std::move(handler)](const void* e) { h(*static_cast<const E*>(e)); });
    }

    template <class E> void post(E event) {
        auto boxed = std::make_shared<E>(std::move(event));
        m_queue.push_back([this, boxed] { deliver(std::type_index(typeid(E)), boxed.get()); });
    }

    // Delivers everything posted so far, including what handlers post while it runs,
    // with a bound so a handler that re-posts its own event cannot hang the app.
    void dispatch() {
        for (int round = 0; round < 16 && !m_queue.empty(); ++round) {
            auto batch = std::move(m_queue);
            m_queue.clear();
            for (auto& fn : batch) fn();
        }
    }

    bool pending() const { return !m_queue.empty(); }

private:
    void deliver(std::type_index t, const void* e) {
        auto it = m_handlers.find(t);
        if (it == m_handlers.end()) return;
        for (auto& h : it->second) h(e);
    }

    std::unordered_map<std::type_index, std::vector<std::function<void(const void*)>>> m_handlers;
    std::vector<std::function<void()>> m_queue;
};

}  // namespace genochron::app
