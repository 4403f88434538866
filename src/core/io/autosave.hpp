// Autosave and recovery: unsaved edits survive a crash or a power cut.
// The autosave sits next to the case as a hidden file, `<dir>/.<stem>.autosave.yaml`,
// written atomically (saveCaseFile) so a crash during autosave cannot spoil it either.
#pragma once
#include "core/model/model.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace genochron {

// `/cases/ashford.yaml` -> `/cases/.ashford.autosave.yaml`.
std::string autosavePathFor(const std::string& casePath);
// A window that does not hold the case's lock (CaseLock: the case is open in another
// window too) autosaves to a file of its own, `/cases/.ashford.autosave-<pid>.yaml`, so
// neither window recovers, overwrites or deletes the other's autosave.
std::string autosavePathFor(const std::string& casePath, long pid);

// An autosave newer than its case file (or one whose case file has gone): there are
// edits the user never saved. Returns the autosave's path.
std::optional<std::string> findRecovery(const std::string& casePath);

// Deletes the autosave of `casePath` if there is one (after a clean save, or when the
// user declines recovery). Never throws: a stale autosave is a nuisance, not a loss.
void discardAutosave(const std::string& casePath);

class Autosaver {
public:
    using Clock = std::chrono::steady_clock;

    explicit Autosaver(std::chrono::seconds interval = std::chrono::seconds(60)) : m_interval(interval) {}

    // The case file the autosave belongs to; empty = an untitled case (no autosave).
    // `autosavePath` empty: the shared autosavePathFor(path).
    void setCasePath(std::string path, std::string autosavePath = {});
    const std::string& casePath() const { return m_casePath; }
    const std::string& autosavePath() const { return m_autosavePath; }

    // Call often (every frame is fine). Writes when the case is dirty, has changed since
    // the last autosave, and `interval` has passed since it first changed. Returns true
    // when it wrote. A failed write is kept in lastError() and retried an interval later.
    bool tick(const Case& c, bool dirty, std::uint64_t revision, Clock::time_point now = Clock::now());

    // The case was saved for real: the autosave (this window's) is no longer needed.
    void onSaved();

    const std::string& lastError() const { return m_lastError; }

private:
    std::chrono::seconds m_interval;
    std::string m_casePath;
    std::string m_autosavePath;
    std::optional<std::uint64_t> m_writtenRevision;
    std::optional<std::uint64_t> m_pendingRevision;
    Clock::time_point m_pendingSince{};
    std::string m_lastError;
};

}  // namespace genochron
