#include "app/session/session.hpp"

#include "core/io/case_io.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

namespace genochron::app {

CaseSession::CaseSession(EventBus& bus) : m_bus(bus) { newCase(); }

void CaseSession::newCase() {
    m_case = Case{};
    m_case.info.title = "Untitled review";
    m_path.clear();
    m_loadDiagnostics = Diagnostics{};
    m_history.clear();
    m_lock.release();
    m_stamp = {};
    m_autosaver.setCasePath({});
    changed(true);
}

void CaseSession::attach(const std::string& path) {
    if (path != m_path || !m_lock.held()) {
        m_lock.release();   // first: our own flock would make the new lock look taken
        m_lock = CaseLock::acquire(path);
    }
    m_path = path;
    m_autosaver.setCasePath(m_path, m_lock.state() == CaseLock::State::HeldByOther
                                        ? autosavePathFor(m_path, static_cast<long>(::getpid()))
                                        : std::string());
}

void CaseSession::open(const std::string& path) {
    const FileStamp stamp = fileStamp(path);   // before reading: a change while it is read counts as a change
    auto res = loadCaseFile(path);
    if (!res.model) {
        std::string msg;
        for (auto& d : res.diagnostics.items())
            if (d.severity == Severity::Error) msg += formatDiagnostic(d) + "\n";
        throw GenochronError(msg.empty() ? "the file could not be read as a case" : msg);
    }
    m_case = std::move(*res.model);
    m_loadDiagnostics = std::move(res.diagnostics);
    m_history.clear();
    m_stamp = stamp;
    attach(path);
    changed(true);
}

void CaseSession::recoverFrom(const std::string& autosavePath) {
    auto res = loadCaseFile(autosavePath);
    if (!res.model) throw GenochronError("the autosave could not be read; the case file is unchanged", autosavePath);
    m_case = std::move(*res.model);
    m_loadDiagnostics = std::move(res.diagnostics);
    m_history.clear();
    m_history.markUnsaved();
    changed(true);
}

bool CaseSession::changedOnDisk() const { return !m_path.empty() && !(fileStamp(m_path) == m_stamp); }

std::optional<std::string> CaseSession::recovery() const {
    if (m_path.empty() || m_lock.state() == CaseLock::State::HeldByOther) return std::nullopt;
    return findRecovery(m_path);
}

void CaseSession::discardRecovery() {
    if (m_lock.state() != CaseLock::State::HeldByOther) discardAutosave(m_path);
}

void CaseSession::save(bool overwriteChanged) {
    if (m_path.empty()) throw GenochronError("the case has no file yet; use Save As");
    if (!overwriteChanged && changedOnDisk())
        throw ChangedOnDisk("the file changed on disk after it was opened (another window or program saved it)",
                            m_path);
    saveCaseFile(m_case, m_path);
    m_stamp = fileStamp(m_path);
    m_history.markClean();
    m_autosaver.onSaved();
}

void CaseSession::saveAs(const std::string& path) {
    saveCaseFile(m_case, path);
    m_autosaver.onSaved();   // this window's autosave of the old file
    m_stamp = fileStamp(path);
    attach(path);
    m_history.markClean();
}

bool CaseSession::execute(std::unique_ptr<Command> cmd) {
    auto out = m_history.execute(m_case, std::move(cmd));
    if (!out.applied) {
        std::string msg = out.message;
        for (std::size_t i = 1; i < out.diagnostics.size() && i < 6; ++i) msg += "\n" + out.diagnostics[i].message;
        m_bus.post(ShowError{"The edit was not made", msg});
        return false;
    }
    changed(false);
    return true;
}

void CaseSession::undo() {
    if (!m_history.canUndo()) return;
    m_history.undo(m_case);
    changed(false);
}

void CaseSession::redo() {
    if (!m_history.canRedo()) return;
    m_history.redo(m_case);
    changed(false);
}

std::string CaseSession::displayName() const {
    return m_path.empty() ? std::string("Untitled") : std::filesystem::path(m_path).filename().string();
}

const AnonymisedCase* CaseSession::anonymised(std::string* error) {
    if (m_anonRevision != revision()) {
        m_anonRevision = revision();
        m_anon.reset();
        m_anonError.clear();
        try {
            m_anon = std::make_unique<AnonymisedCase>(anonymise(m_case));
        } catch (const std::exception& e) {
            m_anonError = e.what();
        }
    }
    if (error) *error = m_anonError;
    return m_anon.get();
}

std::optional<std::string> CaseSession::tickAutosave() {
    if (!m_autosaver.tick(m_case, dirty(), revision())) {
        if (!m_autosaver.lastError().empty()) {
            std::string e = "Autosave failed: " + m_autosaver.lastError();
            if (e != m_lastAutosaveError) {
                m_lastAutosaveError = e;
                return e;
            }
        }
        return std::nullopt;
    }
    m_lastAutosaveError.clear();
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return fmt::format("Autosaved at {:02}:{:02}", tm.tm_hour, tm.tm_min);
}

void CaseSession::changed(bool newFile) {
    if (newFile) ++m_epoch;
    m_bus.post(CaseChanged{revision(), newFile});
}

}  // namespace genochron::app
