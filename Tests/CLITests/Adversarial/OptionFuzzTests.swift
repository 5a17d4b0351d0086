// A seeded mutation fuzzer over the OPTION VALUES of fit, effects (both designs, --barrage), backtest (--models) and score (the file bytes are fuzzed by
// the ingest tests): each case takes a valid command line and replaces or adds one or two option values with hostile
// ones (0, negatives, Int.max, 1e308, nan, inf, empty, malformed dates and ranges, the input file as an output,
// devices, directories). Whatever the value, the binary must exit 0, 1 or 64 without a crash or hang, say why on
// stderr when it fails, leave the inputs unchanged and leave nothing behind on failure, and print no NaN/Inf.
import Foundation
import Testing

struct OptionFuzzCase: Sendable, CustomTestStringConvertible {
    let index: Int
    let arguments: [String]
    var testDescription: String { "#\(index): " + arguments.joined(separator: " ") }
}

enum OptionFuzzer {
    /// The fixed seed: the cases are the same on every run (a failure is reproducible from its description).
    static let seed: UInt64 = 0x5EED_F0CA_57ED
    static let count = 96

    static let hostile = [
        "0", "-1", "1", "2", "7", "-0", "9223372036854775807", "-9223372036854775808", "18446744073709551616",
        "1e308", "-1e308", "1e-308", "nan", "inf", "-inf", "", " ", "abc", "2:1", "1e308:1", "365.25:400", "7:3",
        "0..0", "-367..0", "5..-5", "2024-02-30", "9999-12-31", "0001-01-01", "2024-03-01", "2024-03-01:x",
        "2024-03-01:x:-9223372036854775808..0", "auto", "sliding:1", "sliding:2", "never", "0.5", "1,1,1",
        "series.csv", "link.csv", "/dev/null", "subdir", "missing/x.csv", "o.csv",
        // The options that landed after the first fuzzer: forecaster names, --value all, FILE:COLUMN controls,
        // {model} placeholders, periods.
        "local", "naive", "snaive", "mean28", "naive,naive", "naive,bogus", "auto,local,naive", "all", "week",
        "control.csv:c", "control.csv:label", "series.csv:y", "link.csv:y", "control.csv", "o-{model}.csv",
        "missing/{model}.csv", "{model}", "10,20,1e308",
    ]

    /// Valid command lines and the options whose values are mutated (an option absent from the line is added).
    static let bases: [(line: [String], options: [String])] = [
        (["fit", "series.csv", "--paths", "40"],
         ["--horizon", "--paths", "--level", "--seed", "--fourier", "--changepoints", "--ar", "--event", "--window",
          "--max-lags", "--threshold", "--from", "--to", "--output", "--plot", "--report-lag", "--value", "--events"]),
        (["fit", "series.csv", "--paths", "40", "--covariance", "hac", "--cumulative"],
         ["--max-lags", "--threshold", "--baseline", "--horizon", "--corrections"]),
        (["effects", "series.csv", "--event", "2024-03-01:x", "--placebos", "0", "--paths", "40"],
         ["--shift", "--placebos", "--paths", "--level", "--event", "--window", "--seed", "--plot", "--from", "--to",
          "--fourier", "--shape"]),
        (["backtest", "series.csv", "--horizon", "7", "--first", "2024-06-01", "--origins", "3", "--paths", "20"],
         ["--horizon", "--first", "--step", "--origins", "--training-window", "--refit", "--quantiles", "--paths",
          "--details", "--samples", "--seed", "--from"]),
        (["score", "forecasts.csv", "--train", "train.csv"], ["--season", "--train", "--samples", "--format"]),
        (["effects", "series.csv", "--event", "2024-03-01:x", "--placebos", "0", "--paths", "40"],
         ["--pre", "--gap", "--control", "--model", "--window", "--event", "--placebos", "--paths", "--level", "--barrage",
          "--within"]),
        (["effects", "series.csv", "--event", "2024-03-01:x", "--placebos", "0", "--paths", "40", "--robustness"],
         ["--pre", "--gap", "--plot", "--control", "--window"]),
        (["fit", "series.csv", "--paths", "40", "--model", "local"],
         ["--model", "--exceed", "--components", "--plot", "--value", "--horizon", "--output"]),
        (["backtest", "series.csv", "--horizon", "7", "--first", "2024-06-01", "--origins", "3", "--paths", "20",
          "--models", "naive,mean28"],
         ["--models", "--exceed", "--plot", "--details", "--samples", "--value", "--horizon", "--first"]),
    ]

    static var cases: [OptionFuzzCase] {
        var state = seed
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        return (0..<count).map { index in
            let base = bases[index % bases.count]
            var line = base.line
            for _ in 0..<(1 + Int(next() % 2)) {
                let option = pick(base.options), value = pick(hostile)
                if let at = line.firstIndex(of: option), at + 1 < line.count {
                    line[at + 1] = value
                } else {
                    line += [option, value]
                }
            }
            return OptionFuzzCase(index: index, arguments: line)
        }
    }
}

@Suite("Option-value fuzzer (seeded, end to end)")
struct OptionFuzzTests {
    @Test("A hostile option value never crashes, hangs, damages an input, leaves a file behind or prints NaN",
          arguments: OptionFuzzer.cases)
    func mutation(_ fuzz: OptionFuzzCase) throws {
        let workspace = try AdversarialWorkspace()
        defer { workspace.remove() }
        let before = workspace.snapshot()
        let result = try workspace.run(fuzz.arguments, timeout: 60)
        let after = workspace.snapshot()
        let context = "\(fuzz.testDescription)\nstatus \(result.status)\nstderr: \(result.stderr.prefix(600))"
        #expect(!result.crashed && !result.hung, "\(context)")
        #expect([0, 1, 64].contains(result.status), "\(context)")
        // Files the line names as outputs may be replaced by a success; inputs and every other file never change.
        let outputs = Set(fuzz.arguments.indices.dropFirst().filter {
            ["--output", "--plot", "--details", "--samples", "--components"].contains(fuzz.arguments[$0 - 1])
        }.map { fuzz.arguments[$0] })
        for (path, checksum) in before where !(result.status == 0 && outputs.contains(path)) {
            #expect(after[path] == checksum, "\(context)\n\(path) changed")
        }
        let created = Set(after.keys).subtracting(before.keys)
        if result.status == 0 {
            #expect(!AdversarialWorkspace.printsNonFinite(result.stdout), "\(context)\nNaN/Inf in stdout")
            #expect(!created.contains { $0.hasSuffix(".tmp") }, "\(context)\ntemporary file left: \(created.sorted())")
        } else {
            #expect(created.isEmpty, "\(context)\nleft behind \(created.sorted())")
            #expect(!result.stderr.isEmpty, "\(context)")
        }
    }
}
