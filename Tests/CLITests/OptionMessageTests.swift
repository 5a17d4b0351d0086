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
}
