#include "core/io/case_lock.hpp"

#include "core/io/atomic_file.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace genochron {

namespace fs = std::filesystem;

namespace {

std::string realTarget(const std::string& path) {
    try {
        return resolveSaveTarget(path);
    } catch (...) {
        return path;   // a link loop: the save will say so
    }
}

std::string hostName() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) return "unknown-host";
    return buf;
}

std::string userName() {
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
    return std::to_string(::geteuid());
}

bool processAlive(long pid) {
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

std::string readAll(int fd) {
    std::string out;
    char buf[512];
    for (;;) {
        ssize_t n = ::pread(fd, buf, sizeof buf, static_cast<off_t>(out.size()));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || out.size() > 8192) break;
        out.append(buf, std::size_t(n));
    }
    return out;
}

bool parseOwner(const std::string& text, LockOwner& o) {
    if (text.rfind("genochron lock\n", 0) != 0) return false;
    bool havePid = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        auto colon = line.find(": ");
        if (colon == std::string::npos) continue;
        std::string k = line.substr(0, colon), v = line.substr(colon + 2);
        try {
            if (k == "pid") { o.pid = std::stol(v); havePid = true; }
            else if (k == "host") o.host = v;
            else if (k == "user") o.user = v;
            else if (k == "since") o.sinceUnix = std::stoll(v);
        } catch (...) {
            return false;
        }
    }
    return havePid;
}

bool sameFile(const std::string& path, int fd) {
    struct stat a {}, b {};
    return ::lstat(path.c_str(), &a) == 0 && ::fstat(fd, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

}  // namespace

FileStamp fileStamp(const std::string& path) {
    FileStamp s;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return s;   // stat follows links, as a save does
    s.exists = true;
    s.device = st.st_dev;
    s.inode = st.st_ino;
    s.size = std::uint64_t(st.st_size);
    s.mtimeNs = std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return s;
}

std::string LockOwner::describe() const {
    std::string when;
    if (sinceUnix > 0) {
        std::time_t t = static_cast<std::time_t>(sinceUnix);
        std::tm tm{};
        localtime_r(&t, &tm);
        when = fmt::format(", since {:04}-{:02}-{:02} {:02}:{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                           tm.tm_hour, tm.tm_min);
    }
    if (pid <= 0) return "another program (its lock file cannot be read)";
    return fmt::format("process {}{} on {}{}", pid, user.empty() ? "" : " of " + user, host.empty() ? "?" : host, when);
}

std::string lockPathFor(const std::string& casePath) {
    fs::path p(realTarget(casePath));
    return (p.parent_path() / ("." + p.filename().string() + ".lock")).string();
}

bool readLockOwner(const std::string& lockPath, LockOwner& out) {
    int fd = ::open(lockPath.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = parseOwner(readAll(fd), out);
    ::close(fd);
    return ok;
}

CaseLock::~CaseLock() { release(); }

CaseLock::CaseLock(CaseLock&& o) noexcept { *this = std::move(o); }

CaseLock& CaseLock::operator=(CaseLock&& o) noexcept {
    if (this == &o) return *this;
    release();
    m_state = o.m_state;
    m_fd = o.m_fd;
    m_path = std::move(o.m_path);
    m_device = o.m_device;
    m_inode = o.m_inode;
    m_other = std::move(o.m_other);
    m_staleRemoved = o.m_staleRemoved;
    m_error = std::move(o.m_error);
    o.m_fd = -1;
    o.m_state = State::None;
    return *this;
}

CaseLock CaseLock::acquire(const std::string& casePath, bool takeOver) {
    CaseLock lock;
    lock.m_path = lockPathFor(casePath);
    const std::string& lp = lock.m_path;
    const std::string host = hostName();
    for (int attempt = 0; attempt < 4; ++attempt) {
        int fd = ::open(lp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ::flock(fd, LOCK_EX | LOCK_NB);   // new, so free: held until release or exit
            std::string text = fmt::format("genochron lock\npid: {}\nhost: {}\nuser: {}\nsince: {}\n", ::getpid(),
                                           host, userName(), static_cast<long long>(std::time(nullptr)));
            std::size_t off = 0;
            while (off < text.size()) {
                ssize_t n = ::write(fd, text.data() + off, text.size() - off);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                off += std::size_t(n);
            }
            struct stat st {};
            ::fstat(fd, &st);
            lock.m_fd = fd;
            lock.m_device = st.st_dev;
            lock.m_inode = st.st_ino;
            lock.m_state = State::Held;
            return lock;
        }
        if (errno != EEXIST) {
            lock.m_state = State::Unavailable;
            lock.m_error = fmt::format("cannot write {}: {}", lp, std::strerror(errno));
            return lock;
        }
        int ofd = ::open(lp.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (ofd < 0) {
            if (errno == ENOENT) continue;   // released meanwhile: try again
            lock.m_state = State::Unavailable;
            lock.m_error = fmt::format("cannot read {}: {}", lp, std::strerror(errno));
            return lock;
        }
        LockOwner owner;
        const bool parsed = parseOwner(readAll(ofd), owner);
        // A live owner holds LOCK_EX on it; the system drops that when the process ends.
        const bool flockFree = ::flock(ofd, LOCK_EX | LOCK_NB) == 0;
        bool stale = false;
        if (flockFree) {
            if (!parsed) {
                // Half written (its owner between create and write) or not ours: stale once old.
                struct stat st {};
                stale = ::fstat(ofd, &st) == 0 && std::time(nullptr) - st.st_mtime > 30;
            } else if (owner.host == host) {
                stale = owner.pid == ::getpid() || !processAlive(owner.pid);
            }
            // Another host: its process cannot be checked from here, so it counts as live.
        }
        if (stale || takeOver) {
            // Remove it only if the name still means the file we looked at.
            if (sameFile(lp, ofd)) ::unlink(lp.c_str());
            ::close(ofd);
            lock.m_other = owner;
            lock.m_staleRemoved = lock.m_staleRemoved || stale;
            continue;
        }
        ::close(ofd);
        lock.m_state = State::HeldByOther;
        lock.m_other = owner;
        return lock;
    }
    lock.m_state = State::Unavailable;
    lock.m_error = fmt::format("{} keeps changing; cannot take the lock", lp);
    return lock;
}

void CaseLock::release() {
    if (m_fd >= 0) {
        struct stat st {};
        // Only our own file: after a take-over the name belongs to the other window.
        if (::lstat(m_path.c_str(), &st) == 0 && st.st_dev == m_device && st.st_ino == m_inode)
            ::unlink(m_path.c_str());
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_state == State::Held) m_state = State::None;
}

}  // namespace genochron
