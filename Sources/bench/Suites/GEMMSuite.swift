import BenchHarness
import Forecast

/// Square matrix products: `Matrix.multiplied(by:)` (a fresh n×n result per call) vs `cblas_dgemm` into a
/// reused buffer. GFLOP/s = 2n³ / median time; "% peak" compares it with the dgemm peak measured in the
/// same run (`GEMMSuite.measurePeak`).
/// Sizes: smoke 64, 128; quick 256, 512, 1024; full adds 2048.
enum GEMMSuite: Suite {
    static let name = "gemm"

    static func orders(for profile: Profile) -> [Int] {
        switch profile {
        case .smoke: return [64, 128]
        case .quick: return [256, 512, 1024]
        case .full: return [256, 512, 1024, 2048]
        }
    }

    static func cases(for profile: Profile) -> [BenchCase] {
        orders(for: profile).map { order in
            BenchCase(name: "gemm", suite: name, size: .square(order),
                      summary: "Matrix.multiplied(by:) vs cblas_dgemm into a reused buffer") {
                prepare(order: order)
            }
        }
    }

    static func prepare(order: Int) -> PreparedCase {
        let problem = ProductProblem(order: order)
        let a = Matrix(rows: order, columns: order, columnMajor: problem.a)
        let b = Matrix(rows: order, columns: order, columnMajor: problem.b)
        var product: Matrix? = nil
        let ours = Subject(name: "Matrix.multiplied(by:)",
                           run: { product = a.multiplied(by: b) },
                           output: { product?.storage ?? [] })
        var reference = CBLASProduct(order: order)
        let baseline = Subject(name: "cblas_dgemm",
                               run: { reference.multiply(problem.a, problem.b) },
                               output: { reference.c })
        return PreparedCase(ours: ours, baseline: baseline, flopCount: problem.flopCount,
                            inputs: problem.exportedArrays)
    }
}
