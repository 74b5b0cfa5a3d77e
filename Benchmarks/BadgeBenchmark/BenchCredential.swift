import BadgeBaking
import BadgeVerification
import Crypto
import DataIntegrity
import Foundation
import JSONLD
import OpenBadgesModel

/// A typical Open Badges 3.0 credential, Credly-sized (about 2.5 KB): VC 2.0 + OB 3.0.3 contexts, a did:key issuer,
/// the achievement credential schema, a hashed email identifier, an achievement with criteria, image, two alignments
/// and tags, signed `eddsa-rdfc-2022` with a fresh Ed25519 key.
enum BenchCredential {
    static let contexts: JSONValue = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]

    /// The unsigned credential number `index`, issued by `issuer` (a did:key).
    static func unsigned(index: Int, issuer: String) -> JSONObject {
        let achievement: JSONValue = [
            "id": .string("https://badges.example.org/achievements/reactive-\(index % 7)"),
            "type": ["Achievement"],
            "achievementType": "Badge",
            "name": "Reactive Architecture: Reactive Microservices - Level 2",
            "description":
                "Earners of this badge understand the difference between a monolithic system and a microservices system, and the value of isolation for stability, maintainability and scalability.",
            "image": ["id": "https://images.example.org/badges/reactive-microservices.png", "type": "Image"],
            "criteria": [
                "id": "https://badges.example.org/criteria/reactive-microservices",
                "narrative": "Complete the Reactive Microservices course, review about 6 hours of videos, quizzes and exams, and pass the assessed portions.",
            ],
            "alignment": [
                [
                    "type": ["Alignment"], "targetName": "Certified Reactive Architect", "targetUrl": "https://www.example.org/certified-reactive-architect",
                    "targetDescription": "The certification this course prepares for.", "targetFramework": "Example Skills", "targetCode": "RA-2",
                ],
                [
                    "type": ["Alignment"], "targetName": "Distributed systems", "targetUrl": "https://skills.example.org/distributed-systems",
                    "targetType": "CFItem",
                ],
            ],
            "tag": ["Reactive Architecture", "Reactive Manifesto", "Reactive Microservices", "Reactive Systems", "Technology Architecture"],
        ]
        let subject: JSONValue = [
            "type": ["AchievementSubject"],
            "identifier": [
                [
                    "type": "IdentityObject", "hashed": true, "identityType": "emailAddress",
                    "identityHash": .string(
                        "sha256$" + SHA256.hash(data: Data("learner\(index)@example.org".utf8)).map { String(format: "%02x", $0) }.joined()),
                ]
            ],
            "achievement": achievement,
        ]
        let credential: JSONValue = [
            "@context": contexts,
            "id": .string("urn:uuid:\(UUID().uuidString.lowercased())"),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "credentialSchema": [
                [
                    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
                    "type": "1EdTechJsonSchemaValidator2019",
                ]
            ],
            "issuer": [
                "id": .string(issuer), "type": ["Profile"], "name": "Example Academy", "url": "https://academy.example.org/",
                "email": "badges@academy.example.org",
            ],
            "validFrom": "2025-01-09T15:06:31Z",
            "name": "Reactive Microservices - Level 2",
            "credentialSubject": subject,
        ]
        return credential.objectValue!
    }

    /// A credential signed eddsa-rdfc-2022 by a fresh did:key.
    static func signed(index: Int) throws -> JSONObject {
        let key = Curve25519.Signing.PrivateKey()
        let multikey = MultikeyPublicKey.ed25519(Array(key.publicKey.rawRepresentation)).multibase
        let did = "did:key:" + multikey
        let options: JSONValue = [
            "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-01-09T15:06:31Z",
            "verificationMethod": .string(did + "#" + multikey), "proofPurpose": "assertionMethod",
        ]
        let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader()))
        return try DataIntegrity.sign(unsigned(index: index, issuer: did), proofOptions: options.objectValue!, key: key, processor: processor)
    }

    /// Writes `count` fresh credentials to `directory`: `credential-N.json` and the same baked into `credential-N.png`.
    static func write(count: Int, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let plain = directory.appendingPathComponent(".plain.png")
        try PNGGenerator.write(to: plain, approximateBytes: 4096)
        let png = try Data(contentsOf: plain)
        try? FileManager.default.removeItem(at: plain)
        for index in 0..<count {
            let text = JSONValue.object(try signed(index: index)).serialized()
            try Data(text.utf8).write(to: directory.appendingPathComponent("credential-\(index).json"))
            try Data(BadgeBaker().bake(text, from: .bytes(Array(png)), to: .memory).bakedImage ?? []).write(
                to: directory.appendingPathComponent("credential-\(index).png"))
        }
    }
}
