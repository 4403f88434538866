#include "core/io/atomic_file.hpp"

#include "core/model/diagnostics.hpp"

#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace genochron {

namespace fs = std::filesystem;

namespace {

std::string errnoText(int err) { return std::strerror(err); }

bool isTempNameFor(const std::string& name, const std::string& targetName) {
    const std::string prefix = "." + targetName + ".tmp-";
    if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) return false;
    for (std::size_t i = prefix.size(); i < name.size(); ++i) {
        char c = name[i];
        bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum) return false;   // mkstemp's six characters
    }
    return true;
}

}  // namespace

std::string resolveSaveTarget(const std::string& path) {
    fs::path p(path);
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p.string();
        std::string buf(PATH_MAX, '\0');
        ssize_t n = ::readlink(p.c_str(), buf.data(), buf.size());
        if (n < 0) throw GenochronError("cannot read the symbolic link: " + errnoText(errno), path);
        buf.resize(std::size_t(n));
        fs::path t(buf);
        p = t.is_absolute() ? t : (p.has_parent_path() ? p.parent_path() : fs::path(".")) / t;
    }
    throw GenochronError("too many levels of symbolic links (a loop?)", path);
}

int removeStaleTempFiles(const std::string& target, int minAgeSeconds) {
    fs::path t(target);
    fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
    const std::string targetName = t.filename().string();
    if (targetName.empty()) return 0;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return 0;
    int removed = 0;
    const std::time_t now = std::time(nullptr);
    while (dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (!isTempNameFor(name, targetName)) continue;
        fs::path p = dir / name;
        int fd = ::open(p.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) continue;   // a symbolic link (O_NOFOLLOW), gone, or not ours to read
        struct stat st {};
        bool stale = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
                     now - st.st_mtime > minAgeSeconds;
        // A save in progress holds LOCK_EX on its temp file; a killed one holds nothing.
        if (stale && ::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            struct stat again {};
            // Still the same file under that name (not replaced while we looked)?
            if (::lstat(p.c_str(), &again) == 0 && again.st_dev == st.st_dev && again.st_ino == st.st_ino &&
                ::unlink(p.c_str()) == 0)
                ++removed;
        }
        ::close(fd);
    }
    ::closedir(d);
    return removed;
}

void writeFileAtomic(const std::string& requested, std::string_view bytes, const WriteCheck& check) {
    const std::string path = resolveSaveTarget(requested);
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    removeStaleTempFiles(path);
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw GenochronError("cannot create a file in the folder: " + errnoText(errno), requested);
    ::flock(fd, LOCK_EX);   // ours until the rename: removeStaleTempFiles leaves it alone
    bool open = true;
    auto discard = [&] {
        if (open) ::close(fd);
        open = false;
        ::unlink(tmpl.c_str());
    };
    auto fail = [&](const std::string& what) {
        int err = errno;
        discard();
        throw GenochronError(what + ": " + errnoText(err), requested);
    };
    std::size_t off = 0;
    while (off < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write");
        }
        off += std::size_t(n);
    }
    // Keep the permissions, owner and group an existing file had; new files get the usual 0644.
    struct stat st {};
    const bool existed = ::stat(path.c_str(), &st) == 0;
    if (existed && !S_ISREG(st.st_mode)) {
        errno = EISDIR;
        fail("cannot replace something that is not a regular file");
    }
    mode_t mode = existed ? (st.st_mode & 07777) : 0644;
    if (existed && (st.st_uid != ::geteuid() || st.st_gid != ::getegid())) {
        // Another user's file in a folder we may write: keep its owner if we may (root),
        // else at least its group (when we belong to it). Never fail the save over it.
        if (::fchown(fd, st.st_uid, st.st_gid) != 0 && ::fchown(fd, uid_t(-1), st.st_gid) != 0) {
            mode &= ~mode_t(S_ISUID | S_ISGID);
        }
    }
    if (::fchmod(fd, mode) != 0) fail("cannot set permissions");
    if (::fsync(fd) != 0) fail("cannot flush to disk");
    if (check) {
        try {
            check(tmpl);
        } catch (...) {
            discard();
            throw;
        }
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) fail("cannot replace the file");
    ::close(fd);   // the lock goes with it
    open = false;
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);   // make the rename itself durable
        ::close(dfd);
    }
}

std::string readFile(const std::string& path, std::size_t maxBytes) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw GenochronError("is a folder, not a file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw GenochronError(std::string("cannot open: ") + std::strerror(errno), path);
    auto size = fs::file_size(path, ec);
    if (!ec && size > maxBytes)
        throw GenochronError("the file is too large (" + std::to_string(size) + " bytes; the limit is " +
                                 std::to_string(maxBytes) + ")",
                             path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace genochron
