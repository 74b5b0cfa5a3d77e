import OpenBadgesModel
import Testing

@Suite("RFC 8785 JCS")
struct JCSTests {
    @Test(
        "ECMAScript number formatting",
        arguments: [
            (0.0, "0"), (-0.0, "0"), (1.0, "1"), (-1.5, "-1.5"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
            (123e-20, "1.23e-18"), (0.000001, "0.000001"), (1e-7, "1e-7"), (4.5, "4.5"), (2e-3, "0.002"),
            (333333333.33333329, "333333333.3333333"), (1e30, "1e+30"), (4.50, "4.5"), (0.1, "0.1"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (9007199254740992.0, "9007199254740992"),
            (295147905179352830000.0, "295147905179352830000"), (-1.2345678901234568e-10, "-1.2345678901234568e-10"),
        ])
    func numbers(_ v: Double, _ s: String) throws {
        #expect(JCS.numberText(v) == s)
    }

    @Test func rfc8785Example() throws {
        // RFC 8785 §3.2.3 (input with a non-ASCII key ordering and number formatting).
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let v = try JSONValue(parsing: input)
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(JCS.canonicalize(v) == expected)
    }

    @Test func sortsByUTF16() throws {
        // RFC 8785 §3.2.3 sorting example.
        let input =
            #"{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}"#
        let out = JCS.canonicalize(try JSONValue(parsing: input))
        let expectedOrder = ["\r", "1", "\u{80}", "\u{f6}", "\u{20ac}", "\u{1F600}", "\u{fb33}"]
        let keys = try JSONValue(parsing: out).objectValue!.keys
        #expect(keys == expectedOrder)
    }

    @Test func parserIsStrict() {
        for bad in ["{\"a\":1,\"a\":2}", "[1,]", "01", "\"\\ud800\"", "{'a':1}", "1 2", "[", "nul"] {
            #expect(throws: ModelError.self) { _ = try JSONValue(parsing: bad) }
        }
        #expect(throws: ModelError.self) {
            _ = try JSONValue(parsing: String(repeating: "[", count: 300) + String(repeating: "]", count: 300))
        }
    }

    @Test func keepsNumberText() throws {
        let v = try JSONValue(parsing: "[1, 1.0, 1e0]")
        let texts = v.arrayValue!.map { $0.numberValue!.text }
        #expect(texts == ["1", "1.0", "1e0"])
        #expect(v.arrayValue![0].numberValue!.isIntegerLiteral)
        #expect(!v.arrayValue![1].numberValue!.isIntegerLiteral)
    }
}

@Suite("RFC 8785 Appendix B number serialization")
struct JCSAppendixBTests {
    @Test(
        arguments: [
            (UInt64(0x0000_0000_0000_0000), "0"), (0x8000_0000_0000_0000, "0"), (0x0000_0000_0000_0001, "5e-324"),
            (0x8000_0000_0000_0001, "-5e-324"), (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),
            (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"), (0x4340_0000_0000_0000, "9007199254740992"),
            (0xC340_0000_0000_0000, "-9007199254740992"), (0x4430_0000_0000_0000, "295147905179352830000"),
            (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"), (0x44B5_2D02_C7E1_4AF6, "1e+23"),
            (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"), (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
            (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"), (0x444B_1AE4_D6E2_EF50, "1e+21"),
            (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"), (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
            (0x41B3_DE43_5555_5553, "333333333.3333332"), (0x41B3_DE43_5555_5554, "333333333.33333325"),
            (0x41B3_DE43_5555_5555, "333333333.3333333"), (0x41B3_DE43_5555_5556, "333333333.3333334"),
            (0x41B3_DE43_5555_5557, "333333333.33333343"), (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
            (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
        ] as [(UInt64, String)])
    func vector(_ bits: UInt64, _ expected: String) throws {
        #expect(JCS.numberText(Double(bitPattern: bits)) == expected)
    }

    @Test func nonFiniteNumbersCannotBeBuilt() {
        #expect(JSONNumber(text: "1e400") == nil)
        #expect(JSONNumber(text: "nan") == nil)
        #expect(JSONNumber(.infinity).text == "0")
        #expect(throws: ModelError(.invalidJSON, reason: "")) { try JSONValue(parsing: "[1e400]") }
    }
}

@Suite("JSON text")
struct JSONTextTests {
    @Test func roundTripKeepsOrderAndNumbers() throws {
        let text = #"{"b":1.0,"a":[true,null,"x\n"],"c":{"z":1e3,"y":-0}}"#
        #expect(try JSONValue(parsing: text).serialized() == text)
    }
}
