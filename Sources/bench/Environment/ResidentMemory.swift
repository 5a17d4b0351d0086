import Foundation

/// The process's resident memory, from /proc/self/status (Linux; nil elsewhere).
///
/// `measurePeak` resets the kernel's high-water mark (writing "5" to /proc/self/clear_refs, Linux ≥ 4.0), runs the
/// work, then reads `VmHWM`: the peak resident set during the work, including what was resident before it (the
/// case's inputs). Pages allocated but never written (zero-filled buffers of a baseline not yet run) do not count.
enum ResidentMemory {
    /// Peak resident bytes during `work` and the resident bytes just before it (nil when /proc is unavailable).
    static func measurePeak(_ work: () throws -> Void) rethrows -> (peak: Int, before: Int)? {
        let reset = (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
        let before = field("VmRSS")
        try work()
        guard reset, let before, let peak = field("VmHWM") else { return nil }
        return (peak, before)
    }

    /// A `kB` field of /proc/self/status, in bytes.
    static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// "peak RSS 512 MB (+170 MB in the call)".
    static func describe(_ measurement: (peak: Int, before: Int)) -> String {
        let mb = { (bytes: Int) in String(format: "%.0f MB", Double(bytes) / 1e6) }
        return "peak RSS \(mb(measurement.peak)) (+\(mb(max(0, measurement.peak - measurement.before))) in one call of ours)"
    }
}
