import ArgumentParser
import BenchHarness

/// `bench list`: the cases a `run` with the same options would measure, one `suite/name/size` key per line.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the cases of a profile (keys are what --filter matches).")

    @OptionGroup var selection: CaseSelection

    func run() throws {
        let cases = try selection.selectedCases()
        let width = cases.map(\.key.count).max() ?? 0
        for benchCase in cases {
            print(Format.left(benchCase.key, width) + "  " + benchCase.summary)
        }
    }
}
