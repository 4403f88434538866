// Two windows (or a window and the command line) on one case: who has it open, and has
// the file changed since it was read.
//
// A window that opens a case holds a lock file beside it, `<dir>/.<name>.lock` (for
// `ashford.yaml`: `.ashford.yaml.lock`), naming its process, host, user and since when,
// and keeps an exclusive flock on it for as long as it is open. A second window finds the
// file, sees the lock held and warns; a lock whose owner is gone (killed, crashed, power
// cut) is stale: its flock is free or (same host) its process no longer exists, and it is
// taken over silently. Locks are advisory: nothing stops another program writing the file,
// which is why a save also compares the file's identity and modification time
// (FileStamp) with those it had when it was read.
#pragma once
#include <cstdint>
#include <string>

namespace genochron {

// What identifies the content of a file on disk without reading it: an atomic save
// (rename) gives a new inode, an editor writing in place a new size or modification time.
struct FileStamp {
    bool exists = false;
    std::uint64_t device = 0, inode = 0, size = 0;
    std::int64_t mtimeNs = 0;
    bool operator==(const FileStamp&) const = default;
};

// The stamp of the file a save to `path` would replace (symbolic links followed).
// Never throws: a file that cannot be looked at has exists == false.
FileStamp fileStamp(const std::string& path);

// Who holds a lock, as written in its file.
struct LockOwner {
    long pid = 0;
    std::string host, user;
    std::int64_t sinceUnix = 0;   // when it was taken
    std::string describe() const;   // "process 4123 of sam on host-1, since 2026-12-07 11:02"
};

// `/cases/ashford.yaml` -> `/cases/.ashford.yaml.lock` (beside the file links point to).
std::string lockPathFor(const std::string& casePath);

class CaseLock {
public:
    enum class State {
        None,       // not tried (an untitled case), or released
        Held,       // ours
        HeldByOther,   // a live owner (this host), or an owner on another host we cannot check
        Unavailable,   // no lock could be written (a read-only folder): nobody is warned
    };

    CaseLock() = default;
    ~CaseLock();
    CaseLock(CaseLock&& o) noexcept;
    CaseLock& operator=(CaseLock&& o) noexcept;
    CaseLock(const CaseLock&) = delete;
    CaseLock& operator=(const CaseLock&) = delete;

    // Takes the lock of `casePath`, removing a stale one first (staleRemoved() then says
    // whose it was). `takeOver` replaces even a live lock ("open it here anyway": the
    // other window then no longer holds it). Never throws.
    static CaseLock acquire(const std::string& casePath, bool takeOver = false);

    State state() const { return m_state; }
    bool held() const { return m_state == State::Held; }
    // HeldByOther: the owner; Held after a stale lock was removed: the stale owner.
    const LockOwner& other() const { return m_other; }
    bool staleRemoved() const { return m_staleRemoved; }
    const std::string& error() const { return m_error; }   // Unavailable: why
    const std::string& path() const { return m_path; }

    // Lets go of it (removes the lock file if it is still ours). Never throws.
    void release();

private:
    State m_state = State::None;
    int m_fd = -1;
    std::string m_path;
    std::uint64_t m_device = 0, m_inode = 0;
    LockOwner m_other;
    bool m_staleRemoved = false;
    std::string m_error;
};

// Reads a lock file; false when it is missing or not one of ours.
bool readLockOwner(const std::string& lockPath, LockOwner& out);

}  // namespace genochron
