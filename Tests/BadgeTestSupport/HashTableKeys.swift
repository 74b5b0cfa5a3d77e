/// Keys that exercise a hash table keyed by UTF-8 bytes: every length from 0 to 80 bytes (each of `CodePointHash`'s
/// paths: under 4, 4–7, 8–16 and longer), long keys that differ in one byte only, at every position, and many short
/// ones; all distinct.
public enum HashTableKeys {
    /// The keys, in a fixed order.
    public static let many: [String] = {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789:/#")
        var keys = (0...80).map { length in String((0..<length).map { alphabet[$0 % alphabet.count] }) }
        let base = Array(repeating: Character("x"), count: 48)
        for position in base.indices {
            var changed = base
            changed[position] = "y"
            keys.append(String(changed))
        }
        return keys + (0..<600).map { "key\($0)" }
    }()

    /// Keys that none of ``many`` equals, some of them one byte away from one.
    public static let absent = ["key600", "x", String(repeating: "x", count: 48) + "z", "abcdefghijklmnopqrstuvwxyz0123456789:/#ab!"]
}
