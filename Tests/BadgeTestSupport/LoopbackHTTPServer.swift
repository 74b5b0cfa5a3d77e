import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1 for the tests and the benchmark (not a product): started on a free
/// port, serving canned routes, stopped with ``stop()``. Each connection is answered on its own thread, so a
/// slow route does not hold up others.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// What a route answers.
    public struct Response: Sendable {
        /// The HTTP status.
        public var status = 200
        /// The `Content-Type`, or nil to send none.
        public var contentType: String? = "application/ld+json"
        /// Other headers.
        public var headers: [String: String] = [:]
        /// The body.
        public var body = Data()
        /// Seconds to wait before answering.
        public var delay: TimeInterval = 0
        /// When above zero, the body is sent one byte at a time with this many seconds between bytes, after
        /// the headers (a slow-body, "slowloris"-style server). The server stops when the client hangs up.
        public var secondsPerByte: TimeInterval = 0
        /// Whether a `Content-Length` header is sent. Without one the body ends when the server closes the
        /// connection, so a client learns its size only as it streams in.
        public var sendsContentLength = true

        /// A JSON (or other text) response.
        public static func json(_ text: String, status: Int = 200, contentType: String? = "application/ld+json") -> Response {
            Response(status: status, contentType: contentType, body: Data(text.utf8))
        }

        /// A body of `count` bytes trickled one byte per `secondsPerByte` seconds, after prompt headers.
        public static func trickle(count: Int, secondsPerByte: TimeInterval = 1, contentType: String? = "application/json") -> Response {
            Response(contentType: contentType, body: Data(repeating: 0x20, count: count), secondsPerByte: secondsPerByte)
        }

        /// A redirect.
        public static func redirect(to location: String, status: Int = 302) -> Response {
            Response(status: status, contentType: nil, headers: ["Location": location])
        }
    }

    private let socket: Int32
    /// The port it listens on.
    public let port: Int
    private let lock = NSLock()
    private var routes: [String: Response] = [:]
    private var hits: [String: Int] = [:]
    private var connections = 0
    private var running = true

    /// The server's base URL, e.g. `http://127.0.0.1:49152`.
    public var base: String { "http://127.0.0.1:\(port)" }

    /// Starts listening on a free port of 127.0.0.1.
    public init() throws {
        #if canImport(Glibc)
            let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        socket = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Serves `response` at `path`.
    public func route(_ path: String, _ response: Response) {
        lock.withLock { routes[path] = response }
    }

    /// How many requests `path` received.
    public func hitCount(_ path: String) -> Int { lock.withLock { hits[path, default: 0] } }

    /// How many requests the server received, on any path.
    public var requestCount: Int { lock.withLock { hits.values.reduce(0, +) } }

    /// How many connections the server accepted, whether or not a request followed.
    public var connectionCount: Int { lock.withLock { connections } }

    /// Stops listening.
    public func stop() {
        let wasRunning = lock.withLock { () -> Bool in
            defer { running = false }
            return running
        }
        if wasRunning {
            shutdown(socket, Int32(SHUT_RDWR))
            close(socket)
        }
    }

    private func acceptLoop() {
        while lock.withLock({ running }) {
            let client = accept(socket, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            lock.withLock { connections += 1 }
            #if canImport(Darwin)
                var yes: Int32 = 1
                setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
            #endif
            Thread.detachNewThread { [self] in handle(client) }
        }
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var request = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.contains("\r\n\r\n".data(using: .utf8)!) && request.count < 65536 {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { return }
            request.append(contentsOf: buffer[..<count])
        }
        let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2 else { return }
        let path = String(line[1])
        let response = lock.withLock { () -> Response in
            hits[path, default: 0] += 1
            return routes[path] ?? Response.json("{\"error\": \"not found\"}", status: 404, contentType: "application/json")
        }
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\nConnection: close\r\n"
        if response.sendsContentLength { head += "Content-Length: \(response.body.count)\r\n" }
        if let type = response.contentType { head += "Content-Type: \(type)\r\n" }
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        if response.secondsPerByte > 0 {
            guard send(client, Data(head.utf8)) else { return }
            for byte in response.body {
                Thread.sleep(forTimeInterval: response.secondsPerByte)
                guard send(client, Data([byte])) else { return }
            }
        } else {
            _ = send(client, Data(head.utf8) + response.body)
        }
    }

    /// Writes all of `bytes`; false once the client has gone (without raising SIGPIPE).
    private func send(_ client: Int32, _ bytes: Data) -> Bool {
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                #if canImport(Glibc)
                    let result = Glibc.send(client, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                #else
                    let result = Darwin.send(client, raw.baseAddress! + sent, raw.count - sent, 0)
                #endif
                if result <= 0 { return false }
                sent += result
            }
            return true
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 404: "Not Found"
        case 410: "Gone"
        default: "Status"
        }
    }
}
