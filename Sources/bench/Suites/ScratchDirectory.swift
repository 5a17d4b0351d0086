import Foundation

/// Where cases that need files on disk (the per-event CSV of the ingest suite) write them.
///
/// With `--export-data DIR` it is DIR and the files are kept, so `Benchmarks/compare_statsmodels.py` reads the
/// very file we timed; otherwise a private directory under the system's temporary directory, removed when
/// the run ends (and each file as soon as its case is done). Never a directory inside the repository.
struct ScratchDirectory: Sendable {
    /// The directory (created on first use).
    let url: URL
    /// Whether files written here outlive the run.
    let keepsFiles: Bool

    /// A fresh `forecast-bench-<pid>` directory under the temporary directory; removed by `removeIfTemporary`.
    static func temporary() -> ScratchDirectory {
        let name = "forecast-bench-\(ProcessInfo.processInfo.processIdentifier)"
        return ScratchDirectory(url: FileManager.default.temporaryDirectory.appendingPathComponent(name),
                                keepsFiles: false)
    }

    /// The URL of `name` inside the directory, creating the directory if needed.
    func file(named name: String) throws -> ScratchFile {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return ScratchFile(url: url.appendingPathComponent(name), removesOnRelease: !keepsFiles)
    }

    /// Deletes the directory when it is a temporary one (no-op for an export directory).
    func removeIfTemporary() {
        guard !keepsFiles else { return }
        try? FileManager.default.removeItem(at: url)
    }
}

/// A file owned by one prepared case: removed when the last subject holding it is released, unless kept.
final class ScratchFile {
    let url: URL
    private let removesOnRelease: Bool

    init(url: URL, removesOnRelease: Bool) {
        self.url = url
        self.removesOnRelease = removesOnRelease
    }

    var path: String { url.path }

    deinit {
        if removesOnRelease { try? FileManager.default.removeItem(at: url) }
    }
}
