import BenchHarness

/// A family of cases built from one kind of input (one file per suite).
protocol Suite {
    /// Suite name, used in case keys (`ols/ols-hc1/10000x20`).
    static var name: String { get }
    /// The suite's cases for `profile`, in run order.
    static func cases(for profile: Profile) -> [BenchCase]
}

/// All suites, in run order.
enum Suites {
    static var all: [any Suite.Type] { [GEMMSuite.self, QRSolveSuite.self, OLSSuite.self] }

    /// Every case of `profile`, in run order.
    static func cases(for profile: Profile) -> [BenchCase] {
        all.flatMap { $0.cases(for: profile) }
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
            return leastSquaresSizes(for: .quick) + [CaseSize(rows: 1_000_000, columns: 20)]
        }
    }
}
