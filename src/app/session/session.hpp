// The open case: model, undo history, file path, load diagnostics, autosave. No ImGui:
// views read it and change it only through edit commands.
#pragma once
#include "app/session/events.hpp"
#include "core/io/autosave.hpp"
#include "core/io/case_lock.hpp"
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

    // Atomic; throws GenochronError (nothing written) on failure, and ChangedOnDisk when
    // the file is no longer the one that was read (another window or program saved it)
    // unless `overwriteChanged`.
    struct ChangedOnDisk : GenochronError {
        using GenochronError::GenochronError;
    };
    void save(bool overwriteChanged = false);
    void saveAs(const std::string& path);
    // Reads the case's file again (its edits are dropped).
    void reload() { open(m_path); }

    // Another window or program changed (or removed) the file since it was read or saved.
    bool changedOnDisk() const;
    // The case's lock (CaseLock): HeldByOther when it is open in another window too; this
    // window then autosaves to a file of its own and offers no recovery of the other's.
    const CaseLock& lock() const { return m_lock; }
    // The autosave to offer for recovery, if any (never another live window's).
    std::optional<std::string> recovery() const;
    void discardRecovery();

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
    void setAutosaveInterval(std::chrono::seconds s) {
        std::string a = m_autosaver.autosavePath();
        m_autosaver = Autosaver(s);
        m_autosaver.setCasePath(m_path, a);
    }

private:
    void changed(bool newFile);
    void attach(const std::string& path);   // lock, stamp and autosave of the case's file

    EventBus& m_bus;
    Case m_case;
    EditHistory m_history;
    std::string m_path;
    Diagnostics m_loadDiagnostics;
    Autosaver m_autosaver;
    CaseLock m_lock;
    FileStamp m_stamp;   // of the file as read or last saved
    std::string m_lastAutosaveError;   // shown once, not every frame
    std::uint64_t m_epoch = 0;   // bumps on open so revisions never repeat across files

    std::uint64_t m_anonRevision = ~0ull;
    std::unique_ptr<AnonymisedCase> m_anon;
    std::string m_anonError;
};

}  // namespace genochron::app
