import DataIntegrity

/// A typical Open Badges 3.0 credential (made by Benchmarks/BadgeBenchmark, BenchCredential.swift): VC 2.0 + OB 3.0.3
/// contexts, did:key issuer, the achievement credential schema, a hashed email identifier, an achievement with criteria,
/// image, two alignments and tags, signed eddsa-rdfc-2022.
enum Credential {
    static let text = #"""
{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"urn:uuid:957431dc-f40b-42e1-85fa-8212a86eb52b","type":["VerifiableCredential","OpenBadgeCredential"],"credentialSchema":[{"id":"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json","type":"1EdTechJsonSchemaValidator2019"}],"issuer":{"id":"did:key:z6MkfvVYNEVXSyC5GG7V2AUSPU6wJwPfHKfcbSx8jQe7sWDS","type":["Profile"],"name":"Example Academy","url":"https://academy.example.org/","email":"badges@academy.example.org"},"validFrom":"2025-01-09T15:06:31Z","name":"Reactive Microservices - Level 2","credentialSubject":{"type":["AchievementSubject"],"identifier":[{"type":"IdentityObject","hashed":true,"identityType":"emailAddress","identityHash":"sha256$8d967711b28a64bff819b38e2163830855da674ba45ee4e7feeb1fa19a93060c"}],"achievement":{"id":"https://badges.example.org/achievements/reactive-0","type":["Achievement"],"achievementType":"Badge","name":"Reactive Architecture: Reactive Microservices - Level 2","description":"Earners of this badge understand the difference between a monolithic system and a microservices system, and the value of isolation for stability, maintainability and scalability.","image":{"id":"https://images.example.org/badges/reactive-microservices.png","type":"Image"},"criteria":{"id":"https://badges.example.org/criteria/reactive-microservices","narrative":"Complete the Reactive Microservices course, review about 6 hours of videos, quizzes and exams, and pass the assessed portions."},"alignment":[{"type":["Alignment"],"targetName":"Certified Reactive Architect","targetUrl":"https://www.example.org/certified-reactive-architect","targetDescription":"The certification this course prepares for.","targetFramework":"Example Skills","targetCode":"RA-2"},{"type":["Alignment"],"targetName":"Distributed systems","targetUrl":"https://skills.example.org/distributed-systems","targetType":"CFItem"}],"tag":["Reactive Architecture","Reactive Manifesto","Reactive Microservices","Reactive Systems","Technology Architecture"]}},"proof":{"type":"DataIntegrityProof","cryptosuite":"eddsa-rdfc-2022","created":"2025-01-09T15:06:31Z","verificationMethod":"did:key:z6MkfvVYNEVXSyC5GG7V2AUSPU6wJwPfHKfcbSx8jQe7sWDS#z6MkfvVYNEVXSyC5GG7V2AUSPU6wJwPfHKfcbSx8jQe7sWDS","proofPurpose":"assertionMethod","proofValue":"z5MvFarcFCAeRTNQc2mGQkQweMLSaiv2QVhtfUT91fenMk8iDKJmyJcp2CEBiN6tajcExivMFus7DnmyEhteU6VDE"}}
"""#

    /// The issuer's Ed25519 public key (from its did:key).
    static var publicKey: [UInt8] {
        let did = "did:key:z6MkfvVYNEVXSyC5GG7V2AUSPU6wJwPfHKfcbSx8jQe7sWDS"
        guard case .ed25519(let raw)? = MultikeyPublicKey(multibase: String(did.dropFirst("did:key:".count))) else { fatalError("not an Ed25519 did:key") }
        return raw
    }
}
