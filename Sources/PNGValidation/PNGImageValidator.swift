import CLibPNG

/// A PNG fully decoded by libpng, an independent decoder: proof that an image is intact.
package struct DecodedPNGImage: Hashable, Sendable {
    /// The width in pixels.
    package let width: Int
    /// The height in pixels.
    package let height: Int
    /// The pixels as 8-bit RGBA, row by row, top to bottom.
    package let rgba: [UInt8]
}

/// Why libpng could not decode an image.
package struct PNGValidationError: Error, Sendable, CustomStringConvertible {
    /// libpng's message.
    package let message: String
    package var description: String { "libpng: \(message)" }
}

/// Decodes PNG images with libpng: every CRC, the whole IDAT stream, the dimensions.
///
/// Use it where a full decode is what is wanted (checking an upload, proving that baking left the pixels
/// alone); baking and extraction never decode pixels and do not use it.
package enum PNGImageValidator {
    /// The largest image decoded, in pixels (default 100 megapixels), so that a hostile header cannot make
    /// the validator allocate gigabytes.
    package static let defaultMaximumPixels = 100_000_000

    /// Decodes `bytes` to RGBA pixels, or throws with libpng's reason.
    package static func decode(_ bytes: [UInt8], maximumPixels: Int = defaultMaximumPixels) throws(PNGValidationError) -> DecodedPNGImage {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let began = bytes.withUnsafeBytes { buffer in
            png_image_begin_read_from_memory(&image, buffer.baseAddress, buffer.count)
        }
        guard began != 0 else { throw PNGValidationError(message: message(of: &image)) }
        defer { png_image_free(&image) }
        let width = Int(image.width)
        let height = Int(image.height)
        guard width > 0, height > 0, width.multipliedReportingOverflow(by: height).partialValue <= maximumPixels else {
            throw PNGValidationError(message: "image of \(width)×\(height) pixels is over the limit of \(maximumPixels)")
        }
        image.format = clibpng_format_rgba
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        let finished = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&image, nil, buffer.baseAddress, 0, nil)
        }
        guard finished != 0 else { throw PNGValidationError(message: message(of: &image)) }
        return DecodedPNGImage(width: width, height: height, rgba: pixels)
    }

    /// Whether `bytes` decode as a PNG image.
    package static func isValid(_ bytes: [UInt8]) -> Bool {
        (try? decode(bytes)) != nil
    }

    private static func message(of image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
