import Testing

@testable import BadgeVerification

@Suite("IP addresses as the connecting code reads them")
struct IPAddressTests {
    @Test(
        "inet_aton forms are read as the C library reads them",
        arguments: [
            ("012.0.0.1", "10.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("0X7F.0.0.1", "127.0.0.1"),
            ("2130706433", "127.0.0.1"), ("0x7f000001", "127.0.0.1"), ("017700000001", "127.0.0.1"), ("127.1", "127.0.0.1"),
            ("10.1.1", "10.1.0.1"), ("192.168.257", "192.168.1.1"), ("1.2.3.4", "1.2.3.4"), ("0", "0.0.0.0"), ("00", "0.0.0.0"),
            ("4294967295", "255.255.255.255"),
        ])
    func inetAton(text: String, address: String) {
        #expect(IPAddress(inetAton: text)?.description == address)
    }

    @Test(
        "what inet_aton refuses",
        arguments: [
            "08.1.1.1", "256.1.1.1", "1.2.3.4.5", "1.2.3.", ".1.2.3", "4294967296", "1.16777216", "0x", "0x.1", "a.b.c.d", "", "1..2", "1.2.3.4 ",
            "example.org", "10.example.org", "1e100.net",
        ])
    func inetAtonRefuses(text: String) {
        #expect(IPAddress(inetAton: text) == nil)
    }

    @Test("only canonical literals parse as addresses")
    func canonicalParsing() {
        for text in [
            "012.0.0.1", "127.1", "0x7f.0.0.1", "2130706433", "1.2.3.04", "300.1.1.1", "1::2::3", "::ffff:127.0.0.01", "1:2:3:4:5:6:7:8:9",
            "+1::", "1.2.3.4::", "fe80::1%eth0",
        ] {
            #expect(IPAddress(text) == nil, "\(text)")
        }
        #expect(IPAddress("10.0.0.1") == .v4(10, 0, 0, 1))
        #expect(IPAddress("[::ffff:10.0.0.1]")?.description == "::ffff:a00:1")
        #expect(IPAddress("2001:DB8:0:0:1:0:0:1")?.description == "2001:db8::1:0:0:1")
        #expect(IPAddress("::")?.description == "::")
        #expect(IPAddress("::1")?.description == "::1")
        #expect(IPAddress("1:0:0:2:0:0:0:3")?.description == "1:0:0:2::3")
    }

    /// Every range of the IANA special-purpose registries (and the IPv4-embedding IPv6 forms) is not public.
    @Test(
        "special-purpose addresses are not public",
        arguments: [
            // IPv4 Special-Purpose Address Registry, and multicast.
            "0.0.0.0", "0.255.255.255", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.255.255.254",
            "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.1", "192.0.0.9", "192.0.0.170", "192.0.2.1", "192.31.196.1",
            "192.52.193.1", "192.88.99.1", "192.168.0.1", "192.168.255.255", "192.175.48.1", "198.18.0.1", "198.19.255.255",
            "198.51.100.7", "203.0.113.9", "240.0.0.1", "250.1.2.3", "255.255.255.255", "224.0.0.1", "239.255.255.250",
            // IPv6 Special-Purpose Address Registry.
            "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:0:127.0.0.1", "::ffff:0:10.1.2.3",
            "::127.0.0.1", "::8.8.8.8", "64:ff9b::127.0.0.1", "64:ff9b::a00:1", "64:ff9b:1::8.8.8.8", "64:ff9b:1:ffff::1", "100::1",
            "100::ffff:ffff:ffff:ffff", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:1::1", "2001:2::1", "2001:3::1",
            "2001:4:112::1", "2001:10::1", "2001:20::1", "2001:1ff:ffff::1", "2001:db8::1", "2001:db8:ffff::1",
            "2002:7f00:1::1", "2002:a00:1::", "2002:c0a8:101::1", "2002:a9fe:a9fe::1", "2002::", "3fff::1", "3fff:fff::1", "5f00::1",
            "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "fec0::1", "feff::1", "ff02::1", "ff05::1:3",
            // Outside global unicast (2000::/3): unassigned space.
            "1::1", "4000::1", "e000::1",
        ])
    func specialPurposeAddresses(text: String) throws {
        let address = try #require(IPAddress(text), "\(text) should parse")
        #expect(!address.isPublic, "\(text)")
    }

    @Test(
        "public unicast addresses are public",
        arguments: [
            "93.184.215.14", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1", "192.0.1.1",
            "192.0.3.1", "192.88.98.1", "192.169.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.254",
            "2606:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "::ffff:0:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
            "2001:200::1", "2001:db9::1", "3ffe::1", "3fff:1000::1",
        ])
    func publicAddresses(text: String) throws {
        let address = try #require(IPAddress(text), "\(text) should parse")
        #expect(address.isPublic, "\(text)")
    }
}
