// The library names its settings in its own words (SettingError); the CLI reports them with its flags. These are
// the flag wordings the library's IngestOptions tests asserted before the messages moved (issue 16, item 5).
import Foundation
import Testing

@Suite("Usage errors name the flags (end to end)")
struct OptionMessageTests {
    static let cases: [(arguments: [String], message: String)] = [
        (["--cumulative", "--gaps", "zero"], "--gaps zero cannot be used with --cumulative"),
        (["--per-event", "--sum-duplicates"], "--sum-duplicates is implied by --per-event (rows are always summed)"),
        (["--corrections", "missing"], "--corrections applies to --cumulative input only"),
        (["--report-lag=-1"], "--report-lag must be ≥ 0 days, got -1"),
        (["--from", "2024-02-01", "--to", "2024-01-01"], "--from 2024-02-01 is after --to 2024-01-01"),
        (["--value", "a", "--value", "a"], "--value 'a' is given twice"),
        (["--where", "model"], "--where 'model' must be COL~REGEX, COL=TEXT, COL!~REGEX or COL!=TEXT"),
        (["--where", "~Shahed"], "--where '~Shahed' names no column before '~'"),
        (["--baseline", "3"], "--baseline applies to --cumulative input only"),
    ]

    @Test("ingest: exit 64 and the message in flag terms", arguments: cases.indices)
    func flagWording(index: Int) throws {
        let file = try ForecastBinary.fixture("option-messages.csv", "date,a\n2024-01-01,1\n2024-01-02,2\n")
        let result = try ForecastBinary.run(["ingest", file] + Self.cases[index].arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(Self.cases[index].message), "\(result.stderr)")
    }

    @Test("A negative number after a numeric flag is read as its value, as with '=': the range message, not 'missing value'")
    func negativeValues() throws {
        let file = try ForecastBinary.fixture("negative-values.csv", AdversarialWorkspace.scaledSeries(days: 200, scale: 1))
        let cases: [(arguments: [String], message: String)] = [
            (["ingest", file, "--report-lag", "-1"], "--report-lag must be ≥ 0 days, got -1"),
            (["fit", file, "--horizon", "-3"], "--horizon must be in 1...3660 days, got -3"),
            (["backtest", file, "--horizon", "7", "--first", "2024-05-01", "--step", "-2"], "--step must be in 1...3660 days, got -2"),
            (["effects", file, "--event", "2024-03-01:x", "--shift", "-1"], "--placebos and --shift must be ≥ 0"),
            // A flag where the value should be is named as the value, not taken as the next option.
            (["fit", file, "--horizon", "--paths", "40"], "The value '--paths' is invalid for '--horizon <horizon>'"),
        ]
        for (arguments, message) in cases {
            let result = try ForecastBinary.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Missing value"), "\(arguments): \(result.stderr)")
        }
        // A window with leads: `--window -7..3` is the same command as `--window=-7..3`.
        let common = ["fit", file, "--event", "2024-03-01:x", "--model", "nb2", "--paths", "40", "--format", "json"]
        let spaced = try ForecastBinary.run(common + ["--window", "-7..3"])
        let joined = try ForecastBinary.run(common + ["--window=-7..3"])
        #expect(spaced.status == 0 && joined.status == 0, "\(spaced.stderr) \(joined.stderr)")
        #expect(spaced.stdout == joined.stdout && spaced.stdout.contains("-7"))
    }
}
