import BadgeBaking

extension BadgeBaker {
    /// The tests' shorthand for an in-memory bake when only the baked image matters.
    func bake(_ payload: String, into image: some Collection<UInt8>) throws(BadgeError) -> [UInt8] {
        try bake(payload, from: .bytes(image), to: .memory).bakedImage ?? []
    }
}
