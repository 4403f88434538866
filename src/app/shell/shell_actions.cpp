// [SECTION] menu bar
// [SECTION] file actions: open, save, export, quit
// [SECTION] modals: errors, unsaved changes, recovery, file dialog, help
#include "app/shell/shell.hpp"
#include "app/shell/theme.hpp"
#include "core/io/autosave.hpp"
#include "core/io/case_lock.hpp"
#include "core/paint/cairo_painter.hpp"
#include "core/publish/figure_export.hpp"

#include <epoxy/gl.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <imgui.h>

namespace genochron::app {

namespace fs = std::filesystem;

// ------------------------------------------------------------------ [SECTION] menu bar

void AppShell::drawMenuBar() {
    if (!ImGui::BeginMenuBar()) return;
    auto& s = m_ctx.session;
    View* centre = currentCentre();
    bool hasFigure = centre && centre->figureKind();
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("New case")) guardUnsaved(Pending::New);
        if (ImGui::MenuItem("Open...", "Ctrl+O")) guardUnsaved(Pending::OpenDialog);
        ImGui::Separator();
        if (ImGui::MenuItem("Save", "Ctrl+S")) saveNow();
        if (ImGui::MenuItem("Save As...", "Ctrl+Shift+S")) chooseSaveAs();
        ImGui::Separator();
        if (ImGui::MenuItem("Export figure...", "Ctrl+E", false, hasFigure)) chooseExport(false);
        if (ImGui::MenuItem("Export anonymised...", nullptr, false, hasFigure)) chooseExport(true);
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) requestQuit();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        std::string undo = s.history().canUndo() ? "Undo " + s.history().undoLabel() : "Undo";
        std::string redo = s.history().canRedo() ? "Redo " + s.history().redoLabel() : "Redo";
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, s.history().canUndo())) s.undo();
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, s.history().canRedo())) s.redo();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        int i = 0;
        for (auto& v : m_views) {
            if (v->slot() != Slot::Centre) continue;
            std::string key = fmt::format("Ctrl+{}", ++i);
            if (ImGui::MenuItem(v->title(), key.c_str(), m_centreTab == v->title())) m_switchCentre = v->title();
        }
        for (auto& v : m_views)
            if (v->slot() == Slot::Left && ImGui::MenuItem(v->title(), nullptr, m_leftTab == v->title()))
                m_switchLeft = v->title();
        ImGui::Separator();
        if (ImGui::BeginMenu("Figure theme")) {
            if (ImGui::MenuItem("Colour", nullptr, m_ctx.settings.figureTheme == Theme::Colour))
                m_ctx.settings.figureTheme = Theme::Colour;
            if (ImGui::MenuItem("Print (greys and hatching)", nullptr, m_ctx.settings.figureTheme == Theme::Print))
                m_ctx.settings.figureTheme = Theme::Print;
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Anonymised preview", nullptr, m_ctx.settings.anonymisedPreview))
            m_ctx.settings.anonymisedPreview = !m_ctx.settings.anonymisedPreview;
        ImGui::Separator();
        if (ImGui::MenuItem("Dark interface", nullptr, m_ctx.settings.darkUi)) {
            m_ctx.settings.darkUi = !m_ctx.settings.darkUi;
            applyTheme(m_ctx.settings.darkUi);
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keyboard shortcuts")) m_showShortcuts = true;
        if (ImGui::MenuItem("About genochron")) m_showAbout = true;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

// ------------------------------------------------------------------ [SECTION] file actions

void AppShell::guardUnsaved(Pending what, std::string path) {
    m_pending = what;
    m_pendingPath = std::move(path);
    if (m_ctx.session.dirty()) m_askUnsaved = true;
    else runPending();
}

void AppShell::runPending() {
    Pending p = std::exchange(m_pending, Pending::None);
    switch (p) {
    case Pending::None: break;
    case Pending::Quit: m_quit = true; break;
    case Pending::OpenDialog: chooseOpen(); break;
    case Pending::OpenPath: openNow(m_pendingPath); break;
    case Pending::New: m_ctx.session.newCase(); break;
    }
}

void AppShell::requestQuit() { guardUnsaved(Pending::Quit); }

void AppShell::openAtStart(const std::string& path) { openNow(path); }

void AppShell::chooseOpen() {
    m_dialogUse = DialogUse::Open;
    std::string start = m_ctx.session.hasFile() ? fs::path(m_ctx.session.path()).parent_path().string() : "";
    m_dialog.show(FileDialog::Mode::Open, "Open a case", start, {".yaml", ".yml"});
}

void AppShell::openNow(const std::string& path) {
    try {
        m_ctx.session.open(path);
    } catch (const std::exception& e) {
        m_errors.push_back({"The case could not be opened", e.what()});
        return;
    }
    m_note = "Opened " + m_ctx.session.displayName();
    m_noteTime = m_ctx.timeSec;
    if (m_ctx.session.loadDiagnostics().hasErrors()) {
        std::string msg = "It is open for repair: edits that add no new errors are allowed. Saving writes the "
                          "case as it is.\n\n";
        int n = 0;
        for (auto& d : m_ctx.session.loadDiagnostics().items())
            if (d.severity == Severity::Error && n++ < 8) msg += formatDiagnostic(d) + "\n";
        m_errors.push_back({"The case has errors", msg});
    }
    m_changedNoticed = false;
    const CaseLock& lock = m_ctx.session.lock();
    if (lock.state() == CaseLock::State::HeldByOther)
        m_errors.push_back({"The case is open in another window",
                            fmt::format("{} is already open in {}.\n\nIf you edit it in both, the window that "
                                        "saves second is asked before it overwrites the other's save. This window "
                                        "autosaves to a file of its own.",
                                        m_ctx.session.displayName(), lock.other().describe())});
    if (auto rec = m_ctx.session.recovery()) {
        m_recoveryPath = *rec;
        m_askRecovery = true;
    }
}

void AppShell::watchFile() {
    auto& s = m_ctx.session;
    if (!s.hasFile() || m_ctx.timeSec - m_lastWatch < 2) return;
    m_lastWatch = m_ctx.timeSec;
    bool changed = s.changedOnDisk();
    if (changed && !m_changedNoticed) {
        m_changedNoticed = true;
        m_changedOnSave = false;
        m_askChanged = true;
    }
    if (!changed) m_changedNoticed = false;
}

bool AppShell::saveNow(bool overwriteChanged) {
    auto& s = m_ctx.session;
    if (!s.hasFile()) {
        chooseSaveAs();
        return false;
    }
    try {
        s.save(overwriteChanged);
    } catch (const CaseSession::ChangedOnDisk&) {
        m_changedPending = m_pending;   // run once the user chooses to overwrite
        m_changedOnSave = true;
        m_changedNoticed = true;
        m_askChanged = true;
        return false;
    } catch (const std::exception& e) {
        m_errors.push_back({"The case was not saved", std::string(e.what()) + "\n\nThe file on disk is unchanged."});
        return false;
    }
    m_note = "Saved " + s.displayName();
    m_noteTime = m_ctx.timeSec;
    return true;
}

void AppShell::chooseSaveAs() {
    m_dialogUse = DialogUse::SaveAs;
    auto& s = m_ctx.session;
    m_dialog.show(FileDialog::Mode::Save, "Save the case as", s.hasFile() ? s.path() : "case.yaml", {".yaml", ".yml"});
}

namespace {
const char* kFormatExt[] = {".png", ".svg", ".pdf"};
}

void AppShell::chooseExport(bool anonymised) {
    View* v = currentCentre();
    if (!v || !v->figureKind()) return;
    m_exportAnonymised = anonymised;
    m_dialogUse = DialogUse::Export;
    auto& s = m_ctx.session;
    std::string view(toString(*v->figureKind()));
    // An anonymised file's name must not carry the case's (often the victim's) name.
    std::string name = anonymised ? fmt::format("figure-{}-anonymised{}", view, kFormatExt[m_exportFormat])
                                  : fmt::format("{}-{}{}", s.hasFile() ? fs::path(s.path()).stem().string() : "case",
                                                view, kFormatExt[m_exportFormat]);
    std::string dir = s.hasFile() ? fs::path(s.path()).parent_path().string() : fs::current_path().string();
    m_dialog.show(FileDialog::Mode::Save, anonymised ? "Export anonymised figure" : "Export figure",
                  (fs::path(dir) / name).string(), {".png", ".svg", ".pdf"});
}

void AppShell::drawExportOptions() {
    const char* formats[] = {"PNG", "SVG", "PDF"};
    const char* pages[] = {"Fit to figure", "A4", "A3"};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    if (ImGui::Combo("Format", &m_exportFormat, formats, 3)) m_dialog.setExtension(kFormatExt[m_exportFormat]);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::Combo("Page", &m_exportPage, pages, 3);
    ImGui::SameLine();
    ImGui::Checkbox("Landscape", &m_exportLandscape);
    if (m_exportFormat == 0) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        ImGui::InputInt("dpi", &m_exportDpi, 50);
        m_exportDpi = std::clamp(m_exportDpi, 72, 600);
    }
    if (m_exportAnonymised) ImGui::TextDisabled("Built from the anonymised case: pseudonyms, coarsened dates, unpublished events left out.");
}

void AppShell::exportTo(const std::string& path) {
    View* v = currentCentre();
    if (!v || !v->figureKind()) return;
    ViewOptions opt = v->figureOptions(m_ctx);
    PaintOptions po;
    po.page.size = m_exportPage == 1 ? PageSpec::Size::A4 : m_exportPage == 2 ? PageSpec::Size::A3 : PageSpec::Size::Fit;
    po.page.landscape = m_exportLandscape;
    po.dpi = m_exportDpi;
    opt.page = po.page;
    bool anonymised = m_exportAnonymised;
    ViewKind kind = *v->figureKind();
    auto model = m_ctx.snapshots.current();
    m_note = "Exporting " + fs::path(path).filename().string() + "...";
    m_noteTime = m_ctx.timeSec;
    // Layout and painting on the figures thread (Graphviz and Pango live there); the app
    // stays responsive, and the note says when the file is written.
    m_ctx.work.figures.post([this, model, kind, opt, po, anonymised, path] {
        std::string note, error;
        try {
            Document doc = anonymised ? buildView(anonymise(*model), kind, opt) : buildView(ViewCase::named(*model), kind, opt);
            note = exportFigure(doc, *model, path, po);
        } catch (const std::exception& e) {
            error = e.what();
        }
        m_ctx.work.ui.post([this, note, error, anonymised, path] {
            if (!error.empty()) {
                m_note.clear();
                m_errors.push_back({anonymised ? "The anonymised figure was not exported" : "The figure was not exported",
                                    error + "\n\nNothing was written."});
                return;
            }
            m_note = (anonymised ? "Exported and audited " : "Exported ") + fs::path(path).filename().string() +
                     (note.empty() ? "" : " (" + note + ")");
            m_noteTime = m_ctx.timeSec;
        });
    });
}

// ------------------------------------------------------------------ [SECTION] modals

namespace {

bool beginModal(const char* name, bool& request) {
    if (request) {
        ImGui::OpenPopup(name);
        request = false;
    }
    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(380, 0), ImVec2(680, vp->Size.y - 80));
    return ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_AlwaysAutoResize);
}

