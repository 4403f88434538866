// Form widgets shared by the views: labelled fields bound to model values. Each returns
// true when the user changed the value (the caller then runs an edit command); text
// fields seal the undo merge group when they lose focus, so one burst of typing is one
// undo step.
#pragma once
#include "app/session/session.hpp"
#include "core/model/date.hpp"
#include "core/model/enums.hpp"

#include <algorithm>
#include <imgui.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace genochron::app::ui {

// Runs a ReplaceItem edit of one field; refusals show in the error modal.
template <class T> bool replace(CaseSession& s, ItemRef ref, T value, const char* field) {
    return s.execute(std::make_unique<ReplaceItem<T>>(std::move(ref), std::move(value), field));
}

// A format token for people: "in_progress" -> "in progress".
inline std::string humanise(std::string_view token) {
    std::string s(token);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

// Starts a two-column form; fields go in rows. Pair with endForm().
bool beginForm(const char* id);
void endForm();
// The label cell of a form row; the next widget fills the value cell.
void formLabel(const char* label, const char* help = nullptr);

bool text(CaseSession& s, const char* label, std::string& value, const char* hint = nullptr);

// A multi-line editor that wraps at its width while typing (ImGui 1.86's cannot: soft
// breaks are "\r\n", which ImGui does not draw, inserted as you type and never kept).
// Enter commits, Shift+Enter (or Ctrl+Enter) starts a new line, Escape puts the text back;
// clicking away commits too. It grows with its text. Returns true once, when an edit
// ends with a change; `value` then holds the new text.
bool wrappedEditor(const char* id, std::string& value, float width, float minLines, bool focus = false);
// What wrappedEditor shows for `text` at `wrapWidth` (tests read it): soft breaks added.
std::string softWrap(const std::string& text, float wrapWidth);
std::string stripSoftBreaks(const std::string& text);
// A form row with wrappedEditor: true once when an edit is committed.
bool multiline(CaseSession& s, const char* label, std::string& value, float lines = 4);
// Parsed on Enter or when the field loses focus; a bad date shows why under the field and
// changes nothing. Empty clears an optional date.
bool date(const char* label, std::optional<Date>& value);
bool date(const char* label, Date& value);   // empty = unknown
bool checkbox(const char* label, bool& value);

template <class E> bool enumCombo(const char* label, E& value) {
    formLabel(label);
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    std::string cur(toString(value));
    if (ImGui::BeginCombo((std::string("##") + label).c_str(), humanise(cur).c_str())) {
        for (auto name : EnumNames<E>::names) {
            bool sel = name == cur;
            if (ImGui::Selectable(humanise(name).c_str(), sel)) {
                value = *enumFromString<E>(name);
                changed = !sel;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

template <class E> bool optionalEnumCombo(const char* label, std::optional<E>& value) {
    formLabel(label);
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    std::string cur = value ? std::string(toString(*value)) : std::string("(none)");
    if (ImGui::BeginCombo((std::string("##") + label).c_str(), humanise(cur).c_str())) {
        if (ImGui::Selectable("(none)", !value) && value) {
            value.reset();
            changed = true;
        }
        for (auto name : EnumNames<E>::names) {
            bool sel = value && name == cur;
            if (ImGui::Selectable(humanise(name).c_str(), sel) && !sel) {
                value = *enumFromString<E>(name);
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// A set of enum values as toggle chips.
template <class E> bool enumSet(const char* label, std::vector<E>& values) {
    formLabel(label);
    bool changed = false;
    ImGui::PushID(label);
    float right = ImGui::GetContentRegionMax().x;
    bool first = true;
    for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i) {
        E e = static_cast<E>(i);
        bool on = std::find(values.begin(), values.end(), e) != values.end();
        std::string name = humanise(EnumNames<E>::names[i]);
        float w = ImGui::CalcTextSize(name.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
        }
        first = false;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
        if (ImGui::SmallButton(name.c_str())) {
            if (on) values.erase(std::find(values.begin(), values.end(), e));
            else values.push_back(e);
            changed = true;
        }
        if (on) ImGui::PopStyleColor();
    }
    ImGui::PopID();
    return changed;
}

// A list of ids (people, agencies) as removable chips plus an "add" combo of `choices`
// (id, readable label).
bool idList(const char* label, std::vector<std::string>& ids,
            const std::vector<std::pair<std::string, std::string>>& choices, std::size_t maxItems = 0);
// One id from `choices`; `allowEmpty` adds "(none)".
bool idCombo(const char* label, std::string& id, const std::vector<std::pair<std::string, std::string>>& choices,
             bool allowEmpty = true);

// Choices for id fields.
std::vector<std::pair<std::string, std::string>> peopleChoices(const Case& c);
std::vector<std::pair<std::string, std::string>> agencyChoices(const Case& c);

// A heading row inside a form (the item's kind and id).
void inspectorHeading(const char* kind, const std::string& id, const std::string& subtitle = {});
// Small muted text.
void muted(const std::string& text);
// A coloured pill ("overdue", "MO3"). `framed`: sits on a row of frame-height widgets.
void pill(const std::string& text, ImU32 bg, ImU32 fg, bool framed = false);

}  // namespace genochron::app::ui
