#include "core/io/atomic_file.hpp"

#include "core/model/diagnostics.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace genochron {

namespace fs = std::filesystem;

void writeFileAtomic(const std::string& path, std::string_view bytes) {
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw GenochronError(std::string("cannot create a file in the folder: ") + std::strerror(errno), path);
    auto fail = [&](const char* what) {
        int err = errno;
        ::close(fd);
        ::unlink(tmpl.c_str());
        throw GenochronError(std::string(what) + ": " + std::strerror(err), path);
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
    // Keep the permissions an existing file had; new files get the usual 0644.
    struct stat st {};
    mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    if (::fchmod(fd, mode) != 0) fail("cannot set permissions");
    if (::fsync(fd) != 0) fail("cannot flush to disk");
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(tmpl.c_str());
        throw GenochronError(std::string("cannot close: ") + std::strerror(err), path);
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmpl.c_str());
        throw GenochronError(std::string("cannot replace the file: ") + std::strerror(err), path);
    }
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
