import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// An HTTPS server on 127.0.0.1 for the TLS tests: it presents `Tests/Fixtures/tls/badge-test.pem`, a
/// certificate for the name `badge.test` only (issued by the test CA `ca.pem`, whose key was thrown away), and
/// answers every request with a small JSON document.
final class TLSLoopbackServer: Sendable {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tls")

    private let channel: any Channel
    private let counter: RequestCounter
    /// The port it listens on.
    let port: Int

    /// How many requests reached the server (after a completed TLS handshake).
    var requestCount: Int { counter.value }

    /// The test CA, for a client's trust roots.
    static func certificateAuthority() throws -> [NIOSSLCertificate] {
        try NIOSSLCertificate.fromPEMFile(fixtures.appendingPathComponent("ca.pem").path)
    }

    private init(channel: any Channel, counter: RequestCounter) {
        self.channel = channel
        self.counter = counter
        self.port = channel.localAddress?.port ?? 0
    }

    /// Starts listening on a free port of 127.0.0.1.
    static func start() async throws -> TLSLoopbackServer {
        let chain = try NIOSSLCertificate.fromPEMFile(fixtures.appendingPathComponent("badge-test.pem").path)
        let key = try NIOSSLPrivateKey(file: fixtures.appendingPathComponent("badge-test-key.pem").path, format: .pem)
        let context = try NIOSSLContext(
            configuration: .makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        )
        let counter = RequestCounter()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Responder(counter: counter))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TLSLoopbackServer(channel: channel, counter: counter)
    }

    /// Stops listening.
    func stop() async {
        try? await channel.close().get()
    }
}

private final class RequestCounter: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

private final class Responder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let counter: RequestCounter

    init(counter: RequestCounter) { self.counter = counter }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .end = unwrapInboundIn(data) else { return }
        counter.increment()
        let body = ByteBuffer(string: #"{"name":"served over TLS"}"#)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: "\(body.readableBytes)")
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}
