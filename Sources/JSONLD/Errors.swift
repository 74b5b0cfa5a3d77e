@_exported import JCS
@_exported import RDFCanonicalization

/// A JSON-LD 1.1 API error code (the strings defined by the JSON-LD 1.1 API, §JsonLdErrorCode).
public struct JSONLDErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let collidingKeywords = Self(rawValue: "colliding keywords")
    public static let conflictingIndexes = Self(rawValue: "conflicting indexes")
    public static let contextOverflow = Self(rawValue: "context overflow")
    public static let cyclicIRIMapping = Self(rawValue: "cyclic IRI mapping")
    public static let invalidIdValue = Self(rawValue: "invalid @id value")
    public static let invalidImportValue = Self(rawValue: "invalid @import value")
    public static let invalidIncludedValue = Self(rawValue: "invalid @included value")
    public static let invalidIndexValue = Self(rawValue: "invalid @index value")
    public static let invalidNestValue = Self(rawValue: "invalid @nest value")
    public static let invalidPrefixValue = Self(rawValue: "invalid @prefix value")
    public static let invalidPropagateValue = Self(rawValue: "invalid @propagate value")
    public static let invalidProtectedValue = Self(rawValue: "invalid @protected value")
    public static let invalidReverseValue = Self(rawValue: "invalid @reverse value")
    public static let invalidVersionValue = Self(rawValue: "invalid @version value")
    public static let invalidBaseDirection = Self(rawValue: "invalid base direction")
    public static let invalidBaseIRI = Self(rawValue: "invalid base IRI")
    public static let invalidContainerMapping = Self(rawValue: "invalid container mapping")
    public static let invalidContextEntry = Self(rawValue: "invalid context entry")
    public static let invalidContextNullification = Self(rawValue: "invalid context nullification")
    public static let invalidDefaultLanguage = Self(rawValue: "invalid default language")
    public static let invalidIRIMapping = Self(rawValue: "invalid IRI mapping")
    public static let invalidJSONLiteral = Self(rawValue: "invalid JSON literal")
    public static let invalidKeywordAlias = Self(rawValue: "invalid keyword alias")
    public static let invalidLanguageMapValue = Self(rawValue: "invalid language map value")
    public static let invalidLanguageMapping = Self(rawValue: "invalid language mapping")
    public static let invalidLanguageTaggedString = Self(rawValue: "invalid language-tagged string")
    public static let invalidLanguageTaggedValue = Self(rawValue: "invalid language-tagged value")
    public static let invalidLocalContext = Self(rawValue: "invalid local context")
    public static let invalidRemoteContext = Self(rawValue: "invalid remote context")
    public static let invalidReverseProperty = Self(rawValue: "invalid reverse property")
    public static let invalidReversePropertyMap = Self(rawValue: "invalid reverse property map")
    public static let invalidReversePropertyValue = Self(rawValue: "invalid reverse property value")
    public static let invalidScopedContext = Self(rawValue: "invalid scoped context")
    public static let invalidScriptElement = Self(rawValue: "invalid script element")
    public static let invalidSetOrListObject = Self(rawValue: "invalid set or list object")
    public static let invalidTermDefinition = Self(rawValue: "invalid term definition")
    public static let invalidTypeMapping = Self(rawValue: "invalid type mapping")
    public static let invalidTypeValue = Self(rawValue: "invalid type value")
    public static let invalidTypedValue = Self(rawValue: "invalid typed value")
    public static let invalidValueObject = Self(rawValue: "invalid value object")
    public static let invalidValueObjectValue = Self(rawValue: "invalid value object value")
    public static let invalidVocabMapping = Self(rawValue: "invalid vocab mapping")
    public static let iriConfusedWithPrefix = Self(rawValue: "IRI confused with prefix")
    public static let keywordRedefinition = Self(rawValue: "keyword redefinition")
    public static let listOfLists = Self(rawValue: "list of lists")
    public static let loadingDocumentFailed = Self(rawValue: "loading document failed")
    public static let loadingRemoteContextFailed = Self(rawValue: "loading remote context failed")
    public static let processingModeConflict = Self(rawValue: "processing mode conflict")
    public static let protectedTermRedefinition = Self(rawValue: "protected term redefinition")
    public static let recursiveContextInclusion = Self(rawValue: "recursive context inclusion")
    /// Not a JSON-LD code: the input is nested deeper than ``JSONLDOptions/maxDepth``.
    public static let maximumDepthExceeded = Self(rawValue: "maximum depth exceeded")
}

/// An error raised by JSON-LD processing.
public struct JSONLDError: Error, Sendable, CustomStringConvertible {
    public let code: JSONLDErrorCode
    public let message: String
    public init(_ code: JSONLDErrorCode, _ message: String = "") {
        self.code = code
        self.message = message
    }
    public var description: String { message.isEmpty ? code.rawValue : "\(code.rawValue): \(message)" }
}
