import OpenBadgesModel

/// What a bake did.
public struct BakeReport: Hashable, Sendable {
    /// A badge chunk that baking removed from the input (re-baking replaces).
    public struct RemovedData: Hashable, Sendable {
        /// The PNG chunk type (`iTXt`, `tEXt` or `zTXt`), or nil for SVG.
        public let type: PNGChunkType?
        /// The generation whose keyword the removed chunk carried.
        public let generation: BadgeGeneration
        /// Where it was in the input.
        public let offset: ByteOffset
    }

    /// The image format baked.
    public internal(set) var format: ImageFormat
    /// The generation baked (which keyword or element was written).
    public internal(set) var generation: BadgeGeneration
    /// Badge data removed from the input (re-baking replaces).
    public internal(set) var removedChunks: [RemovedData] = []
    /// Bytes after the PNG's IEND chunk, copied unchanged (only with ``BakeOptions/keepTrailingData``).
    public internal(set) var trailingBytes = 0
    /// Bytes after the PNG's IEND chunk that were left out of the output (the default).
    public internal(set) var droppedTrailingBytes = 0
    /// The baked image, when the output was ``BakeOutput/memory``; nil for a file or a file descriptor.
    public internal(set) var bakedImage: [UInt8]?

    init(format: ImageFormat, generation: BadgeGeneration) {
        self.format = format
        self.generation = generation
    }
}
