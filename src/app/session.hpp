// The open case: model, undo history, file path, load diagnostics, autosave. No ImGui:
// views read it and change it only through edit commands.
#pragma once
#include "app/events.hpp"
#include "core/io/autosave.hpp"
#include "core/model/diagnostics.hpp"
#include "core/model/edit.hpp"
#include "core/model/model.hpp"
#include "core/anonymise/view_case.hpp"

#include <memory>
#include <optional>
#include <string>

namespace genochron::app {

class CaseSession {
public:
    explicit CaseSession(EventBus& bus);

    // Replaces the session with the case at `path`. A case that does not load at all
    // throws GenochronError (the current case stays); a case with validation errors opens
    // for repair and says so through the load diagnostics.
    void open(const std::string& path);
    // Replaces the model with a recovered autosave; the file path stays, the case is dirty.
    void recoverFrom(const std::string& autosavePath);
    void newCase();

    // Atomic; throws GenochronError (nothing written) on failure.
    void save();
    void saveAs(const std::string& path);

    // Runs an edit. Refused edits post ShowError and leave the case as it was.
    bool execute(std::unique_ptr<Command> cmd);
    void undo();
    void redo();
    void sealMerge() { m_history.sealMerge(); }

    const Case& model() const { return m_case; }
    const EditHistory& history() const { return m_history; }
    const std::string& path() const { return m_path; }
    bool hasFile() const { return !m_path.empty(); }
    bool dirty() const { return m_history.dirty(); }
    std::uint64_t revision() const { return m_history.revision() + m_epoch; }
    const Diagnostics& loadDiagnostics() const { return m_loadDiagnostics; }
    std::string displayName() const;   // file name, or "Untitled"

    // The anonymised case for previews and exports, made once per revision. Null and
    // `error` set when anonymise() refuses.
    const AnonymisedCase* anonymised(std::string* error);

    // Call every frame: autosaves when due; returns the note to show, if any.
    std::optional<std::string> tickAutosave();
    void setAutosaveInterval(std::chrono::seconds s) { m_autosaver = Autosaver(s); m_autosaver.setCasePath(m_path); }

private:
    void changed(bool newFile);

    EventBus& m_bus;
    Case m_case;
    EditHistory m_history;
    std::string m_path;
    Diagnostics m_loadDiagnostics;
    Autosaver m_autosaver;
    std::string m_lastAutosaveError;   // shown once, not every frame
    std::uint64_t m_epoch = 0;   // bumps on open so revisions never repeat across files

    std::uint64_t m_anonRevision = ~0ull;
    std::unique_ptr<AnonymisedCase> m_anon;
    std::string m_anonError;
};

}  // namespace genochron::app
