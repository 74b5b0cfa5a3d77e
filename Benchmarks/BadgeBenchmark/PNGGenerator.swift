import BadgeBaking
import Foundation
import Zlib

/// Writes large, valid PNGs quickly: random RGBA pixels in stored (uncompressed) deflate blocks, so the file
/// size is what was asked for and generation costs little more than writing the bytes.
enum PNGGenerator {
    /// Writes a PNG of about `bytes` bytes to `url`, its pixel data split into IDAT chunks of `idatChunkSize`;
    /// `badgeBeforeIEND` is baked as the last chunk (where some bakers put it) when given.
    static func write(to url: URL, approximateBytes bytes: Int, idatChunkSize: Int = 8192, badgeBeforeIEND: String? = nil) throws {
        let width = 1024
        let rowBytes = width * 4 + 1
        let height = max(1, bytes / rowBytes)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var out = Data(pngSignature)
        var ihdr = Data()
        for value in [UInt32(width), UInt32(height)] { ihdr += bigEndian(value) }
        ihdr += Data([8, 6, 0, 0, 0])
        out += chunk("IHDR", ihdr)

        // The zlib stream: header, stored blocks of whole rows, Adler-32.
        var idat = Data([0x78, 0x01])
        var adler = Adler32()
        var random = UInt64(0x2545_F491_4F6C_DD1D)
        var row = [UInt8](repeating: 0, count: rowBytes)
        func flush(final: Bool) {
            while idat.count >= idatChunkSize || (final && !idat.isEmpty) {
                let piece = idat.prefix(idatChunkSize)
                out += chunk("IDAT", Data(piece))
                idat.removeFirst(piece.count)
            }
            if out.count > 1 << 20 || final {
                handle.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        for y in 0..<height {
            row[0] = 0
            row.withUnsafeMutableBytes { raw in
                var index = 1
                while index + 8 <= rowBytes {
                    random ^= random << 13
                    random ^= random >> 7
                    random ^= random << 17
                    raw.storeBytes(of: random, toByteOffset: index, as: UInt64.self)
                    index += 8
                }
            }
            row.withUnsafeBytes { adler.update($0) }
            let last = y == height - 1
            idat += Data([last ? 1 : 0]) + littleEndian16(UInt16(rowBytes)) + littleEndian16(~UInt16(rowBytes))
            idat += Data(row)
            if last { idat += bigEndian(adler.value) }
            flush(final: false)
        }
        flush(final: true)
        if let badge = badgeBeforeIEND {
            out += chunk("iTXt", Data("openbadges".utf8) + Data([0, 0, 0, 0, 0]) + Data(badge.utf8))
        }
        out += chunk("IEND", Data())
        handle.write(out)
    }

    private static func chunk(_ type: String, _ data: Data) -> Data {
        var crc = CRC32()
        crc.update(Array(type.utf8))
        crc.update(data)
        return bigEndian(UInt32(data.count)) + Data(type.utf8) + data + bigEndian(crc.value)
    }

    private static func bigEndian(_ value: UInt32) -> Data {
        Data([UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)])
    }

    private static func littleEndian16(_ value: UInt16) -> Data {
        Data([UInt8(truncatingIfNeeded: value), UInt8(value >> 8)])
    }
}
