// [SECTION] forms and text fields
// [SECTION] wrapped multi-line editors
// [SECTION] dates
// [SECTION] checkboxes, choices, headings and pills
#include "app/views/widgets.hpp"

#include <algorithm>
#include <cstring>
#include <imgui_stdlib.h>
#include <unordered_map>

namespace genochron::app::ui {

// ---------------------------------------------------------------- [SECTION] forms and text fields

bool beginForm(const char* id) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX)) return false;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6.5f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

void endForm() { ImGui::EndTable(); }

void formLabel(const char* label, const char* help) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    if (help && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
    ImGui::TableSetColumnIndex(1);
}

namespace {
std::string hidden(const char* label) { return std::string("##") + label; }
}  // namespace

bool text(CaseSession& s, const char* label, std::string& value, const char* hint) {
    formLabel(label);
    ImGui::SetNextItemWidth(-1);
    bool changed = hint ? ImGui::InputTextWithHint(hidden(label).c_str(), hint, &value)
                        : ImGui::InputText(hidden(label).c_str(), &value);
    if (ImGui::IsItemDeactivated()) s.sealMerge();
    return changed;
}

// ---------------------------------------------------------------- [SECTION] wrapped multi-line editors

std::string stripSoftBreaks(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;   // a soft break
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string softWrap(const std::string& text, float wrapWidth) {
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize();
    std::string out;
    out.reserve(text.size() + text.size() / 40);
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)));
        const char* lineEnd = nl ? nl : end;
        // One paragraph: break where ImGui's word wrap would.
        const char* q = p;
        while (q < lineEnd) {
            const char* brk = font->CalcWordWrapPositionA(size / font->FontSize, q, lineEnd, std::max(wrapWidth, 10.f));
            if (brk <= q) brk = q + 1;   // one glyph wider than the box: keep going
            if (brk >= lineEnd) {
                out.append(q, lineEnd);
                break;
            }
            // Keep the spaces at the end of the line (they are text), then the soft break.
            const char* next = brk;
            while (next < lineEnd && *next == ' ') ++next;
            out.append(q, next);
            if (next < lineEnd) out += "\r\n";
            q = next;
        }
        if (nl) out += '\n';
        p = nl ? nl + 1 : end;
    }
    return out;
}

namespace {

struct WrapState {
    std::string buffer;     // with soft breaks
    float width = 0;
    bool active = false;
};

struct WrapCallback {
    float wrapWidth;
};

// Re-wraps the whole buffer after each edit and puts the cursor back on the same
// character of the text.
int rewrap(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
    auto* cb = static_cast<WrapCallback*>(data->UserData);
    std::string withBreaks(data->Buf, std::size_t(data->BufTextLen));
    // The cursor as an offset into the text without soft breaks.
    int plainCursor = 0;
    for (int i = 0; i < data->CursorPos && i < int(withBreaks.size()); ++i) {
        if (withBreaks[std::size_t(i)] == '\r' && i + 1 < int(withBreaks.size()) && withBreaks[std::size_t(i) + 1] == '\n') {
            ++i;
            continue;
        }
        ++plainCursor;
    }
    std::string plain = stripSoftBreaks(withBreaks);
    std::string wrapped = softWrap(plain, cb->wrapWidth);
    if (wrapped == withBreaks) return 0;
    int pos = 0, seen = 0;
    while (pos < int(wrapped.size()) && seen < plainCursor) {
        if (wrapped[std::size_t(pos)] == '\r' && pos + 1 < int(wrapped.size()) && wrapped[std::size_t(pos) + 1] == '\n') {
            pos += 2;
            continue;
        }
        ++pos;
        ++seen;
    }
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, wrapped.c_str(), wrapped.c_str() + wrapped.size());
    data->CursorPos = data->SelectionStart = data->SelectionEnd = pos;
    return 0;
}

}  // namespace

