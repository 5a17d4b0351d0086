import BenchHarness
import Forecast

/// Least-squares coefficients: the library against bare LAPACK.
///
/// The library has no public coefficients-only entry point (`LeastSquaresWorkspace`'s factor/solve are
/// internal), so ours is its lightest public route, `LinearRegression(covariance: .classical).fit` — the same
/// call as `ols-classical`, which therefore doubles as a repeat measurement. Two cases per size, one baseline
/// each:
/// - `qr-solve`: vs `dgeqrf`+`dormqr`+`dtrtrs` on reused buffers (the floor for a QR solve);
/// - `qr-solve-dgels`: vs LAPACK's one-call driver `dgels` on reused buffers.
/// Sizes: 1000x10, 10000x20, 100000x50, 1000000x20 (quick, full); smoke: 200x5, 1000x10.
enum QRSolveSuite: Suite {
    static let name = "qr-solve"

    static func cases(for profile: Profile) -> [BenchCase] {
        Suites.allLeastSquaresSizes(for: profile).flatMap { size in
            [
                BenchCase(name: "qr-solve", suite: name, size: size,
                          summary: "LinearRegression().fit vs dgeqrf+dormqr+dtrtrs") {
                    prepare(size: size, baseline: LeastSquaresSubjects.bareQR)
                },
                BenchCase(name: "qr-solve-dgels", suite: name, size: size,
                          summary: "LinearRegression().fit vs dgels") {
                    prepare(size: size, baseline: LeastSquaresSubjects.dgels)
                },
            ].filter { Suites.leastSquaresSizes(for: profile, caseName: $0.name).contains(size) }
        }
    }

    static func prepare(size: CaseSize, baseline: (LeastSquaresProblem) -> Subject) -> PreparedCase {
        let problem = LeastSquaresProblem(size: size)
        let ours = LeastSquaresSubjects.forecastFit(problem, covariance: .classical)
        return PreparedCase(ours: ours.subject, baseline: baseline(problem), inputs: problem.exportedArrays,
                            results: ours.results)
    }
}
