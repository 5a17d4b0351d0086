import Foundation

/// What the machine says about itself, read-only.
public enum SystemInfo {
    /// The first `model name` in /proc/cpuinfo (nil when unavailable).
    public static func cpuModel() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        return cpuModel(cpuinfo: text)
    }

    /// The first `model name` value in a /proc/cpuinfo text.
    public static func cpuModel(cpuinfo text: String) -> String? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "model name" else { continue }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Processors available to this process.
    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The values of `names` in the process environment, as found (nil = unset).
    public static func variables(_ names: [String]) -> [(name: String, value: String?)] {
        let environment = ProcessInfo.processInfo.environment
        return names.map { ($0, environment[$0]) }
    }

    /// The current time in ISO 8601, UTC, to the second.
    public static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
