import ArgumentParser
import BenchHarness

/// `--profile` and `--filter`, shared by `run` and `list`.
struct CaseSelection: ParsableArguments {
    @Option(help: "How much to measure: smoke (tiny, agreement only), quick, full.")
    var profile: Profile = .quick

    @Option(help: ArgumentHelp("Only cases whose key 'suite/name/size' contains a match of this regular expression.",
                               valueName: "regex"))
    var filter: String?

    func validate() throws {
        if let filter {
            do { _ = try Regex(filter) } catch {
                throw ValidationError("--filter '\(filter)' is not a valid regular expression: \(error)")
            }
        }
    }

    /// The profile's cases that match the filter, in run order; files they write go into `scratch`.
    func selectedCases(scratch: ScratchDirectory = .temporary()) throws -> [BenchCase] {
        let all = Suites.cases(for: profile, scratch: scratch)
        guard let filter else { return all }
        let regex = try Regex(filter)
        return all.filter { $0.key.contains(regex) }
    }
}