bool wrappedEditor(const char* id, std::string& value, float width, float minLines, bool focus) {
    static std::unordered_map<ImGuiID, WrapState> states;
    ImGuiID key = ImGui::GetID(id);
    auto& st = states[key];
    const ImGuiStyle& style = ImGui::GetStyle();
    float wrapWidth = width - style.FramePadding.x * 2 - ImGui::GetFontSize() * 0.6f;
    // Text that already holds '\r' is shown unwrapped rather than risk losing a character.
    bool canWrap = value.find('\r') == std::string::npos;
    if (!st.active || st.width != width) {
        std::string plain = st.active ? stripSoftBreaks(st.buffer) : value;
        st.buffer = canWrap ? softWrap(plain, wrapWidth) : plain;
        st.width = width;
    }
    int lines = 1;
    for (char ch : st.buffer) lines += ch == '\n';
    float h = std::max(float(lines), minLines) * ImGui::GetTextLineHeight() + style.FramePadding.y * 2 + 2;
    ImGuiIO& io = ImGui::GetIO();
    // Shift+Enter is a new line: ImGui's "Ctrl+Enter for a new line" mode, with Shift
    // standing in for Ctrl for this one key.
    bool shiftEnter = io.KeyShift && !io.KeyCtrl &&
                      (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
    bool savedCtrl = io.KeyCtrl;
    if (shiftEnter) io.KeyCtrl = true;
    if (focus) ImGui::SetKeyboardFocusHere();
    WrapCallback cb{wrapWidth};
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CtrlEnterForNewLine | ImGuiInputTextFlags_NoHorizontalScroll;
    if (canWrap) flags |= ImGuiInputTextFlags_CallbackEdit;
    ImGui::InputTextMultiline(id, &st.buffer, ImVec2(width, h), flags, canWrap ? rewrap : nullptr, &cb);
    io.KeyCtrl = savedCtrl;
    st.active = ImGui::IsItemActive();
    bool committed = false;
    if (ImGui::IsItemDeactivated()) {
        std::string plain = canWrap ? stripSoftBreaks(st.buffer) : st.buffer;
        if (plain != value) {
            value = plain;
            committed = true;
        }
        st.active = false;
    }
    if (!st.active && !committed && states.size() > 256) states.erase(key);   // forget idle editors
    return committed;
}

bool multiline(CaseSession& s, const char* label, std::string& value, float lines) {
    formLabel(label);
    bool changed = wrappedEditor(hidden(label).c_str(), value, ImGui::GetContentRegionAvail().x, lines);
    if (changed) s.sealMerge();   // one committed edit, one undo step
    return changed;
}

// ---------------------------------------------------------------- [SECTION] dates

namespace {

// Text being typed into a date field, kept while it is being edited or while it does
// not parse, so a half-typed date is neither lost nor committed.
struct DateState {
    std::string buffer;
    std::string error;
    std::string shownModel;
    bool editing = false;   // active last frame
};

bool dateField(const char* label, const std::string& modelText, bool allowEmpty, std::optional<Date>& out) {
    static std::unordered_map<ImGuiID, DateState> states;
    formLabel(label, "2019-05-03, 2019-05, 2019, ~2019, 2019-05..2019-07, <2016, >2016, or 3/5/2019");
    ImGuiID id = ImGui::GetID(label);
    auto& st = states[id];
    bool active = st.editing;
    if (st.shownModel != modelText) {   // changed elsewhere (undo, another view)
        st.shownModel = modelText;
        st.error.clear();
        if (!active) st.buffer = modelText;
    }
    if (!active && st.error.empty()) st.buffer = modelText;
    ImGui::SetNextItemWidth(-1);
    if (!st.error.empty()) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(120, 40, 40, 160));
    ImGui::InputTextWithHint(hidden(label).c_str(), allowEmpty ? "(not known)" : "unknown", &st.buffer);
    st.editing = ImGui::IsItemActive();
    if (!st.error.empty()) ImGui::PopStyleColor();
    bool commit = ImGui::IsItemDeactivatedAfterEdit();
    if (ImGui::IsItemHovered() && st.error.empty() && !modelText.empty()) {
        auto r = parseDate(modelText);
        if (r.date) ImGui::SetTooltip("%s", r.date->humanLabel().c_str());
    }
    bool changed = false;
    if (commit) {
        std::string t = st.buffer;
        t.erase(0, t.find_first_not_of(" \t"));
        t.erase(t.find_last_not_of(" \t") + 1);
        if (t.empty()) {
            if (allowEmpty) {
                out.reset();
                changed = !modelText.empty();
                st.error.clear();
            } else {
                out = Date{};
                changed = !modelText.empty();
                st.error.clear();
            }
        } else {
            auto r = parseDate(t);
            if (r.date) {
                out = *r.date;
                changed = r.date->toString() != modelText;
                st.error.clear();
            } else {
                st.error = r.error.empty() ? "not a date this format knows" : r.error;
            }
        }
    }
    if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(240, 120, 110, 255));
        ImGui::TextWrapped("%s", st.error.c_str());
        ImGui::PopStyleColor();
    }
    return changed;
}

}  // namespace

