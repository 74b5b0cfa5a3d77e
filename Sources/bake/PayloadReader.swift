import BadgeBaking
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the payload file (or standard input) without ever blocking for good: a FIFO nobody writes to, or a
/// pipe that stays open and silent, makes reading give up with an error once `timeout` has passed.
///
/// The file is opened non-blocking (opening a FIFO would otherwise wait for a writer) and read only when
/// `poll` says data or the end is there.
enum PayloadReader {
    /// Reads at most `limit` bytes from `path` (`-`: standard input) within `timeout` seconds.
    static func contents(of path: String, limit: Int, timeout: Double) throws(BadgeError) -> [UInt8] {
        let descriptor: Int32
        if path == "-" {
            descriptor = 0
        } else {
            descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw BadgeError.io("cannot open the payload file \(path): \(String(cString: strerror(errno)))")
            }
        }
        defer { if descriptor != 0 { close(descriptor) } }
        let deadline = Date().addingTimeInterval(timeout)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < limit {
            let left = deadline.timeIntervalSinceNow
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = left > 0 ? poll(&request, 1, Int32(min(left * 1000, Double(Int32.max)).rounded(.up))) : 0
            if ready < 0 {
                if errno == EINTR { continue }
                throw BadgeError.io("cannot read the payload \(path): \(String(cString: strerror(errno)))")
            }
            if ready == 0 {
                throw BadgeError.io(
                    "timed out after \(timeout) s waiting for the payload \(path == "-" ? "on standard input" : path) "
                        + "(a FIFO or pipe with no writer?); see --payload-timeout")
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min($0.count, limit - bytes.count)) }
            if count > 0 {
                bytes += buffer[0..<count]
            } else if count == 0 {
                break  // the end of the file, or the writer closed its end
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                throw BadgeError.io("cannot read the payload \(path): \(String(cString: strerror(errno)))")
            }
        }
        return bytes
    }
}
