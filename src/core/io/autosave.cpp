#include "core/io/autosave.hpp"

#include "core/io/case_io.hpp"
#include "core/model/diagnostics.hpp"

#include <filesystem>

namespace genochron {

namespace fs = std::filesystem;

std::string autosavePathFor(const std::string& casePath) {
    fs::path p(casePath);
    return (p.parent_path() / ("." + p.stem().string() + ".autosave.yaml")).string();
}

std::string autosavePathFor(const std::string& casePath, long pid) {
    fs::path p(casePath);
    return (p.parent_path() / ("." + p.stem().string() + ".autosave-" + std::to_string(pid) + ".yaml")).string();
}

std::optional<std::string> findRecovery(const std::string& casePath) {
    if (casePath.empty()) return std::nullopt;
    std::error_code ec;
    std::string autoPath = autosavePathFor(casePath);
    auto autoTime = fs::last_write_time(autoPath, ec);
    if (ec) return std::nullopt;   // no autosave
    auto caseTime = fs::last_write_time(casePath, ec);
    if (ec || autoTime > caseTime) return autoPath;
    return std::nullopt;
}

void discardAutosave(const std::string& casePath) {
    if (casePath.empty()) return;
    std::error_code ec;
    fs::remove(autosavePathFor(casePath), ec);
}

void Autosaver::setCasePath(std::string path, std::string autosavePath) {
    m_casePath = std::move(path);
    m_autosavePath = autosavePath.empty() && !m_casePath.empty() ? autosavePathFor(m_casePath) : std::move(autosavePath);
    m_writtenRevision.reset();
    m_pendingRevision.reset();
    m_lastError.clear();
}

bool Autosaver::tick(const Case& c, bool dirty, std::uint64_t revision, Clock::time_point now) {
    if (m_casePath.empty() || !dirty) {
        m_pendingRevision.reset();
        return false;
    }
    if (m_writtenRevision == revision) return false;
    // The interval runs from the first change not yet autosaved, so steady typing still
    // gets saved every interval rather than postponed for ever.
    if (!m_pendingRevision) {
        m_pendingRevision = revision;
        m_pendingSince = now;
    }
    if (now - m_pendingSince < m_interval) return false;
    try {
        saveCaseFile(c, m_autosavePath);
        m_writtenRevision = revision;
        m_lastError.clear();
        m_pendingRevision.reset();
        return true;
    } catch (const GenochronError& e) {
        m_lastError = e.what();
        m_pendingSince = now;   // retry an interval later, not every frame
        return false;
    }
}

void Autosaver::onSaved() {
    if (!m_autosavePath.empty()) {
        std::error_code ec;
        fs::remove(m_autosavePath, ec);
    }
    m_writtenRevision.reset();
    m_pendingRevision.reset();
}

}  // namespace genochron
