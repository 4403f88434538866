// Every file genochron writes goes through here: a temp file in the same folder,
// fsync, (optionally) a check of what was written, rename. A crash, a full disk or a
// failed check leaves the old file (or none), never half a file.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace genochron {

// Called with the temp file's path after it is written and flushed, before it replaces
// the target. Throwing (anything) refuses the save: the temp file is removed, the target
// is untouched and the exception goes on to the caller.
using WriteCheck = std::function<void(const std::string& tempPath)>;

// Writes `bytes` to `path` atomically. When `path` is a symbolic link (or a chain of them)
// the file it points to is replaced, so the link stays a link; the mode and (where the
// system allows) the owner and group of an existing file are kept. Stale temp files of an
// earlier save that was killed are removed first (see removeStaleTempFiles).
// Throws GenochronError naming the path on any failure; the target is then untouched.
void writeFileAtomic(const std::string& path, std::string_view bytes, const WriteCheck& check = {});

// Reads a whole file; throws GenochronError naming the path.
std::string readFile(const std::string& path, std::size_t maxBytes = std::size_t(1) << 30);

// The file a save to `path` really replaces: symbolic links in the last component are
// followed (a link to a link too, up to 40; relative targets are taken from the link's
// folder); a dangling link gives the path it points to. Throws GenochronError on a loop.
std::string resolveSaveTarget(const std::string& path);

// Our temp files for `target` are `.NAME.tmp-XXXXXX` beside it. One is stale, and removed,
// when it is a regular file of ours (same owner), no live save holds its lock (every save
// holds an exclusive flock on its temp file until the rename), and it was last written
// more than `minAgeSeconds` ago (a guard for file systems where locks do not work).
// Returns how many were removed. Never throws.
int removeStaleTempFiles(const std::string& target, int minAgeSeconds = 120);

}  // namespace genochron
