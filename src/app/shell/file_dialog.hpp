// A plain ImGui file dialog (ImGui 1.86 has none): a folder listing filtered by
// extension, a path field that accepts typing, Up, and Open/Save. Enough to open and
// save cases and export figures without a native toolkit.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace genochron::app {

class FileDialog {
public:
    enum class Mode { Open, Save };

    // Shows the dialog from the next frame. `extensions` like {".yaml", ".yml"}; empty = all.
    void show(Mode mode, std::string title, std::string startPath, std::vector<std::string> extensions);
    // Draws it when shown; returns the chosen path once, when the user confirms.
    // `extras` draws options under the file list (export format, page size).
    std::optional<std::string> draw(const std::function<void()>& extras = {});
    bool visible() const { return m_visible; }
    // Replace the file name's extension (the export format changed).
    void setExtension(const std::string& ext);

private:
    void list();
    void navigate(const std::string& dir);

    Mode m_mode = Mode::Open;
    std::string m_title;
    std::vector<std::string> m_extensions;
    std::string m_dir, m_dirEdit, m_name, m_error;
    struct Entry {
        std::string name;
        bool dir;
    };
    std::vector<Entry> m_entries;
    bool m_visible = false, m_openRequested = false;
    float m_footerH = 0;
    bool m_focusName = false;
};

}  // namespace genochron::app
