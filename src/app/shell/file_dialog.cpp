#include "app/shell/file_dialog.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace genochron::app {

namespace fs = std::filesystem;

namespace {

std::string lowerExt(const fs::path& p) {
    std::string e = p.extension().string();
    for (auto& ch : e) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return e;
}

}  // namespace

void FileDialog::show(Mode mode, std::string title, std::string startPath, std::vector<std::string> extensions) {
    m_mode = mode;
    m_title = std::move(title);
    m_extensions = std::move(extensions);
    m_error.clear();
    std::error_code ec;
    fs::path p = startPath.empty() ? fs::current_path(ec) : fs::path(startPath);
    if (fs::is_directory(p, ec)) {
        m_name.clear();
        navigate(p.string());
    } else {
        m_name = p.filename().string();
        navigate(p.has_parent_path() ? p.parent_path().string() : fs::current_path(ec).string());
    }
    m_visible = true;
    m_openRequested = true;
    m_focusName = true;
}

void FileDialog::setExtension(const std::string& ext) {
    if (m_name.empty()) return;
    m_name = fs::path(m_name).replace_extension(ext).string();
}

void FileDialog::navigate(const std::string& dir) {
    std::error_code ec;
    fs::path p = fs::absolute(dir, ec).lexically_normal();
    if (!fs::is_directory(p, ec)) {
        m_error = "not a folder: " + dir;
        m_dirEdit = m_dir;
        return;
    }
    m_dir = p.string();
    if (m_dir.size() > 1 && m_dir.back() == '/') m_dir.pop_back();
    m_dirEdit = m_dir;
    m_error.clear();
    list();
}

void FileDialog::list() {
    m_entries.clear();
    std::error_code ec;
    for (fs::directory_iterator it(m_dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;   // hidden, autosaves included
        std::error_code e2;
        bool dir = it->is_directory(e2);
        if (!dir && !m_extensions.empty() &&
            std::find(m_extensions.begin(), m_extensions.end(), lowerExt(it->path())) == m_extensions.end())
            continue;
        m_entries.push_back({name, dir});
    }
    if (ec) m_error = "cannot list the folder: " + ec.message();
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
        if (a.dir != b.dir) return a.dir;
        return a.name < b.name;
    });
}

std::optional<std::string> FileDialog::draw(const std::function<void()>& extras) {
    if (!m_visible) return std::nullopt;
    std::string popupId = m_title + "###filedialog";
    if (m_openRequested) {
        ImGui::OpenPopup(popupId.c_str());
        m_openRequested = false;
    }
    std::optional<std::string> chosen;
    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(760.f, vp->Size.x - 80), std::min(560.f, vp->Size.y - 80)),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    bool open = true;
    if (!ImGui::BeginPopupModal(popupId.c_str(), &open)) {
        m_visible = ImGui::IsPopupOpen(popupId.c_str());
        return std::nullopt;
    }
    if (ImGui::Button("Up")) navigate(fs::path(m_dir).parent_path().string());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##dir", &m_dirEdit, ImGuiInputTextFlags_EnterReturnsTrue)) navigate(m_dirEdit);

    // The footer's height as drawn last frame (its rows depend on the caller's extras).
    float footer = m_footerH > 0 ? m_footerH : ImGui::GetFrameHeightWithSpacing() * 3;
    ImGui::BeginChild("entries", ImVec2(0, -footer), true);
    std::string enterDir;
    for (auto& e : m_entries) {
        std::string label = (e.dir ? "[folder]  " : "") + e.name;
        bool sel = !e.dir && e.name == m_name;
        if (ImGui::Selectable(label.c_str(), sel, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.dir) {
                enterDir = (fs::path(m_dir) / e.name).string();   // one click opens a folder
            } else {
                m_name = e.name;
                if (ImGui::IsMouseDoubleClicked(0) && m_mode == Mode::Open) chosen = (fs::path(m_dir) / m_name).string();
            }
        }
    }
    if (m_entries.empty()) ImGui::TextDisabled("(no matching files here)");
    ImGui::EndChild();
    if (!enterDir.empty()) navigate(enterDir);

    float footerTop = ImGui::GetCursorPosY();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("File name");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (m_focusName) {   // typing a name and pressing Enter is the quickest way through
        ImGui::SetKeyboardFocusHere();
        m_focusName = false;
    }
    bool enter = ImGui::InputText("##name", &m_name, ImGuiInputTextFlags_EnterReturnsTrue);
    if (extras) extras();
    if (!m_error.empty()) ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.4f, 1), "%s", m_error.c_str());

    fs::path target = fs::path(m_name).is_absolute() ? fs::path(m_name) : fs::path(m_dir) / m_name;
    std::error_code ec;
    bool exists = !m_name.empty() && fs::exists(target, ec);
    if (m_mode == Mode::Save && exists) {
        ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1), "%s exists and will be replaced", m_name.c_str());
        ImGui::SameLine();
    }
    float bw = ImGui::GetFontSize() * 6;
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - bw * 2 - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button("Cancel", ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ImGui::CloseCurrentPopup();
        m_visible = false;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(m_name.empty());
    if (ImGui::Button(m_mode == Mode::Open ? "Open" : "Save", ImVec2(bw, 0)) || (enter && !m_name.empty())) {
        if (fs::is_directory(target, ec)) {
            navigate(target.string());
            m_name.clear();
        } else if (m_mode == Mode::Open && !exists) {
            m_error = "there is no file " + target.string();
        } else {
            chosen = target.string();
        }
    }
    ImGui::EndDisabled();
    m_footerH = ImGui::GetCursorPosY() - footerTop;
    if (chosen) {
        ImGui::CloseCurrentPopup();
        m_visible = false;
    }
    ImGui::EndPopup();
    if (!open) m_visible = false;
    return chosen;
}

}  // namespace genochron::app
