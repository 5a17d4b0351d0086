import Foundation

/// Writes each case's inputs (`.npy`, see `NPYFormat`) and a `manifest.json` for `--export-data DIR`.
///
/// Inputs shared by several cases (same generator and size, e.g. all least-squares cases at 10000x20) are
/// written once; the manifest maps every case to its files and, after the case ran, to ours' results
/// (coefficients, standard errors) so a comparison script can check agreement too. The manifest is rewritten
/// after every change, so a run stopped by a disagreement still leaves a readable manifest naming the inputs
/// of the failing case.
public struct DataExporter {
    /// The export directory.
    public let directory: URL
    private var written: Set<String> = []
    private var entries: [(key: String, members: [JSON.Member])] = []

    /// Creates `directory` (and parents) if needed.
    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
    }

    /// Writes the inputs of `benchCase` not written yet and adds the case to the manifest.
    public mutating func addInputs(of benchCase: BenchCase, _ inputs: [ExportedArray]) throws {
        var files: [JSON.Member] = []
        for array in inputs {
            if !written.contains(array.fileName) {
                let bytes = NPYFormat.encode(shape: array.shape, values: array.values)
                try Data(bytes).write(to: directory.appendingPathComponent(array.fileName))
                written.insert(array.fileName)
            }
            files.append(.init(array.name, .string(array.fileName)))
        }
        entries.append((benchCase.key, [
            .init("name", .string(benchCase.name)),
            .init("suite", .string(benchCase.suite)),
            .init("size", .string(benchCase.size.description)),
            .init("inputs", .object(files)),
        ]))
        try writeManifest()
    }

    /// Records ours' results for the case most recently added with `key`.
    public mutating func addResults(ofCaseWithKey key: String, _ results: [(name: String, values: [Double])]) throws {
        guard let index = entries.lastIndex(where: { $0.key == key }) else { return }
        let values = results.map { JSON.Member($0.name, .array($0.values.map { JSON.finite($0) })) }
        entries[index].members.append(.init("ours", .object(values)))
        try writeManifest()
    }

    private func writeManifest() throws {
        let manifest: JSON = .object([
            "format": .string("forecast-bench-export/1"),
            "arrays": .string(".npy float64, Fortran (column-major) order; x is n×p with an intercept column, "
                + "y has length n; gemm: a and b are n×n"),
            "cases": .array(entries.map { .object($0.members) }),
        ])
        try Data((manifest.serialized() + "\n").utf8).write(to: directory.appendingPathComponent("manifest.json"))
    }
}