bool date(const char* label, std::optional<Date>& value) {
    std::optional<Date> out;
    bool changed = dateField(label, value ? value->toString() : std::string(), true, out);
    if (changed) value = out;
    return changed;
}

bool date(const char* label, Date& value) {
    std::optional<Date> out;
    bool changed = dateField(label, value.known() ? value.toString() : std::string(), false, out);
    if (changed) value = out.value_or(Date{});
    return changed;
}

// ---------------------------------------------------------------- [SECTION] checkboxes, choices, headings and pills

bool checkbox(const char* label, bool& value) {
    formLabel(label);
    return ImGui::Checkbox(hidden(label).c_str(), &value);
}

bool idList(const char* label, std::vector<std::string>& ids,
            const std::vector<std::pair<std::string, std::string>>& choices, std::size_t maxItems) {
    formLabel(label);
    ImGui::PushID(label);
    bool changed = false;
    float right = ImGui::GetContentRegionMax().x;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::string chip = ids[i] + "  x";
        float w = ImGui::CalcTextSize(chip.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
        }
        ImGui::PushID(int(i));
        if (ImGui::SmallButton(chip.c_str())) {
            ids.erase(ids.begin() + std::ptrdiff_t(i));
            changed = true;
            ImGui::PopID();
            break;
        }
        if (ImGui::IsItemHovered()) {
            for (auto& [id, name] : choices)
                if (id == ids[i]) ImGui::SetTooltip("%s (click to remove)", name.c_str());
        }
        ImGui::PopID();
    }
    if (!changed && (maxItems == 0 || ids.size() < maxItems)) {
        if (!ids.empty()) {
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 6) ImGui::NewLine();
        }
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 9));
        if (ImGui::BeginCombo("##add", "+ add", ImGuiComboFlags_HeightLarge)) {
            for (auto& [id, name] : choices) {
                if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
                std::string item = name.empty() || name == id ? id : id + "  (" + name + ")";
                if (ImGui::Selectable(item.c_str())) {
                    ids.push_back(id);
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
    }
    ImGui::PopID();
    return changed;
}

bool idCombo(const char* label, std::string& id, const std::vector<std::pair<std::string, std::string>>& choices,
             bool allowEmpty) {
    formLabel(label);
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    std::string shown = id.empty() ? std::string("(none)") : id;
    for (auto& [cid, name] : choices)
        if (cid == id && !name.empty() && name != id) shown = id + "  (" + name + ")";
    if (ImGui::BeginCombo(hidden(label).c_str(), shown.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (allowEmpty && ImGui::Selectable("(none)", id.empty()) && !id.empty()) {
            id.clear();
            changed = true;
        }
        for (auto& [cid, name] : choices) {
            std::string item = name.empty() || name == cid ? cid : cid + "  (" + name + ")";
            if (ImGui::Selectable(item.c_str(), cid == id) && cid != id) {
                id = cid;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::vector<std::pair<std::string, std::string>> peopleChoices(const Case& c) {
    std::vector<std::pair<std::string, std::string>> r;
    for (auto& p : c.people) r.emplace_back(p.id, p.name);
    return r;
}

std::vector<std::pair<std::string, std::string>> agencyChoices(const Case& c) {
    std::vector<std::pair<std::string, std::string>> r;
    for (auto& a : c.agencies) r.emplace_back(a.id, a.name);
    return r;
}

void inspectorHeading(const char* kind, const std::string& id, const std::string& subtitle) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(kind);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(id.c_str());
    if (!subtitle.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(subtitle.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Separator();
}

void muted(const std::string& t) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(t.c_str());
    ImGui::PopStyleColor();
}

void pill(const std::string& t, ImU32 bg, ImU32 fg, bool framed) {
    ImVec2 ts = ImGui::CalcTextSize(t.c_str());
    ImVec2 p = ImGui::GetCursorScreenPos();
    float padX = 6, padY = 1;
    float h = ImGui::GetTextLineHeight();
    float rowH = framed ? ImGui::GetFrameHeight() : h + 2 * padY;
    float y = p.y + (rowH - h - 2 * padY) / 2;
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(p.x, y + 1), ImVec2(p.x + ts.x + 2 * padX, y + h + 2 * padY - 1), bg, h);
    dl->AddText(ImVec2(p.x + padX, y + padY), fg, t.c_str());
    ImGui::Dummy(ImVec2(ts.x + 2 * padX, rowH));
}

}  // namespace genochron::app::ui
