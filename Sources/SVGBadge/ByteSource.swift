import Zlib

/// Pulls document bytes from the caller in pieces, enforcing the input size limit and
/// transparently inflating gzip (`.svgz`, magic bytes 1F 8B) with a size cap.
final class ByteSource {
    private let next: () throws -> [UInt8]?
    private let limits: SVGBadgeLimits
    private var rawCount = 0
    private var started = false
    private var inputDone = false
    private var gzip: GzipStage?
    /// Compressed bytes not fed to the inflater yet.
    private var compressed: [UInt8] = []

    /// Creates a source over a chunk reader that returns `nil` at the end.
    init(limits: SVGBadgeLimits, next: @escaping () throws -> [UInt8]?) {
        self.limits = limits
        self.next = next
    }

    /// The next non-empty piece of XML bytes, or `nil` at the end of the document.
    func read() throws -> [UInt8]? {
        if !started {
            started = true
            var head: [UInt8] = []
            while head.count < 2, let chunk = try pull() { head += chunk }
            guard head.count >= 2, head[0] == 0x1F, head[1] == 0x8B else { return head.isEmpty ? nil : head }
            do { gzip = try GzipStage(limit: limits.maximumInflatedBytes) } catch { throw Self.map(error, limit: limits.maximumInflatedBytes) }
            compressed = head
        }
        guard let gzip else { return try pull() }
        while true {
            if compressed.isEmpty {
                guard let chunk = try pull() else {
                    guard gzip.inflater.isFinished else {
                        throw SVGBadgeError(code: .corruptCompression, offset: nil, message: "gzip data ends before its end marker")
                    }
                    return nil
                }
                compressed = chunk
            }
            // Feed small slices so each call hands back a bounded amount of inflated data.
            let slice = Array(compressed.prefix(16 * 1024))
            compressed.removeFirst(slice.count)
            var output: [UInt8] = []
            do {
                try gzip.inflater.feed(slice) { piece throws(ZlibError) in output += piece }
            } catch {
                throw Self.map(error, limit: limits.maximumInflatedBytes)
            }
            if !output.isEmpty { return output }
        }
    }

    private func pull() throws -> [UInt8]? {
        while !inputDone {
            guard let chunk = try next() else {
                inputDone = true
                return nil
            }
            guard !chunk.isEmpty else { continue }
            rawCount += chunk.count
            guard rawCount <= limits.maximumDocumentBytes else {
                throw SVGBadgeError(
                    code: .documentTooLarge, offset: limits.maximumDocumentBytes,
                    message: "input exceeds the limit of \(limits.maximumDocumentBytes) bytes")
            }
            return chunk
        }
        return nil
    }

    /// The SVG error for a zlib failure while inflating up to `limit` bytes.
    static func map(_ error: ZlibError, limit: Int) -> SVGBadgeError {
        if error.code == .outputLimitExceeded {
            return SVGBadgeError(code: .inflatedTooLarge, offset: limit, message: "inflated SVG exceeds the limit of \(limit) bytes")
        }
        return SVGBadgeError(code: .corruptCompression, offset: nil, message: "gzip data: \(error.reason)")
    }
}

/// Holds the non-copyable inflater.
private final class GzipStage {
    var inflater: Inflater
    init(limit: Int) throws(ZlibError) { inflater = try Inflater(container: .gzip, limit: limit) }
}
