import Foundation

/// Finds the resource folders that SwiftPM copies beside a built product (`<Package>_<Target>.resources`, or a
/// `.bundle` on Apple platforms).
///
/// `Bundle.module` stops the process when its bundle is missing (an executable copied away from its build folder),
/// and on Linux it costs a scan of the executable's folder; a missing folder must instead make the checks that need
/// it fail with an error. So the bundle is looked for here, beside the executable (and, on Apple platforms, the main
/// bundle).
package enum ResourceFolders {
    /// The folder `folder` of the resource bundle `bundle` (such as `BadgeBaking_JSONSchema`), or nil when no bundle
    /// beside the executable holds `probe` in that folder.
    package static func folder(_ folder: String, of bundle: String, holding probe: String) -> URL? {
        for base in bases {
            for name in ["\(bundle).resources", "\(bundle).bundle"] {
                for path in [folder, "Contents/Resources/\(folder)"] {
                    let url = base.appendingPathComponent(name).appendingPathComponent(path)
                    if FileManager.default.fileExists(atPath: url.appendingPathComponent(probe).path) { return url }
                }
            }
        }
        return nil
    }

    /// The folders that may hold resource bundles: the executable's (the real file behind any symbolic link), and
    /// on Apple platforms the main bundle's.
    static let bases: [URL] = {
        var bases: [URL] = []
        #if canImport(Darwin)
            bases += [Bundle.main.resourceURL, Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent()].compactMap { $0 }
        #elseif os(Linux)
            bases.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        #endif
        if let first = CommandLine.arguments.first, !first.isEmpty {
            bases.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        return bases
    }()
}
