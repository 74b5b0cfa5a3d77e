import Foundation
import OpenBadgesModel
import Testing
import Zlib

@testable import BadgeBaking

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The baking API (one input type, one output type, the report of an in-memory bake) and the error design
/// (codes compared alone, the SVG layer's codes kept, nothing half-written on failure).
@Suite("Bake API and errors")
struct BakeAPITests {
    static let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>"#

    /// A PNG with an old badge chunk, so that every bake removes one.
    static func png() -> [UInt8] {
        var png = TestPNG(width: 20, height: 10, idatChunkSize: 300)
        png.insert(TextChunkData.tEXt("openbadges", Payloads.hostedURL), at: 1)
        return png.bytes
    }

    /// The bytes written to a descriptor by `body`, read back from a temporary file.
    static func writtenToDescriptor(_ body: (Int32) throws -> Void) throws -> [UInt8] {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("descriptor-output")
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        do {
            defer { close(descriptor) }
            try body(descriptor)
        }
        return try [UInt8](Data(contentsOf: url))
    }

    // MARK: Outputs and inputs

    @Test("every output kind gets the same bytes; memory returns them with the report", arguments: [BakeAPITests.png(), Array(BakeAPITests.svg.utf8)])
    func everyOutputKind(image: [UInt8]) throws {
        let baker = BadgeBaker()
        let report = try baker.bake(Payloads.ob3Credential, from: .bytes(image), to: .memory)
        let inMemory = try #require(report.bakedImage)
        #expect(report.generation == .credential)
        #expect(report.format == (image.starts(with: pngSignature) ? .png : .svg))
        #expect(try BadgeExtractor().extract(from: inMemory)?.payload == Payloads.ob3Credential)

        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("baked")
        let fileReport = try baker.bake(Payloads.ob3Credential, from: .bytes(image), to: .file(file))
        #expect(fileReport.bakedImage == nil)
        #expect(try [UInt8](Data(contentsOf: file)) == inMemory)

        let written = try Self.writtenToDescriptor { descriptor in
            let descriptorReport = try baker.bake(Payloads.ob3Credential, from: .bytes(image), to: .fileDescriptor(descriptor))
            #expect(descriptorReport.bakedImage == nil)
        }
        #expect(written == inMemory)
    }

