import Foundation

/// What a finished child process printed and how it exited.
struct ProcessOutput {
    let status: Int32
    let stdout: Data
    let stderr: String
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs a program to completion (tests only; input, if any, is written to its standard input).
func run(_ executable: URL, _ arguments: [String], input: Data? = nil, currentDirectory: URL? = nil) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let input {
        try stdin.fileHandleForWriting.write(contentsOf: input)
        try stdin.fileHandleForWriting.close()
    }
    // Read both pipes concurrently with the child so that neither fills up.
    let errorData = LockedBox(Data())
    let errorReader = Thread { errorData.value = stderr.fileHandleForReading.readDataToEndOfFile() }
    errorReader.start()
    let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while errorReader.isExecuting || !errorReader.isFinished { usleep(1000) }
    return ProcessOutput(status: process.terminationStatus, stdout: outputData, stderr: String(decoding: errorData.value, as: UTF8.self))
}

/// A value shared with a helper thread.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// `python3` with the `openbadges_bakery` module, when both are installed.
let pythonWithBakery: URL? = {
    for path in ["/usr/local/bin/python3", "/usr/bin/python3", "/root/.pyenv/shims/python3"] + pathCandidates("python3") {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.isExecutableFile(atPath: path),
            let output = try? run(url, ["-c", "import openbadges_bakery"]), output.status == 0
        else { continue }
        return url
    }
    return nil
}()

private func pathCandidates(_ name: String) -> [String] {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
}
