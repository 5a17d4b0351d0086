import Testing
import BenchHarness

@Suite("Seeded inputs")
struct InputTests {
    @Test("SplitMix64 reproduces the reference sequence for seed 0")
    func splitMixReference() {
        // Reference values of Vigna's splitmix64.c with x = 0.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("uniforms stay strictly inside (0, 1)")
    func openUnit() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<10_000 {
            let u = generator.nextOpenUnit()
            #expect(u > 0 && u < 1)
        }
    }

    @Test("Box–Muller draws have mean ≈ 0 and variance ≈ 1 (n = 200000, ±5 standard errors)")
    func normalMoments() {
        var normal = NormalGenerator(seed: 42)
        let n = 200_000
        let draws = normal.next(n)
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        #expect(abs(mean) < 5 / Double(n).squareRoot())
        #expect(abs(variance - 1) < 5 * (2 / Double(n)).squareRoot())
    }

    @Test("least-squares inputs are deterministic, have an intercept column and the documented shape")
    func leastSquares() {
        let size = CaseSize(rows: 500, columns: 4)
        let a = LeastSquaresProblem(size: size), b = LeastSquaresProblem(size: size)
        #expect(a.x == b.x && a.y == b.y)
        #expect(a.x.count == 2000 && a.y.count == 500)
        #expect(a.x[0..<500].allSatisfy { $0 == 1 })
        #expect(a.trueCoefficients[0] == 10)
        #expect(LeastSquaresProblem(size: CaseSize(rows: 500, columns: 5)).x[500..<1000] != a.x[500..<1000])
        #expect(a.exportedArrays.map(\.fileName) == ["ls_500x4_x.npy", "ls_500x4_y.npy"])
        #expect(a.exportedArrays.map(\.shape) == [[500, 4], [500]])
    }

    @Test("case sizes print as <rows>x<cols>")
    func sizeDescription() {
        #expect(CaseSize(rows: 1_000_000, columns: 20).description == "1000000x20")
        #expect(CaseSize.square(64).description == "64x64")
    }
}
