// `bench run` option bounds (issue 18's second review): a thread count beyond what OpenBLAS takes was a trap (an
// unchecked conversion to a 32-bit count), and --export-data naming a file gave a raw Foundation error.
import Foundation
import Testing

@Suite("bench run: option bounds (end to end)")
struct BenchCommandTests {
    /// The `bench` binary built beside `forecast`.
    static let url = ForecastBinary.url.deletingLastPathComponent().appendingPathComponent("bench")

    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("--threads beyond 1...1024 is a usage error naming the range, not a trap",
          arguments: ["0", "1025", "9223372036854775807"])
    func threads(value: String) throws {
        let result = try Self.run(["run", "--profile", "smoke", "--filter", "^gemm/gemm/64x64$", "--allow-debug", "--threads", value])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--threads") && result.stderr.contains("1...1024"), "\(result.stderr)")
    }

    @Test("--export-data naming an existing file is a usage error naming the option; the file is untouched")
    func exportDataFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bench-export-\(UUID().uuidString).txt")
        try "keep\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Self.run(["run", "--profile", "smoke", "--filter", "^ingest", "--allow-debug", "--export-data", file.path])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--export-data") && result.stderr.contains("not a directory"), "\(result.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep\n")
    }
}
