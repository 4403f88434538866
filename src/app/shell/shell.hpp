// The window's frame around the views: menu bar, the three panels (left: people and
// findings; centre: figure and table tabs; right: inspector), status bar, modals
// (errors, unsaved changes, recovery, file dialogs), shortcuts. It owns the views and
// routes events; it never draws a view's content itself.
//
// shell.cpp          layout, events, status bar, shortcuts
// shell_actions.cpp  menus and what they do (open, save, export, quit)
#pragma once
#include "app/shell/file_dialog.hpp"
#include "app/views/view.hpp"

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace genochron::app {

class AppShell {
public:
    explicit AppShell(AppContext& ctx);

    // One ImGui frame of the whole window (between NewFrame and Render).
    void frame();

    // Open at start (errors go to the modal; recovery is offered).
    void openAtStart(const std::string& path);
    // The window's close button or Ctrl+Q: asks about unsaved edits first.
    void requestQuit();
    bool quitConfirmed() const { return m_quit; }
    std::string windowTitle() const;
    // What the window shows, for the screenshot line (tests): "tab 'Chronology', selected
    // event e060, genogram as of 31 May 2016".
    std::string describeState() const;
    // `open --animate`: the visible centre tab is ready / drive it to progress t.
    bool animationReady() const;
    void animate(double t);

private:
    // --- layout (shell.cpp)
    void subscribe();
    void drawPanels();
    void drawLeft(float w, float h);
    void drawCentre(float w, float h);
    void drawInspector(float w, float h);
    void drawStatusBar();
    bool splitter(const char* id, float& size, float minSize, float maxSize, float height, bool invert);
    void shortcuts();

    // --- menus and actions (shell_actions.cpp)
    void drawMenuBar();
    void drawModals();
    void drawExportOptions();
    void chooseOpen();
    void openNow(const std::string& path);
    bool saveNow(bool overwriteChanged = false);   // false when cancelled, failed or the file changed on disk
    void watchFile();   // notices, every two seconds, that the case's file changed on disk
    void drawChangedOnDisk(float bw);
    void chooseSaveAs();
    void chooseExport(bool anonymised);
    void exportTo(const std::string& path);
    View* currentCentre() const;

    enum class Pending { None, Quit, OpenDialog, OpenPath, New };
    void guardUnsaved(Pending what, std::string path = {});
    void runPending();

    AppContext& m_ctx;
    std::vector<std::unique_ptr<View>> m_views;
    std::string m_centreTab, m_leftTab;       // titles of the visible tabs
    std::string m_switchCentre, m_switchLeft;   // tabs to bring forward next frame
    int m_switchTries = 0;
    std::string m_asOfShown;   // the genogram's as-of day, as its slider last said
    float m_leftW = 290, m_rightW = 370;

    std::deque<ShowError> m_errors;
    std::string m_note;
    double m_noteTime = -1e9;
    FindingsCounted m_counts;

    Pending m_pending = Pending::None;
    std::string m_pendingPath;
    bool m_askUnsaved = false;
    std::string m_recoveryPath;   // non-empty: ask whether to recover
    bool m_askRecovery = false;
    bool m_askChanged = false;      // the file changed on disk: reload / save as / overwrite
    bool m_changedOnSave = false;   // ... found by a save (not by watching)
    Pending m_changedPending = Pending::None;   // what the refused save was for
    double m_lastWatch = -1e9;
    bool m_changedNoticed = false;   // asked already about this change
    bool m_showShortcuts = false, m_showAbout = false;
    bool m_quit = false;

    enum class DialogUse { None, Open, SaveAs, Export };
    FileDialog m_dialog;
    DialogUse m_dialogUse = DialogUse::None;
    bool m_exportAnonymised = false;
    int m_exportFormat = 2;   // 0 png, 1 svg, 2 pdf
    int m_exportPage = 0;     // 0 fit, 1 a4, 2 a3
    bool m_exportLandscape = true;
    int m_exportDpi = 200;
};

}  // namespace genochron::app
