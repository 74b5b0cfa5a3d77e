import Foundation
import OpenBadgesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that it appears complete or not at all: into a temporary file beside the destination,
/// optionally flushed to disk, then linked or renamed into place.
enum AtomicFile {
    /// Calls `body` with a sink on a temporary file, then moves the file to `path`.
    ///
    /// If `body` throws, or anything fails, the temporary file is removed and `path` is untouched.
    /// Without `overwrite`, an existing `path` is never replaced, even one created while `body` ran.
    /// `observer` is told the temporary file's path once it exists, and nil once it is gone or moved into place.
    static func write<Result>(
        to path: String,
        overwrite: Bool,
        flushToDisk: Bool = false,
        observer: (@Sendable (String?) -> Void)? = nil,
        _ body: (inout FileByteSink) throws(BadgeError) -> Result
    ) throws(BadgeError) -> Result {
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw BadgeError(.outputExists, "\(path) exists and overwriting was not asked for")
        }
        let (directory, name) = Self.split(path)
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(name).tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw BadgeError(.io, "cannot create a temporary file beside \(path): \(String(cString: strerror(errno)))")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var moved = false
        observer?(temporary)
        defer {
            if !moved { unlink(temporary) }
            observer?(nil)
        }
        let result: Result
        do {
            defer { close(descriptor) }
            var sink = FileByteSink(descriptor: descriptor)
            result = try body(&sink)
            guard fchmod(descriptor, mode(replacing: overwrite ? path : nil)) == 0 else {
                throw BadgeError(.io, "cannot set the mode of \(temporary): \(String(cString: strerror(errno)))")
            }
            guard !flushToDisk || fsync(descriptor) == 0 else {
                throw BadgeError(.io, "cannot flush \(temporary): \(String(cString: strerror(errno)))")
            }
        }
        if overwrite {
            guard rename(temporary, path) == 0 else {
                throw BadgeError(.io, "cannot move the output into place at \(path): \(String(cString: strerror(errno)))")
            }
        } else {
            // link(2) never replaces an existing file, so a file created meanwhile is not clobbered.
            if link(temporary, path) != 0 {
                let error = errno
                if error == EEXIST {
                    throw BadgeError(.outputExists, "\(path) exists and overwriting was not asked for")
                }
                // Some file systems have no hard links: check, then rename (a small window, but no partial file).
                if FileManager.default.fileExists(atPath: path) {
                    throw BadgeError(.outputExists, "\(path) exists and overwriting was not asked for")
                }
                if rename(temporary, path) == 0 {
                    moved = true
                    return result
                }
                throw BadgeError(.io, "cannot move the output into place at \(path): \(String(cString: strerror(error)))")
            }
            unlink(temporary)
        }
        moved = true
        return result
    }

    /// The permission bits of the output: those of the file it replaces (when `replacing` names an existing
    /// regular file), else what any new file gets, `0666` less the process's umask. Never set-user-ID,
    /// set-group-ID or sticky.
    static func mode(replacing path: String?) -> mode_t {
        if let path {
            var status = stat()
            if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG { return status.st_mode & 0o777 }
        }
        return 0o666 & ~currentUmask()
    }

    /// The process's file mode creation mask. `umask(2)` can only be read by setting it, so it is set and put
    /// back under a lock (on Linux it is read from `/proc/self/status` instead, which changes nothing).
    static func currentUmask() -> mode_t {
        #if os(Linux)
            if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
                let value = mode_t(line.dropFirst("Umask:".count).trimmingWhitespace(newlines: false), radix: 8)
            {
                return value
            }
        #endif
        return umaskLock.withLock {
            let mask = umask(0o022)
            umask(mask)
            return mask
        }
    }

    private static let umaskLock = Lock()

    /// `path`'s folder (empty when it names none; `/` for the root) and its last component.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        return (directory, String(path[path.index(after: slash)...]))
    }
}
