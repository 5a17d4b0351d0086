import Foundation

/// Runs the built `forecast` executable (beside the test bundle in the build folder) and captures its output.
enum ForecastBinary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`: NIST StRD files and the statsmodels/R reference cases (`reference/<case>/…`).
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// `datasets/raw`: the raw feeds the shipped series are built from.
    static let raw = packageRoot.appendingPathComponent("datasets/raw")

    /// The `forecast` binary: next to the test executable, else in .build/debug.
    static let url: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("forecast"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("forecast"),
            Bundle.main.bundleURL.appendingPathComponent("forecast"),
            packageRoot.appendingPathComponent(".build/debug/forecast"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    static func run(_ arguments: [String], currentDirectory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes `contents` to a fresh temporary file named `name` and returns its path.
    static func fixture(_ name: String, _ contents: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("forecast-cli-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