std::string fileTimeText(const std::string& path) {
    std::error_code ec;
    auto ft = fs::last_write_time(path, ec);
    if (ec) return "an unknown time";
    auto sys = std::chrono::file_clock::to_sys(ft);
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(sys));
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%d %b %Y at %H:%M", &tm);
    return buf;
}

}  // namespace

void AppShell::drawChangedOnDisk(float bw) {
    auto& s = m_ctx.session;
    bool anyOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (anyOpen && !ImGui::IsPopupOpen("Changed on disk")) return;
    if (!beginModal("Changed on disk", m_askChanged)) return;
    bool gone = !fileStamp(s.path()).exists;
    ImGui::Text("%s %s since this window last read or saved it.", s.displayName().c_str(),
                gone ? "was moved or deleted" : "was changed on disk (by another window or program)");
    if (m_changedOnSave) ImGui::TextDisabled("Your save was not made: saving would overwrite that version.");
    if (s.dirty()) ImGui::TextDisabled("Reloading drops this window's unsaved edits.");
    ImGui::Spacing();
    auto done = [&] {
        ImGui::CloseCurrentPopup();
        m_changedPending = Pending::None;
    };
    if (!gone && ImGui::Button("Reload", ImVec2(bw, 0))) {
        try {
            s.reload();
            m_note = "Reloaded " + s.displayName();
            m_noteTime = m_ctx.timeSec;
        } catch (const std::exception& e) {
            m_errors.push_back({"The case could not be reloaded", e.what()});
        }
        done();
    }
    if (!gone) ImGui::SameLine();
    if (ImGui::Button("Save As...", ImVec2(bw, 0))) {
        done();
        chooseSaveAs();
    }
    ImGui::SameLine();
    if (ImGui::Button(gone ? "Save it again" : "Overwrite", ImVec2(bw, 0))) {
        ImGui::CloseCurrentPopup();
        Pending after = std::exchange(m_changedPending, Pending::None);
        if (saveNow(true) && after != Pending::None) {
            m_pending = after;
            runPending();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(m_changedOnSave ? "Cancel" : "Keep editing", ImVec2(bw, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        done();
    ImGui::EndPopup();
}

void AppShell::drawModals() {
    float bw = ImGui::GetFontSize() * 7;
    auto& s = m_ctx.session;
    watchFile();

    if (auto chosen = m_dialog.draw(m_dialogUse == DialogUse::Export ? std::function<void()>([this] { drawExportOptions(); })
                                                                      : std::function<void()>())) {
        DialogUse use = std::exchange(m_dialogUse, DialogUse::None);
        if (use == DialogUse::Open) openNow(*chosen);
        else if (use == DialogUse::Export) exportTo(*chosen);
        else if (use == DialogUse::SaveAs) {
            try {
                s.saveAs(*chosen);
                m_note = "Saved " + s.displayName();
                m_noteTime = m_ctx.timeSec;
                if (m_pending != Pending::None) runPending();   // "Save" in the unsaved-changes prompt
            } catch (const std::exception& e) {
                m_errors.push_back({"The case was not saved", std::string(e.what()) + "\n\nNothing was written."});
                m_pending = Pending::None;
            }
        }
    }
    bool anyOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);

    if (!anyOpen || ImGui::IsPopupOpen("Unsaved changes")) {
        if (beginModal("Unsaved changes", m_askUnsaved)) {
            const char* what = m_pending == Pending::Quit ? "closing" : "opening another case";
            ImGui::Text("Save the changes to %s before %s?", s.displayName().c_str(), what);
            ImGui::TextDisabled("Your edits are lost if you don't save them.");
            ImGui::Spacing();
            if (ImGui::Button("Save", ImVec2(bw, 0))) {
                ImGui::CloseCurrentPopup();
                if (s.hasFile()) {
                    if (saveNow()) runPending();
                    else m_pending = Pending::None;
                } else {
                    chooseSaveAs();   // runs the pending action once saved
                }
            }
            ImGui::SameLine();
            if (ImGui::Button("Don't save", ImVec2(bw, 0))) {
                ImGui::CloseCurrentPopup();
                runPending();
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel", ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
                ImGui::CloseCurrentPopup();
                m_pending = Pending::None;
            }
            ImGui::EndPopup();
        }
    }

    anyOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (!anyOpen || ImGui::IsPopupOpen("Recover unsaved edits?")) {
        if (beginModal("Recover unsaved edits?", m_askRecovery)) {
            ImGui::Text("%s has edits that were never saved,", s.displayName().c_str());
            ImGui::Text("autosaved on %s.", fileTimeText(m_recoveryPath).c_str());
            ImGui::TextDisabled("Recovering opens them as unsaved changes; the file itself changes only when you save.");
            ImGui::Spacing();
            if (ImGui::Button("Recover edits", ImVec2(bw, 0))) {
                try {
                    s.recoverFrom(m_recoveryPath);
                    m_note = "Recovered unsaved edits";
                    m_noteTime = m_ctx.timeSec;
                } catch (const std::exception& e) {
                    m_errors.push_back({"The edits could not be recovered", e.what()});
                }
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Discard them", ImVec2(bw, 0))) {
                s.discardRecovery();
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Decide later", ImVec2(bw, 0))) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }

    drawChangedOnDisk(bw);

    anyOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (!m_errors.empty() && (!anyOpen || ImGui::IsPopupOpen("###error"))) {
        bool request = !ImGui::IsPopupOpen("###error");
        std::string name = m_errors.front().title + "###error";
        if (beginModal(name.c_str(), request)) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
            ImGui::TextUnformatted(m_errors.front().message.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            if (ImGui::Button("OK", ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
                m_errors.pop_front();
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
    }

    anyOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (!anyOpen || ImGui::IsPopupOpen("Keyboard shortcuts")) {
        if (beginModal("Keyboard shortcuts", m_showShortcuts)) {
            const char* rows[][2] = {
                {"Ctrl+O", "Open a case"},          {"Ctrl+S", "Save (atomic; removes the autosave)"},
                {"Ctrl+Shift+S", "Save as"},         {"Ctrl+E", "Export the current figure"},
                {"Ctrl+Z", "Undo"},                  {"Ctrl+Y, Ctrl+Shift+Z", "Redo"},
                {"Ctrl+1 .. Ctrl+5", "Genogram, timeline, chronology, action plan, who knew what"},
                {"Ctrl+Q", "Quit (asks about unsaved edits)"},
                {"Wheel", "Zoom the figure about the pointer"}, {"Drag", "Pan the figure"},
                {"Click", "Select what is under the pointer"},  {"Middle double-click", "Fit the figure"},
            };
            if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
                for (auto& r : rows) {
                    ImGui::TableNextRow();
                    ImGui::TableSetColumnIndex(0);
                    ImGui::TextUnformatted(r[0]);
                    ImGui::TableSetColumnIndex(1);
                    ImGui::TextDisabled("%s", r[1]);
                }
                ImGui::EndTable();
            }
            if (ImGui::Button("Close", ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
                ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }
    anyOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (!anyOpen || ImGui::IsPopupOpen("About genochron")) {
        if (beginModal("About genochron", m_showAbout)) {
            ImGui::Text("genochron %s", GENOCHRON_VERSION);
            ImGui::TextDisabled("Genograms, chronologies and action plans for domestic homicide");
            ImGui::TextDisabled("and safeguarding reviews.");
            ImGui::Spacing();
            ImGui::Text("Dear ImGui %s, OpenGL %s", IMGUI_VERSION, reinterpret_cast<const char*>(glGetString(GL_VERSION)));
            if (ImGui::Button("Close", ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
                ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }
}

}  // namespace genochron::app
