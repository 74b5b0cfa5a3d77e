import DataIntegrity
import Testing

/// Base58btc decoding (did:key, `publicKeyMultibase`, `proofValue`) works on 32-bit limbs, five digits at a time; it
/// must give what the digit-by-digit definition gives, byte for byte, leading zeros included.
@Suite("Base58btc")
struct Base58Tests {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")

    /// The definition: the number the digits spell, in bytes, after one zero byte per leading "1".
    private func reference(_ text: String) -> [UInt8]? {
        var number: [UInt8] = []  // little-endian
        for character in text {
            guard let digit = Self.alphabet.firstIndex(of: character) else { return nil }
            var carry = digit
            for i in number.indices {
                carry += Int(number[i]) * 58
                number[i] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                number.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: text.prefix(while: { $0 == "1" }).count) + number.reversed()
    }

    @Test func decodesAsTheDefinitionDoes() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["", "1", "11", "z", "2", "1z", "111zzzzz", String(repeating: "z", count: 200), String(repeating: "1", count: 1024)]
        for length in 1...120 {
            for leadingOnes in [0, 1, 3] {
                let body = String((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! })
                texts.append(String(repeating: "1", count: leadingOnes) + body)
            }
        }
        for text in texts {
            #expect(Base58.decode(text) == reference(text), "\(text)")
        }
    }

    @Test func roundTripsRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...96 {
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if length > 2 { bytes[0] = 0 }  // leading zero bytes are kept as "1"s
            #expect(Base58.decode(Base58.encode(bytes)) == bytes)
        }
    }

    @Test func refusesWhatIsNotBase58() {
        for text in ["0", "O", "I", "l", "z0", "abc+", "é", "zz\u{0}", String(repeating: "2", count: Base58.maximumInputLength + 1)] {
            #expect(Base58.decode(text) == nil, "\(text)")
        }
        #expect(Base58.decode(String(repeating: "2", count: Base58.maximumInputLength)) != nil)
    }
}
