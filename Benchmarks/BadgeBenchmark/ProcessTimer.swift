import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run of a whole process: wall time and peak resident memory.
struct ProcessMeasurement {
    let seconds: Double
    let peakResidentBytes: Int
    let status: Int32
}

/// Runs commands as whole processes (as a user would), measuring wall time and peak memory with `wait4`.
enum ProcessTimer {
    /// GNU time, which reports the child's own peak memory: a process started straight from this one would
    /// inherit this process's memory high-water mark in its accounting (Linux records it at exec).
    static let gnuTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil

    /// Runs `arguments` (the first is the executable path), with standard output sent to `stdoutPath`.
    static func measure(_ arguments: [String], stdoutPath: String = "/dev/null", stderrPath: String? = nil) throws -> ProcessMeasurement {
        let memoryReport = FileManager.default.temporaryDirectory.appendingPathComponent("badge-benchmark-rss-\(getpid())").path
        let arguments = gnuTime.map { [$0, "-f", "%M", "-o", memoryReport] + arguments } ?? arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let stderrPath { posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY, 0) }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let start = DispatchTime.now()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchmarkError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        var peak: Int
        #if canImport(Darwin)
            peak = Int(usage.ru_maxrss)  // bytes on Darwin
        #else
            peak = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #endif
        if gnuTime != nil, let text = try? String(contentsOfFile: memoryReport, encoding: .utf8),
            let kilobytes = Int(text.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) ?? "")
        {
            peak = kilobytes * 1024
        }
        return ProcessMeasurement(seconds: seconds, peakResidentBytes: peak, status: (status >> 8) & 0xFF)
    }

    /// The median of `runs` measurements (after one warm-up run), and the largest peak memory seen.
    static func median(runs: Int, prepare: () throws -> Void = {}, _ arguments: [String], stdoutPath: String = "/dev/null") throws -> ProcessMeasurement {
        try prepare()
        _ = try measure(arguments, stdoutPath: stdoutPath)
        var results: [ProcessMeasurement] = []
        for _ in 0..<runs {
            try prepare()
            let result = try measure(arguments, stdoutPath: stdoutPath)
            guard result.status == 0 else { throw BenchmarkError("\(arguments.joined(separator: " ")) exited with \(result.status)") }
            results.append(result)
        }
        let sorted = results.sorted { $0.seconds < $1.seconds }
        return ProcessMeasurement(
            seconds: sorted[sorted.count / 2].seconds,
            peakResidentBytes: results.map(\.peakResidentBytes).max() ?? 0,
            status: 0
        )
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
