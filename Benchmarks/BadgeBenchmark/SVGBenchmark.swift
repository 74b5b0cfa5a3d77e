import BadgeBaking
import Foundation

/// SVG throughput: extraction and baking of generated documents of about 200 KB and 50 MB, in process.
enum SVGBenchmark {
    /// An SVG of about `bytes` bytes: many small elements, with the badge element (if any) placed last, so
    /// that extraction has to scan the whole document to reach it.
    static func document(approximateBytes bytes: Int, badgeLast: String?) -> [UInt8] {
        var text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:openbadges=\"http://openbadges.org\" width=\"512\" height=\"512\">\n"
        var index = 0
        while text.utf8.count < bytes {
            text += "  <path id=\"p\(index)\" d=\"M\(index % 512) 0 L 256 \(index % 300) Z\" fill=\"#\(String(index % 0xFFFFFF, radix: 16))\"/>\n"
            index += 1
        }
        if let badgeLast {
            text += "  <openbadges:assertion verify=\"https://example.org/a.json\"><![CDATA[\(badgeLast)]]></openbadges:assertion>\n"
        }
        return Array((text + "</svg>\n").utf8)
    }

    static func run(sizes: [(String, Int)], payload: String) throws {
        line("\n== SVG, in process (median of 5) ==")
        for (label, size) in sizes {
            let plain = document(approximateBytes: size, badgeLast: nil)
            let last = document(approximateBytes: size, badgeLast: payload)
            let baked = try BadgeBaker().bake(payload, from: .bytes(plain), to: .memory).bakedImage!
            let extractor = BadgeExtractor()
            let first = try median { _ = try extractor.extract(from: baked) }
            let scan = try median { _ = try extractor.extract(from: last) }
            let bake = try median { _ = try BadgeBaker().bake(payload, from: .bytes(plain), to: .memory).bakedImage! }
            let megabytes = Double(plain.count) / 1e6
            line(
                String(
                    format: "%@ SVG (%d bytes): extract badge first %.2f ms; extract badge last %.0f MB/s; bake %.0f MB/s",
                    label, plain.count, first * 1000, megabytes / scan, megabytes / bake))
        }
    }

    static func median(_ body: () throws -> Void) throws -> Double {
        var times: [Double] = []
        for _ in 0..<5 {
            let start = DispatchTime.now()
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        return times.sorted()[2]
    }
}
