/// Open Badges 0.5, 1.0, 1.1 and 2.0 documents.
///
/// The older shapes (bare-string `recipient` plus `salt`, `verify: {type, url}`, `issued_on`, Unix timestamps,
/// `issuer.origin`) are read into the same 2.0 types; each document records the version it was written in.
public enum OB2 {
    /// Detects the Open Badges version of an OB 0.5–2.0 object (the rules of the 1EdTech OB 2.0 validator):
    /// an `@context` string containing `v1` is 1.1, containing `v2` (or any array/object context) is 2.0; without a
    /// context, a bare-string `recipient`, a `badge.version` of 0.5.x or an `issued_on` member means 0.5, else 1.0.
    /// - Parameter object: an assertion, badge class or issuer object.
    /// - Returns: the detected version.
    public static func detectVersion(of object: JSONObject) -> OpenBadgesVersion {
        if let context = object["@context"] {
            if case .string(let s) = context {
                if s.contains("/v1") { return .v1_1 }
                return .v2_0
            }
            return .v2_0
        }
        if case .string = object["recipient"] { return .v0_5 }
        if let v = object["badge"]?["version"]?.stringValue ?? object["version"]?.stringValue, v.hasPrefix("0.") { return .v0_5 }
        if object.contains("issued_on") || object["issuer"]?["origin"] != nil { return .v0_5 }
        return .v1_0
    }
}
