import BenchHarness

/// A family of cases built from one kind of input (one file per suite).
protocol Suite {
    /// Suite name, used in case keys (`ols/ols-hc1/10000x20`).
    static var name: String { get }
    /// The suite's cases for `profile`, in run order.
    static func cases(for profile: Profile) -> [BenchCase]
    /// The same, for suites that write files: they go into `scratch` (default: `cases(for:)`).
    static func cases(for profile: Profile, scratch: ScratchDirectory) -> [BenchCase]
    /// Relative agreement tolerance of the case named `name` (default `Agreement.defaultTolerance`, 1e-8).
    static func agreementTolerance(forCase name: String) -> Double
    /// Bytes one call of ours reads for a case of `size` (for MB/s in the table), or nil (default).
    static func bytesProcessed(forCase name: String, size: CaseSize) -> Int?
}

extension Suite {
    static func cases(for profile: Profile, scratch: ScratchDirectory) -> [BenchCase] { cases(for: profile) }
    static func agreementTolerance(forCase name: String) -> Double { Agreement.defaultTolerance }
    static func bytesProcessed(forCase name: String, size: CaseSize) -> Int? { nil }
}

/// All suites, in run order.
enum Suites {
    static var all: [any Suite.Type] {
        [GEMMSuite.self, QRSolveSuite.self, OLSSuite.self, CountRegressionSuite.self, ManySeriesSuite.self,
         FitForecastSuite.self, IngestSuite.self, EffectsSuite.self, BacktestSuite.self]
    }

    /// Every case of `profile`, in run order; files go into `scratch` (default: a temporary directory, which
    /// `list` never creates because it prepares nothing).
    static func cases(for profile: Profile, scratch: ScratchDirectory = .temporary()) -> [BenchCase] {
        all.flatMap { $0.cases(for: profile, scratch: scratch) }
    }

    /// The suite named `name`.
    static func suite(named name: String) -> (any Suite.Type)? {
        all.first { $0.name == name }
    }

    /// Agreement tolerance of `benchCase` (its suite's rule).
    static func agreementTolerance(for benchCase: BenchCase) -> Double {
        suite(named: benchCase.suite)?.agreementTolerance(forCase: benchCase.name) ?? Agreement.defaultTolerance
    }

    /// Bytes read per call by the case of a result, for throughput (nil where it does not apply).
    static func bytesProcessed(by result: CaseResult) -> Int? {
        suite(named: result.suite)?.bytesProcessed(forCase: result.name, size: result.size)
    }

    /// Least-squares sizes shared by the qr-solve and ols suites.
    static func leastSquaresSizes(for profile: Profile) -> [CaseSize] {
        switch profile {
        case .smoke:
            return [CaseSize(rows: 200, columns: 5), CaseSize(rows: 1000, columns: 10)]
        case .quick:
            return [CaseSize(rows: 1000, columns: 10), CaseSize(rows: 10_000, columns: 20),
                    CaseSize(rows: 100_000, columns: 50)]
        case .full:
            return leastSquaresSizes(for: .quick) + [tallSkinnySize]
        }
    }

    /// The tall-skinny size (TSQR's target). The full profile runs every least-squares case there; quick only
    /// `quickTallSkinnyCases` (the acceptance cases of the tall-skinny work, at a tenth of a full run's time).
    static let tallSkinnySize = CaseSize(rows: 1_000_000, columns: 20)
    static let quickTallSkinnyCases: Set<String> = ["qr-solve", "qr-solve-dgels", "ols-classical", "ols-hc1"]

    /// Every least-squares size some case of `profile` runs at.
    static func allLeastSquaresSizes(for profile: Profile) -> [CaseSize] {
        profile == .quick ? leastSquaresSizes(for: profile) + [tallSkinnySize] : leastSquaresSizes(for: profile)
    }

    /// Least-squares sizes of case `name` (the shared sizes, plus the tall-skinny one for quick's chosen cases).
    static func leastSquaresSizes(for profile: Profile, caseName name: String) -> [CaseSize] {
        let sizes = leastSquaresSizes(for: profile)
        return profile == .quick && quickTallSkinnyCases.contains(name) ? sizes + [tallSkinnySize] : sizes
    }
}