    @Test("every input kind (file, bytes, a regular file's descriptor, a pipe) bakes the same image")
    func everyInputKind() throws {
        let image = Self.png()
        let expected = try #require(try BadgeBaker().bake(Payloads.ob2Assertion, from: .bytes(image), to: .memory).bakedImage)
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("plain.png")
        try Data(image).write(to: input)

        let fromFile = try BadgeBaker().bake(Payloads.ob2Assertion, from: .file(input), to: .memory)
        #expect(fromFile.bakedImage == expected)
        #expect(fromFile.removedChunks.map(\.generation) == [.assertion])
        #expect(fromFile.removedChunks.map(\.offset) == [33])

        let descriptor = open(input.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(try BadgeBaker().bake(Payloads.ob2Assertion, from: .fileDescriptor(descriptor), to: .memory).bakedImage == expected)
        // A regular file's descriptor is read with random access, so it can also be checked, then streamed.
        let streamed = try Self.writtenToDescriptor { output in
            try BadgeBaker().bake(Payloads.ob2Assertion, from: .fileDescriptor(descriptor), to: .fileDescriptor(output))
        }
        #expect(streamed == expected)

        let pipe = Pipe()
        try #require(image.count < 65_536, "the image fits in the pipe's buffer")
        pipe.fileHandleForWriting.write(Data(image))
        try pipe.fileHandleForWriting.close()
        let piped = try Self.writtenToDescriptor { output in
            try BadgeBaker().bake(Payloads.ob2Assertion, from: .fileDescriptor(pipe.fileHandleForReading.fileDescriptor), to: .fileDescriptor(output))
        }
        #expect(piped == expected)
    }

    // MARK: Nothing half-written

    @Test("a failed bake leaves no output file, no temporary file, and an existing output untouched")
    func noHalfWrittenFile() throws {
        let truncated = Array(Self.png().dropLast(12))
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("baked.png")
        // Small blocks, so that the bake has written most of the image before it meets the damage.
        var options = BakeOptions()
        options.bufferSize = 256
        #expect(throws: BadgeError.truncated()) {
            try BadgeBaker(options: options).bake(Payloads.hostedURL, from: .bytes(truncated), to: .file(output))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)

        try Data("keep me".utf8).write(to: output)
        #expect(throws: BadgeError.truncated()) {
            try BadgeBaker(options: options).bake(Payloads.hostedURL, from: .bytes(truncated), to: .file(output, overwrite: true))
        }
        #expect(throws: BadgeError.outputExists()) {
            try BadgeBaker().bake(Payloads.hostedURL, from: .bytes(Self.png()), to: .file(output))
        }
        #expect(try String(contentsOf: output, encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["baked.png"])
    }

    @Test("a failed bake writes nothing to a file descriptor, from bytes, a file or a pipe")
    func noHalfWrittenDescriptor() throws {
        let truncated = Array(Self.png().dropLast(12))
        var options = BakeOptions()
        options.bufferSize = 256
        let baker = BadgeBaker(options: options)
        let fromBytes = try Self.writtenToDescriptor { output in
            #expect(throws: BadgeError.truncated()) { try baker.bake(Payloads.hostedURL, from: .bytes(truncated), to: .fileDescriptor(output)) }
        }
        #expect(fromBytes.isEmpty)

        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("truncated.png")
        try Data(truncated).write(to: input)
        let fromFile = try Self.writtenToDescriptor { output in
            #expect(throws: BadgeError.truncated()) { try baker.bake(Payloads.hostedURL, from: .file(input), to: .fileDescriptor(output)) }
        }
        #expect(fromFile.isEmpty)

        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(truncated))
        try pipe.fileHandleForWriting.close()
        let fromPipe = try Self.writtenToDescriptor { output in
            #expect(throws: BadgeError.truncated()) {
                try baker.bake(Payloads.hostedURL, from: .fileDescriptor(pipe.fileHandleForReading.fileDescriptor), to: .fileDescriptor(output))
            }
        }
        #expect(fromPipe.isEmpty)
    }

    @Test("a PNG file baked to a descriptor fails before writing a byte: a bad CRC late in the file, or data already baked")
    func descriptorSeesEveryCheckFirst() throws {
        var png = TestPNG(width: 20, height: 10, idatChunkSize: 300)
        png.insertBeforeIEND(TextChunkData.tEXt("Comment", "after the pixels"))
        var damaged = png.bytes
        let crc = png.offset(ofChunkAt: png.chunks.count - 1) - 1  // the last CRC byte of the Comment chunk
        damaged[crc] ^= 0xFF
        var options = BakeOptions()
        options.bufferSize = 256  // the damage lies blocks past the first write
        let baked = try Self.writtenToDescriptor { output in
            #expect(throws: BadgeError.badChecksum()) {
                try BadgeBaker(options: options).bake(Payloads.hostedURL, from: .bytes(damaged), to: .fileDescriptor(output))
            }
        }
        #expect(baked.isEmpty)

        options.replaceExisting = false
        let again = try Self.writtenToDescriptor { output in
            #expect(throws: BadgeError.alreadyBaked()) {
                try BadgeBaker(options: options).bake(Payloads.hostedURL, from: .bytes(Self.png()), to: .fileDescriptor(output))
            }
        }
        #expect(again.isEmpty)
    }

    @Test("the temporary file observer sees the file's path, then nil; the library installs no handlers and says nothing of --force")
    func temporaryFileObserver() throws {
        final class Events: @unchecked Sendable {
            let lock = NSLock()
            var paths: [String?] = []
            func append(_ path: String?) { lock.withLock { paths.append(path) } }
        }
        let events = Events()
        var options = BakeOptions()
        options.temporaryFileObserver = { path in
            if let path { #expect(FileManager.default.fileExists(atPath: path)) }
            events.append(path)
        }
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("baked.png")
        try BadgeBaker(options: options).bake(Payloads.hostedURL, from: .bytes(Self.png()), to: .file(output))
        #expect(events.paths.count == 2)
        let temporary = try #require(events.paths.first ?? nil)
        #expect(temporary.hasPrefix(directory.path + "/.baked.png.tmp-"))
        #expect(events.paths.last! == nil)
        #expect(!FileManager.default.fileExists(atPath: temporary))

        let error = #expect(throws: BadgeError.self) { try BadgeBaker().bake(Payloads.hostedURL, from: .bytes(Self.png()), to: .file(output)) }
        #expect(error?.code == .outputExists)
        #expect(error?.reason.contains("--") == false)
    }

    // MARK: Errors

    @Test("errors compare and hash by code only; file and line say where they were raised")
    func errorEqualityByCode() {
        let a = BadgeError.truncated("the input ends inside IHDR", at: 8)
        let b = BadgeError.truncated("something else entirely")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != BadgeError.badChecksum("the input ends inside IHDR", at: 8))
        #expect(Set([a, b, .io()]).count == 2)
        #expect(a.offset == 8 && b.offset == nil)
        #expect(a.code.description == "truncated")
        #expect(a.file.hasSuffix("BakeAPITests.swift") && a.line > 0)
        #expect(a.debugDescription.contains("BakeAPITests.swift"))
        #expect(a.description == "the input ends inside IHDR (at byte 8)")

        #expect(ZlibError.truncatedStream() == ZlibError.truncatedStream())
        #expect(ZlibError.outputLimitExceeded(limit: 1) == ZlibError.outputLimitExceeded(limit: 2))
        #expect(ZlibError.outputLimitExceeded(limit: 1).code != ZlibError.trailingData().code)
    }

    @Test("a thrown error matches a fresh one with the same code")
    func thrownErrorMatchesFreshOne() {
        #expect(throws: BadgeError.emptyInput()) { try BadgeBaker().bake(Payloads.hostedURL, from: .bytes([UInt8]()), to: .memory) }
        #expect(throws: BadgeError.unsupportedFormat()) { try BadgeExtractor().extract(from: Array("GIF89a......".utf8)) }
    }

    static let svgErrors: [(String, BadgeError.Code)] = [
        (#"<svg xmlns="http://www.w3.org/2000/svg"><g></svg>"#, .malformedXML),
        (
            #"<svg xmlns="http://www.w3.org/2000/svg"><openbadges:assertion xmlns:openbadges="http://openbadges.org" verify="&#0;"/></svg>"#,
            .invalidXMLReference
        ),
        (#"<?xml version="1.0" encoding="UTF-16"?><svg xmlns="http://www.w3.org/2000/svg"/>"#, .unsupportedEncoding),
        (
            #"<svg xmlns="http://www.w3.org/2000/svg">"# + String(repeating: "<g>", count: 300) + String(repeating: "</g>", count: 300) + "</svg>",
            .depthLimitExceeded
        ),
        (#"<svg xmlns="http://www.w3.org/2000/svg"><g "# + (0..<1100).map { "a\($0)=\"1\"" }.joined(separator: " ") + "/></svg>", .tooManyAttributes),
        (#"<svg xmlns="http://www.w3.org/2000/svg"><g"#, .truncated),
        (#"<html xmlns="http://www.w3.org/1999/xhtml"/>"#, .unsupportedFormat),
    ]

    @Test("the SVG layer's error codes reach BadgeError as codes of their own, with the byte offset", arguments: svgErrors)
    func svgErrorCodesSurvive(document: String, code: BadgeError.Code) {
        let error = #expect(throws: BadgeError.self) { try BadgeExtractor().extract(from: Array(document.utf8)) }
        #expect(error?.code == code, "\(String(describing: error))")
        #expect(error?.reason.hasPrefix("SVG: ") == true)
        #expect(error?.code != .malformedPNG)
    }

    @Test("active content that cannot be removed is its own code when baking SVG")
    func unremovableActiveContent() {
        var options = BakeOptions()
        options.removeActiveContent = true
        let document = #"<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>"#
        #expect(throws: BadgeError.unremovableActiveContent()) {
            try BadgeBaker(options: options).bake(Payloads.hostedURL, from: .bytes(Array(document.utf8)), to: .memory)
        }
    }

    @Test("the SVG layer's warning codes reach BadgeWarning as codes of their own, with the byte offset")
    func svgWarningCodesSurvive() throws {
        let unbound = #"<svg xmlns="http://www.w3.org/2000/svg"><openbadges:assertion verify="https://example.org/a/1"/></svg>"#
        let badge = try #require(try BadgeExtractor().extract(from: Array(unbound.utf8)))
        let warning = try #require(badge.warnings.first { $0.code == .unboundPrefix })
        #expect(warning.offset == ByteOffset(Array(unbound.utf8).firstIndex(of: UInt8(ascii: ">"))! + 1))

        let entity =
            #"<!DOCTYPE svg [<!ENTITY e "x">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/&e;"/></svg>"#
        let withEntity = try #require(try BadgeExtractor().extract(from: Array(entity.utf8)))
        let codes = withEntity.warnings.map(\.code)
        #expect(codes.contains(.undecodedEntityReference))
        #expect(codes.contains(.internalSubsetIgnored))
    }

    @Test("one generation type: the PNG keyword and the SVG element come from the same BadgeGeneration")
    func oneGenerationType() throws {
        for generation in BadgeGeneration.allCases {
            var options = BakeOptions()
            options.generation = generation
            let payload = generation == .assertion ? Payloads.ob2Assertion : Payloads.ob3Credential
            let png = try #require(try BadgeBaker(options: options).bake(payload, from: .bytes(Self.png()), to: .memory).bakedImage)
            let svg = try #require(try BadgeBaker(options: options).bake(payload, from: .bytes(Array(Self.svg.utf8)), to: .memory).bakedImage)
            #expect(try BadgeExtractor().extract(from: png)?.generation == generation)
            let fromSVG = try #require(try BadgeExtractor().extract(from: svg))
            #expect(fromSVG.generation == generation)
            guard case .svgElement(let name, let namespace, _) = fromSVG.location else {
                Issue.record("not an SVG element: \(fromSVG.location)")
                continue
            }
            #expect(name == generation.svgQualifiedName)
            #expect(namespace == generation.svgNamespaceURI)
        }
    }
}
