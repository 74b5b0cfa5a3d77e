import Foundation
import OpenBadgesModel
import Testing

@Suite("White space trimming and the lock")
struct TextAndLockTests {
    @Test("trimming removes Unicode white space at the ends, line breaks only when asked")
    func trimming() {
        #expect(" \t\u{A0}\u{3000}a b\u{2003}\n".trimmingWhitespace() == "a b")
        #expect("\r\n\u{85}\u{2028}x\u{2029}".trimmingWhitespace() == "x")
        #expect(" \tx\n ".trimmingWhitespace(newlines: false) == "x\n")
        #expect("\u{85}x\u{2028}".trimmingWhitespace(newlines: false) == "\u{85}x\u{2028}")
        #expect(" \n\t ".trimmingWhitespace() == "" && "".trimmingWhitespace() == "")
        #expect("\u{200B}x\u{FEFF}".trimmingWhitespace() == "\u{200B}x\u{FEFF}", "zero-width characters are not white space")
        #expect("  é\u{301} ".trimmingWhitespace() == "é\u{301}")
        #expect(Substring(" a ").trimmingWhitespace() == "a")
    }

    @Test("the lock lets one thread at a time into its body")
    func lockExcludes() async {
        final class Counter: @unchecked Sendable {
            let lock = Lock()
            var value = 0
            var inside = 0
            var overlapped = false
        }
        let counter = Counter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<2_000 {
                        counter.lock.withLock {
                            counter.inside += 1
                            if counter.inside > 1 { counter.overlapped = true }
                            counter.value += 1
                            counter.inside -= 1
                        }
                    }
                }
            }
        }
        #expect(counter.value == 16_000)
        #expect(!counter.overlapped)
    }
}
