import OpenBadgesModel
import RDFCanonicalization

/// A JSON-LD 1.1 API error code (the strings defined by the JSON-LD 1.1 API, §JsonLdErrorCode).
package struct JSONLDErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The error code string, as the JSON-LD 1.1 API spells it.
    package let rawValue: String
    /// Wraps an error code string.
    package init(rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }

    /// Two keys expand to the same keyword, e.g. a keyword and an alias of it (`colliding keywords`).
    package static let collidingKeywords = Self(rawValue: "colliding keywords")
    /// Conflicting `@index` values were found for the same node (`conflicting indexes`).
    package static let conflictingIndexes = Self(rawValue: "conflicting indexes")
    /// Too many contexts are nested or loaded (`context overflow`).
    package static let contextOverflow = Self(rawValue: "context overflow")
    /// A cycle was found in IRI mappings while defining terms (`cyclic IRI mapping`).
    package static let cyclicIRIMapping = Self(rawValue: "cyclic IRI mapping")
    /// An `@id` value is not a string (`invalid @id value`).
    package static let invalidIdValue = Self(rawValue: "invalid @id value")
    /// An `@import` value is invalid, e.g. not a string (`invalid @import value`).
    package static let invalidImportValue = Self(rawValue: "invalid @import value")
    /// An `@included` value is not a node object or array of them (`invalid @included value`).
    package static let invalidIncludedValue = Self(rawValue: "invalid @included value")
    /// An `@index` value is not a string (`invalid @index value`).
    package static let invalidIndexValue = Self(rawValue: "invalid @index value")
    /// An `@nest` value is invalid (`invalid @nest value`).
    package static let invalidNestValue = Self(rawValue: "invalid @nest value")
    /// An `@prefix` value is invalid (`invalid @prefix value`).
    package static let invalidPrefixValue = Self(rawValue: "invalid @prefix value")
    /// An `@propagate` value is not a boolean (`invalid @propagate value`).
    package static let invalidPropagateValue = Self(rawValue: "invalid @propagate value")
    /// An `@protected` value is not a boolean (`invalid @protected value`).
    package static let invalidProtectedValue = Self(rawValue: "invalid @protected value")
    /// An `@reverse` value is not a map (`invalid @reverse value`).
    package static let invalidReverseValue = Self(rawValue: "invalid @reverse value")
    /// The `@version` entry has a value other than `1.1` (`invalid @version value`).
    package static let invalidVersionValue = Self(rawValue: "invalid @version value")
    /// An `@direction` value is not `ltr`, `rtl` or null (`invalid base direction`).
    package static let invalidBaseDirection = Self(rawValue: "invalid base direction")
    /// An `@base` value is neither an IRI nor null (`invalid base IRI`).
    package static let invalidBaseIRI = Self(rawValue: "invalid base IRI")
    /// An `@container` value is not an allowed container (`invalid container mapping`).
    package static let invalidContainerMapping = Self(rawValue: "invalid container mapping")
    /// A context entry is not allowed, e.g. in the current processing mode (`invalid context entry`).
    package static let invalidContextEntry = Self(rawValue: "invalid context entry")
    /// A context with protected term definitions was nullified (`invalid context nullification`).
    package static let invalidContextNullification = Self(rawValue: "invalid context nullification")
    /// An `@language` default in a context is neither a string nor null (`invalid default language`).
    package static let invalidDefaultLanguage = Self(rawValue: "invalid default language")
    /// A term has an invalid or missing IRI mapping (`invalid IRI mapping`).
    package static let invalidIRIMapping = Self(rawValue: "invalid IRI mapping")
    /// An `@json` literal is invalid (`invalid JSON literal`).
    package static let invalidJSONLiteral = Self(rawValue: "invalid JSON literal")
    /// A keyword alias definition is invalid (`invalid keyword alias`).
    package static let invalidKeywordAlias = Self(rawValue: "invalid keyword alias")
    /// A language map value is not a string, null or an array of strings (`invalid language map value`).
    package static let invalidLanguageMapValue = Self(rawValue: "invalid language map value")
    /// An `@language` in a term definition is neither a string nor null (`invalid language mapping`).
    package static let invalidLanguageMapping = Self(rawValue: "invalid language mapping")
    /// A language-tagged string has an invalid language tag (`invalid language-tagged string`).
    package static let invalidLanguageTaggedString = Self(rawValue: "invalid language-tagged string")
    /// A number or boolean has a language tag (`invalid language-tagged value`).
    package static let invalidLanguageTaggedValue = Self(rawValue: "invalid language-tagged value")
    /// A local context is invalid (`invalid local context`).
    package static let invalidLocalContext = Self(rawValue: "invalid local context")
    /// No valid context document was found for a remote context (`invalid remote context`).
    package static let invalidRemoteContext = Self(rawValue: "invalid remote context")
    /// A reverse property definition is invalid (`invalid reverse property`).
    package static let invalidReverseProperty = Self(rawValue: "invalid reverse property")
    /// A reverse property map contains a keyword other than `@context` (`invalid reverse property map`).
    package static let invalidReversePropertyMap = Self(rawValue: "invalid reverse property map")
    /// A reverse property value is not a node object (`invalid reverse property value`).
    package static let invalidReversePropertyValue = Self(rawValue: "invalid reverse property value")
    /// A context defined within a term definition is invalid (`invalid scoped context`).
    package static let invalidScopedContext = Self(rawValue: "invalid scoped context")
    /// A targeted HTML script element does not have a JSON-LD type (`invalid script element`).
    package static let invalidScriptElement = Self(rawValue: "invalid script element")
    /// A set or list object has disallowed entries (`invalid set or list object`).
    package static let invalidSetOrListObject = Self(rawValue: "invalid set or list object")
    /// A term definition is invalid (`invalid term definition`).
    package static let invalidTermDefinition = Self(rawValue: "invalid term definition")
    /// An `@type` in a term definition does not expand to an IRI (`invalid type mapping`).
    package static let invalidTypeMapping = Self(rawValue: "invalid type mapping")
    /// An `@type` value is neither a string nor an array of strings (`invalid type value`).
    package static let invalidTypeValue = Self(rawValue: "invalid type value")
    /// A typed value has an invalid type (`invalid typed value`).
    package static let invalidTypedValue = Self(rawValue: "invalid typed value")
    /// A value object has disallowed entries (`invalid value object`).
    package static let invalidValueObject = Self(rawValue: "invalid value object")
    /// An `@value` value is neither a scalar nor null (`invalid value object value`).
    package static let invalidValueObjectValue = Self(rawValue: "invalid value object value")
    /// An `@vocab` value is neither an IRI nor null (`invalid vocab mapping`).
    package static let invalidVocabMapping = Self(rawValue: "invalid vocab mapping")
    /// Compacting an IRI would give a string that could be confused with a compact IRI (`IRI confused with prefix`).
    package static let iriConfusedWithPrefix = Self(rawValue: "IRI confused with prefix")
    /// A keyword is being redefined (`keyword redefinition`).
    package static let keywordRedefinition = Self(rawValue: "keyword redefinition")
    /// A list of lists was found where lists of lists are not supported (`list of lists`).
    package static let listOfLists = Self(rawValue: "list of lists")
    /// A document could not be loaded or parsed as JSON (`loading document failed`).
    package static let loadingDocumentFailed = Self(rawValue: "loading document failed")
    /// A remote context could not be loaded (`loading remote context failed`).
    package static let loadingRemoteContextFailed = Self(rawValue: "loading remote context failed")
    /// `@version` 1.1 was used in `json-ld-1.0` processing mode (`processing mode conflict`).
    package static let processingModeConflict = Self(rawValue: "processing mode conflict")
    /// A protected term is being redefined (`protected term redefinition`).
    package static let protectedTermRedefinition = Self(rawValue: "protected term redefinition")
    /// A cycle was found in remote context inclusions (`recursive context inclusion`).
    package static let recursiveContextInclusion = Self(rawValue: "recursive context inclusion")
    /// Not a JSON-LD code: the input is nested deeper than ``JSONLDOptions/maximumDepth``.
    package static let maximumDepthExceeded = Self(rawValue: "maximum depth exceeded")
}

/// An error raised by JSON-LD processing.
package struct JSONLDError: Error, Sendable, CustomStringConvertible {
    /// The JSON-LD error code.
    package let code: JSONLDErrorCode
    /// Details of the failure (may be empty).
    package let message: String
    /// Makes an error with a code and an optional message.
    package init(_ code: JSONLDErrorCode, _ message: String = "") {
        self.code = code
        self.message = message
    }
    package var description: String { message.isEmpty ? code.rawValue : "\(code.rawValue): \(message)" }
}
