// DistributionsTests.swift — accuracy and behaviour of Normal, StudentT, FDistribution, ChiSquared.
//
// Policy:
// 1. Reference values come from mpmath 1.3.0 at mp.dps = 40 (never from this package); each table
//    quotes the mpmath expression, evaluated at the exact binary value of every input. Quantiles are
//    roots of those expressions (Illinois iteration in mpmath to 1e-32). Literals carry 17
//    significant digits, so each one is the correctly rounded double of the mpmath value.
// 2. Accuracy is measured with relativeError(actual, expected) and must be ≤ 1e-12. The one looser
//    bound: an expected value below 2.2250738585072014e-308 (subnormal) is checked to an absolute
//    2e-320 (a few thousand subnormal steps), because subnormals carry fewer than 53 bits and the
//    exp() that produces them rounds to that coarse grid; relative accuracy cannot be promised there.
// 3. Behaviour: NaN in → NaN out, infinite arguments, quantile(0) and quantile(1), complements,
//    symmetry, infinite degrees of freedom, and preconditions (exit tests).

import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// |actual − expected| / |expected| (|actual| when expected is 0; 0 when both are equal).
private func relativeError(_ actual: Double, _ expected: Double) -> Double {
    if actual == expected { return 0 }
    if expected == 0 { return abs(actual) }
    return abs(actual - expected) / abs(expected)
}

/// Expects `actual` within `tolerance` relative error of `expected` (absolute 2e-320 if subnormal).
private func expectAccurate(_ actual: Double, _ expected: Double, _ what: @autoclosure () -> String,
                            tolerance: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation) {
    if abs(expected) < Double.leastNormalMagnitude {
        let error = abs(actual - expected)
        #expect(error <= 4096 * Double.leastNonzeroMagnitude,
                "\(what()): \(actual) vs \(expected), absolute error \(error)", sourceLocation: sourceLocation)
    } else {
        let error = relativeError(actual, expected)
        #expect(error <= tolerance, "\(what()): \(actual) vs \(expected), relative error \(error)",
                sourceLocation: sourceLocation)
    }
}

/// Checks `function(parameter, point)` against a reference grid.
private func expectGrid<P>(_ grid: [(P, [Double])], _ points: [Double], _ name: String,
                           sourceLocation: SourceLocation = #_sourceLocation, _ function: (P, Double) -> Double) {
    for (parameter, expected) in grid {
        #expect(expected.count == points.count, sourceLocation: sourceLocation)
        for (point, value) in zip(points, expected) {
            expectAccurate(function(parameter, point), value, "\(name) \(parameter) at \(point)",
                           sourceLocation: sourceLocation)
        }
    }
}

@Suite struct NormalDistributionTests {
    private typealias Table = DistributionReference

    @Test func standardNormalMatchesMpmath() {
        let n = Normal()
        for (z, e) in Table.normalCDF { expectAccurate(n.cdf(z), e, "cdf(\(z))") }
        for (z, e) in Table.normalSurvival { expectAccurate(n.survival(z), e, "survival(\(z))") }
        for (z, e) in Table.normalDensity { expectAccurate(n.density(z), e, "density(\(z))") }
        for (p, e) in Table.normalQuantile { expectAccurate(n.quantile(p), e, "quantile(\(p))") }
    }

    @Test func locationAndScale() {
        // Inputs chosen so that (x − mean)/sd is exact; mpmath: erfc(2/sqrt(2))/2, erfc(4/sqrt(2))/2,
        // npdf(1)/2 and 3 + 2·(root of erfc(-z/sqrt(2))/2 = 0.975).
        let n = Normal(mean: 3, standardDeviation: 2)
        expectAccurate(n.cdf(-1), 0.022750131948179207, "cdf(-1)")
        expectAccurate(n.survival(11), 3.1671241833119921e-5, "survival(11)")
        expectAccurate(n.density(5), 0.12098536225957167, "density(5)")
        expectAccurate(n.quantile(0.975), 6.9199279690801077, "quantile(0.975)")
        #expect(n.mean == 3 && n.standardDeviation == 2)
    }

    @Test func edgeCases() {
        let n = Normal()
        #expect(n.cdf(.nan).isNaN && n.survival(.nan).isNaN && n.density(.nan).isNaN && n.quantile(.nan).isNaN)
        #expect(n.cdf(-.infinity) == 0 && n.cdf(.infinity) == 1 && n.survival(.infinity) == 0)
        #expect(n.density(.infinity) == 0 && n.cdf(0) == 0.5)
        #expect(n.quantile(0) == -.infinity && n.quantile(1) == .infinity && n.quantile(0.5) == 0)
        for p in [0x1p-40, 0.0078125, 0.3125, 0.4921875] { #expect(n.quantile(p) == -n.quantile(1 - p)) }
        #expect(n.quantile(Double.leastNonzeroMagnitude) < -38)  // finite even for the smallest subnormal
    }
}

@Suite struct StudentTDistributionTests {
    private typealias Table = DistributionReference

    @Test func tailsMatchMpmath() {
        expectGrid(Table.tTwoSided, Table.tPoints, "twoSidedPValue") {
            StudentT(degreesOfFreedom: $0).twoSidedPValue($1)
        }
        expectGrid(Table.tCDF, Table.tCDFPoints, "cdf") { StudentT(degreesOfFreedom: $0).cdf($1) }
        expectGrid(Table.tSurvival, Table.tSurvivalPoints, "survival") {
            StudentT(degreesOfFreedom: $0).survival($1)
        }
        expectGrid(Table.tDensity, Table.tDensityPoints, "density") {
            StudentT(degreesOfFreedom: $0).density($1)
        }
    }

    @Test func quantilesMatchMpmath() {
        expectGrid(Table.tQuantile, Table.tQuantilePoints, "quantile") {
            StudentT(degreesOfFreedom: $0).quantile($1)
        }
    }

    @Test func regressionValues() {
        // Critical value and p-values of a regression with 318 residual degrees of freedom (mpmath
        // expressions as for the tables below).
        let t = StudentT(degreesOfFreedom: 318)
        expectAccurate(t.quantile(0.975), 1.9674519478608812, "quantile(0.975)")
        expectAccurate(t.twoSidedPValue(2.5), 0.012922668424359104, "p(2.5)")
        expectAccurate(t.twoSidedPValue(10), 1.1902612510727453e-20, "p(10)")
        expectAccurate(t.twoSidedPValue(35), 4.3239257115059206e-111, "p(35)")
        expectAccurate(StudentT(degreesOfFreedom: 9).quantile(0.995), 3.2498355415921257, "df 9 quantile(0.995)")
    }

    @Test func complementsAndSymmetry() {
        for df in [1, 3, 34, 1e6] {
            let d = StudentT(degreesOfFreedom: df)
            for t in [0.3, 2.5, 17] {
                #expect(d.cdf(-t) == d.survival(t) && d.cdf(t) == d.survival(-t))
                #expect(d.twoSidedPValue(t) == 2 * d.survival(t) && d.twoSidedPValue(-t) == d.twoSidedPValue(t))
                #expect(abs(d.cdf(t) + d.survival(t) - 1) <= 2 * Double.ulpOfOne)
            }
        }
    }

    @Test func infiniteDegreesOfFreedomIsNormal() {
        let t = StudentT(degreesOfFreedom: .infinity), n = Normal()
        for x in [-30, -1.5, 0, 0.7, 8] {
            #expect(t.cdf(x) == n.cdf(x) && t.survival(x) == n.survival(x) && t.density(x) == n.density(x))
        }
        #expect(t.quantile(0.975) == n.quantile(0.975) && t.twoSidedPValue(-2) == 2 * n.cdf(-2))
    }

    @Test func edgeCases() {
        let d = StudentT(degreesOfFreedom: 5)
        #expect(d.cdf(.nan).isNaN && d.survival(.nan).isNaN && d.density(.nan).isNaN)
        #expect(d.twoSidedPValue(.nan).isNaN && d.quantile(.nan).isNaN)
        #expect(d.cdf(-.infinity) == 0 && d.cdf(.infinity) == 1 && d.density(-.infinity) == 0)
        #expect(d.cdf(0) == 0.5 && d.twoSidedPValue(0) == 1)
        #expect(d.quantile(0) == -.infinity && d.quantile(1) == .infinity && d.quantile(0.5) == 0)
        // Beyond the largest double the quantile is infinite (here t ≈ 10^(600)).
        #expect(StudentT(degreesOfFreedom: 0.5).quantile(1e-300) == -.infinity)
    }
}

@Suite struct FDistributionTests {
    private typealias Table = DistributionReference

    @Test func tailsMatchMpmath() {
        let make = { (d: (Double, Double)) in
            FDistribution(numeratorDegreesOfFreedom: d.0, denominatorDegreesOfFreedom: d.1)
        }
        expectGrid(Table.fCDF, Table.fPoints, "cdf") { make($0).cdf($1) }
        expectGrid(Table.fSurvival, Table.fPoints, "survival") { make($0).survival($1) }
        expectGrid(Table.fDensity, Table.fDensityPoints, "density") { make($0).density($1) }
        expectGrid(Table.fQuantile, Table.fQuantilePoints, "quantile") { make($0).quantile($1) }
    }

    @Test func regressionValues() {
        // Overall F test with 10 and 318 degrees of freedom; mpmath betainc(159, 5, 0, 318/(10x+318)).
        let f = FDistribution(numeratorDegreesOfFreedom: 10, denominatorDegreesOfFreedom: 318)
        expectAccurate(f.survival(50), 2.3034191509126132e-59, "survival(50)")
        expectAccurate(f.survival(3), 1.2345661094185029e-3, "survival(3)")
    }

    @Test func edgeCases() {
        let f = FDistribution(numeratorDegreesOfFreedom: 5, denominatorDegreesOfFreedom: 15)
        #expect(f.cdf(.nan).isNaN && f.survival(.nan).isNaN && f.density(.nan).isNaN && f.quantile(.nan).isNaN)
        #expect(f.cdf(-1) == 0 && f.cdf(0) == 0 && f.survival(0) == 1 && f.cdf(.infinity) == 1)
        #expect(f.density(-1) == 0 && f.density(0) == 0 && f.density(.infinity) == 0)
        #expect(FDistribution(numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 7).density(0) == 1)
        #expect(FDistribution(numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: 7).density(0) == .infinity)
        #expect(f.quantile(0) == 0 && f.quantile(1) == .infinity)
        for x in [1e-3, 0.7, 2.9, 40] { #expect(abs(f.cdf(x) + f.survival(x) - 1) <= 2 * Double.ulpOfOne) }
    }
}

@Suite struct ChiSquaredDistributionTests {
    private typealias Table = DistributionReference

    @Test func tailsMatchMpmath() {
        expectGrid(Table.chiCDF, Table.chiPoints, "cdf") { ChiSquared(degreesOfFreedom: $0).cdf($1) }
        expectGrid(Table.chiSurvival, Table.chiPoints, "survival") {
            ChiSquared(degreesOfFreedom: $0).survival($1)
        }
        expectGrid(Table.chiDensity, Table.chiDensityPoints, "density") {
            ChiSquared(degreesOfFreedom: $0).density($1)
        }
        expectGrid(Table.chiQuantile, Table.chiQuantilePoints, "quantile") {
            ChiSquared(degreesOfFreedom: $0).quantile($1)
        }
    }

    @Test func regressionValues() {
        // mpmath gammainc(3.5, 10, inf, regularized=True).
        expectAccurate(ChiSquared(degreesOfFreedom: 7).survival(20), 5.5696830729455713e-3, "df 7 survival(20)")
    }

    @Test func edgeCases() {
        let c = ChiSquared(degreesOfFreedom: 7)
        #expect(c.cdf(.nan).isNaN && c.survival(.nan).isNaN && c.density(.nan).isNaN && c.quantile(.nan).isNaN)
        #expect(c.cdf(-1) == 0 && c.cdf(0) == 0 && c.survival(0) == 1 && c.survival(.infinity) == 0)
        #expect(c.density(-1) == 0 && c.density(0) == 0 && ChiSquared(degreesOfFreedom: 2).density(0) == 0.5)
        #expect(ChiSquared(degreesOfFreedom: 1).density(0) == .infinity)
        #expect(c.quantile(0) == 0 && c.quantile(1) == .infinity)
        // The df = 1 quantile at 1e-300 is about 1e-600: below the smallest double.
        #expect(ChiSquared(degreesOfFreedom: 1).quantile(1e-300) == 0)
    }
}

@Suite struct DistributionSpecialFunctionTests {
    private typealias Table = DistributionReference

    @Test func kernelsMatchMpmath() {
        for (z, e) in Table.logGammaValues {
            expectAccurate(SpecialFunctions.logGamma(z), e, "logGamma(\(z))")  // mpmath loggamma(z)
        }
        for (a, x, p, q) in Table.gammaValues {
            let (lower, upper) = SpecialFunctions.regularizedGamma(a, x)
            expectAccurate(lower, p, "P(\(a), \(x))")
            expectAccurate(upper, q, "Q(\(a), \(x))")
        }
        for (a, b, x, value, complement) in Table.betaValues {
            let (lower, upper) = SpecialFunctions.regularizedBeta(a, b, x: x, y: 1 - x)
            expectAccurate(lower, value, "I_\(x)(\(a), \(b))")
            expectAccurate(upper, complement, "1 - I_\(x)(\(a), \(b))")
        }
    }

    @Test func stirlingErrorTableJoinsTheShiftedSeries() {
        // Half-integers below 15 come from a table, their neighbours from the shifted asymptotic series: the two
        // must meet within the series' absolute error (~1e-16; δ′(z) ≈ −1/(12z²), so one ulp of z moves δ by far
        // less).
        for z in [0.5, 1, 3.5, 7.5, 14.5] {
            let table = SpecialFunctions.stirlingError(z)
            for neighbour in [z.nextUp, z.nextDown] {
                #expect(abs(SpecialFunctions.stirlingError(neighbour) - table) <= 2e-16, "δ(\(z)) vs δ(\(neighbour))")
            }
        }
    }

    @Test func acklamStartIsWithinItsPublishedBound() {
        // Acklam's rational approximation promises relative error < 1.15e-9; compare with the
        // refined (mpmath-checked) quantile.
        for p in [1e-300, 1e-20, 1e-3, 0.02, 0.03, 0.2, 0.45] {
            let start = Normal.approximateLowerQuantile(p)
            #expect(relativeError(start, Normal().quantile(p)) < 1.2e-9, "p = \(p)")
        }
    }
}

@Suite struct DistributionPreconditionTests {
    @Test func invalidParametersStopTheProcess() async {
        await #expect(processExitsWith: .failure) { _ = Normal(standardDeviation: 0) }
        await #expect(processExitsWith: .failure) { _ = Normal(mean: .nan) }
        await #expect(processExitsWith: .failure) { _ = StudentT(degreesOfFreedom: 0) }
        await #expect(processExitsWith: .failure) { _ = StudentT(degreesOfFreedom: -3) }
        await #expect(processExitsWith: .failure) {
            _ = FDistribution(numeratorDegreesOfFreedom: 0, denominatorDegreesOfFreedom: 5)
        }
        await #expect(processExitsWith: .failure) {
            _ = FDistribution(numeratorDegreesOfFreedom: 3, denominatorDegreesOfFreedom: -1)
        }
        await #expect(processExitsWith: .failure) { _ = ChiSquared(degreesOfFreedom: 0) }
    }

    @Test func quantileOutsideZeroOneStopsTheProcess() async {
        await #expect(processExitsWith: .failure) { _ = Normal().quantile(1.5) }
        await #expect(processExitsWith: .failure) { _ = StudentT(degreesOfFreedom: 3).quantile(-0.1) }
        await #expect(processExitsWith: .failure) {
            _ = FDistribution(numeratorDegreesOfFreedom: 3, denominatorDegreesOfFreedom: 4).quantile(2)
        }
        await #expect(processExitsWith: .failure) { _ = ChiSquared(degreesOfFreedom: 3).quantile(-1) }
    }
}

// MARK: - Reference values (mpmath 1.3.0, mp.dps = 40)

private enum DistributionReference {
    // Standard normal. cdf: erfc(-z/sqrt(2))/2; survival: erfc(z/sqrt(2))/2;
    // density: exp(-z^2/2)/sqrt(2*pi); quantile: root of the lower (p < 1/2) or upper tail.

    static let normalCDF: [(Double, Double)] = [
        (-37, 5.7255712225245768e-300), (-30, 4.9067139271481871e-198), (-20, 2.7536241186062337e-89),
        (-10, 7.6198530241605261e-24), (-6, 9.8658764503769814e-10), (-3.5, 2.3262907903552504e-4),
        (-1.959963984540054, 0.025000000000000011), (-1, 0.15865525393145705), (-0.5, 0.3085375387259869),
        (-1e-10, 0.49999999996010577), (0, 0.5), (0.25, 0.59870632568292372),
        (1, 0.84134474606854295), (2, 0.97724986805182079), (3.5, 0.99976737092096447),
        (6, 0.99999999901341235), (9, 1.0), (38, 1.0),
    ]

    static let normalSurvival: [(Double, Double)] = [
        (-3, 0.99865010196836991), (-0.5, 0.6914624612740131), (0.5, 0.3085375387259869),
        (1.959963984540054, 0.025000000000000011), (2.5, 6.2096653257761352e-3), (4, 3.1671241833119921e-5),
        (7, 1.279812543885835e-12), (10, 7.6198530241605261e-24), (15, 3.6709661993127509e-51),
        (20, 2.7536241186062337e-89), (27, 7.3894810068850183e-161), (33, 4.0611856209158551e-239),
        (37, 5.7255712225245768e-300), (37.5, 4.6053530095819548e-308), (38, (2.8854283600687843e-300 * 1e-16)),
    ]

    static let normalDensity: [(Double, Double)] = [
        (0, 0.39894228040143268), (0.5, 0.35206532676429948), (-1, 0.24197072451914335),
        (2.5, 0.017528300493568537), (-7, 9.1347204083645933e-12), (12, 2.1463837356630603e-32),
        (30, 1.4736461348785475e-196), (37, 2.1200065515246056e-298),
    ]

    static let normalQuantile: [(Double, Double)] = [
        (1e-300, -37.047096299361199), (1e-200, -30.205594179579643), (1e-100, -21.273453560965324),
        (1e-50, -14.933337534788489), (1e-20, -9.2623400897984076), (1e-10, -6.3613409024040562),
        (1e-05, -4.2648907939228246), (0.001, -3.0902323061678135), (0.025, -1.9599639845400542),
        (0.1, -1.2815515655446004), (0.3, -0.52440051270804082), (0.4999999, -2.5066282747031065e-7),
        (0.5, 0), (0.6, 0.25334710313579974), (0.9, 1.2815515655446006),
        (0.975, 1.9599639845400539), (0.999, 3.0902323061678133), (0.999999999999, 7.0344869100478352),
    ]

    static let tPoints: [Double] = [0.1, 1, 2.5, 5, 10, 20, 35, 60]

    // twoSidedPValue(t), t in tPoints: betainc(df/2, 1/2, 0, df/(df+t^2), regularized=True).
    static let tTwoSided: [(Double, [Double])] = [
        (1, [0.93654896513889286, 0.5, 0.2422378831816868, 0.12566591637800237,
             0.063451034861107139, 0.03180450251235275, 0.018184189351296868, 0.010609347265246541]),
        (2, [0.92946543841414017, 0.42264973081037424, 0.12961172022151081, 0.037749551350623726,
             9.8524570233256908e-3, 2.490663892367097e-3, 8.1532830514295854e-4, 2.776620905946787e-4]),
        (3, [0.92665234880080582, 0.39100221895577064, 0.087706647008065547, 0.015392438073302301,
             2.1283990584141501e-3, 2.7320325024731172e-4, 5.1285168898707276e-5, 1.0199593673319755e-5]),
        (5, [0.92423014115466037, 0.36321746764912263, 0.054490099342376241, 4.1047159800533224e-3,
             1.7094757574296359e-4, 5.7755163732241721e-6, 3.5823880853802906e-7, 2.4336377589983798e-8]),
        (9, [0.9225364479566812, 0.34343639613791351, 0.033861827682985739, 7.389679098032427e-4,
             3.5782374319247358e-6, 9.0795212999165442e-9, 6.2697825004148258e-11, 5.0011904716729044e-13]),
        (15, [0.92166862007076111, 0.33317013591547634, 0.024505803246513845, 1.5836951462202714e-4,
              4.9968981429249446e-8, 3.1551925534904381e-12, 8.4920745889872209e-16, 2.7690462993960629e-19]),
        (34, [0.92093165595059644, 0.32437471052620569, 0.017406445493684673, 1.7177848367436236e-5,
              1.1665561206546852e-11, 2.2259682898034279e-20, 2.9738735075909943e-28, 4.4008135188411976e-36]),
        (71, [0.9206261558148041, 0.320706518040934, 0.014731299713957387, 3.9852293391565681e-6,
              3.4313141121508393e-15, 6.8650154763061635e-31, 1.6175803413250424e-46, 1.4084166405382623e-62]),
        (318, [0.9204073384628109, 0.31807082357466147, 0.012922668424359104, 9.4926587008493187e-7,
               1.1902612510727453e-20, 3.4551775321987398e-58, 4.3239257115059206e-111, 1.8084798883427128e-175]),
        (1000000, [0.92034434549204316, 0.31731074983357813, 0.012419489502163246, 5.7339978708907416e-7,
                   1.527861076817825e-23, 5.7330870473903718e-89, 3.2749836326751299e-268, 0]),
    ]

    static let tCDFPoints: [Double] = [-35, -0.5, 0.5, 2.5]

    // cdf(t): betainc(...)/2 for t < 0, 1 - betainc(...)/2 for t > 0 (betainc as above).
    static let tCDF: [(Double, [Double])] = [
        (1, [9.0920946756484341e-3, 0.35241638234956673, 0.64758361765043327, 0.8788810584091566]),
        (2, [4.0766415257147927e-4, 0.33333333333333333, 0.66666666666666667, 0.9351941398892446]),
        (3, [2.5642584449353638e-5, 0.3257239824240755, 0.6742760175759245, 0.95614667649596723]),
        (5, [1.7911940426901453e-7, 0.3191494358204645, 0.6808505641795355, 0.97275495032881188]),
        (9, [3.1348912502074129e-11, 0.31453564991301324, 0.68546435008698676, 0.98306908615850713]),
        (15, [4.2460372944936104e-16, 0.31216505676003778, 0.68783494323996222, 0.98774709837674308]),
        (34, [1.4869367537954971e-28, 0.31014794950076875, 0.68985205049923125, 0.99129677725315766]),
        (71, [8.0879017066252122e-47, 0.30931062296638603, 0.69068937703361397, 0.99263435014302131]),
        (318, [2.1619628557529603e-111, 0.30871044243474723, 0.69128955756525277, 0.99353866578782045]),
        (1000000, [1.637491816337565e-268, 0.30853759373618569, 0.69146240626381431, 0.99379025524891838]),
    ]

    static let tSurvivalPoints: [Double] = [-2.5, 1, 5, 35]

    // survival(t) = cdf(-t), same expressions.
    static let tSurvival: [(Double, [Double])] = [
        (1, [0.8788810584091566, 0.25, 0.062832958189001184, 9.0920946756484341e-3]),
        (2, [0.9351941398892446, 0.21132486540518712, 0.018874775675311863, 4.0766415257147927e-4]),
        (3, [0.95614667649596723, 0.19550110947788532, 7.6962190366511505e-3, 2.5642584449353638e-5]),
        (5, [0.97275495032881188, 0.18160873382456131, 2.0523579900266612e-3, 1.7911940426901453e-7]),
        (9, [0.98306908615850713, 0.17171819806895676, 3.6948395490162135e-4, 3.1348912502074129e-11]),
        (15, [0.98774709837674308, 0.16658506795773817, 7.9184757311013572e-5, 4.2460372944936104e-16]),
        (34, [0.99129677725315766, 0.16218735526310284, 8.588924183718118e-6, 1.4869367537954971e-28]),
        (71, [0.99263435014302131, 0.160353259020467, 1.992614669578284e-6, 8.0879017066252122e-47]),
        (318, [0.99353866578782045, 0.15903541178733074, 4.7463293504246593e-7, 2.1619628557529603e-111]),
        (1000000, [0.99379025524891838, 0.15865537491678906, 2.8669989354453708e-7, 1.637491816337565e-268]),
    ]

    static let tDensityPoints: [Double] = [0, 1.5, 10, 35]

    // density: gamma((df+1)/2)/(sqrt(df*pi)*gamma(df/2))*(1+t^2/df)^(-(df+1)/2).
    static let tDensity: [(Double, [Double])] = [
        (1, [0.31830988618379067, 0.09794150344116636, 3.1515830315226799e-3, 2.5963285985627298e-4]),
        (3, [0.36755259694786137, 0.12001717451358738, 3.118082168470876e-4, 2.1936395694720583e-6]),
        (9, [0.38803490887166863, 0.12715127893906838, 1.489192551629833e-6, 8.0076954309834892e-12]),
        (34, [0.39602005884318435, 0.129035153067316, 1.4937030260542915e-11, 1.4065266175978912e-28]),
        (318, [0.39862877030114575, 0.12947225137498873, 4.5716959001365135e-20, 1.5607346430265584e-110]),
        (1000000, [0.39894218066587504, 0.12951758149982352, 7.7134703110593337e-23, 5.7288744173075756e-267]),
    ]

    static let tQuantilePoints: [Double] = [1e-300, 1e-20, 0.025, 0.3, 0.4999, 0.975, 0.995, 0.9999999999]

    // quantile(p): root of the tail expressions above.
    static let tQuantile: [(Double, [Double])] = [
        (1, [-3.1830988618379066e299, -3.1830988618379069e19, -12.706204736174704, -0.72654252800536094,
             -3.1415927569437069e-4, 12.706204736174693, 63.656741162871524, 3.1830985984671478e9]),
        (2, [-7.0710678118654752e149, -7.0710678118654754e9, -4.3026527297494637, -0.61721339984836768,
             -2.8284271813144228e-4, 4.3026527297494618, 9.9248432009182886, 70710.675182734461]),
        (3, [-1.0331108360446529e100, -4.7952757204689732e6, -3.1824463052837095, -0.58438972743981871,
             -2.7206990911047338e-4, 3.1824463052837084, 5.8409093097333554, 2225.7692232960747]),
        (5, [-1.5683925590993378e60, -15683.925454365776, -2.5705818356363155, -0.55942964446936079,
             -2.6343055607018551e-4, 2.5705818356363148, 4.0321429835552272, 156.82559011328069]),
        (9, [-5.1494410746007657e33, -398.69226035243575, -2.2621571627982055, -0.54348024145429706,
             -2.5770877553428197e-4, 2.262157162798205, 3.2498355415921257, 30.737330664946846]),
        (15, [-3.3247148107838228e20, -71.530201679005915, -2.1314495455597757, -0.53572913297604823,
              -2.5487242266883989e-4, 2.1314495455597752, 2.9467128834752385, 14.968364253437047]),
        (34, [-3.5885191979611263e9, -20.068258149930408, -2.0322445093177189, -0.52935319387936308,
              -2.5251246461117295e-4, 2.0322445093177185, 2.7283943670707199, 8.9200963660948781]),
        (71, [-1.3561312795156152e5, -12.981919559694163, -1.9939433678456258, -0.52676316244880143,
              -2.5154697219182674e-4, 1.9939433678456254, 2.6468634442383916, 7.41776787952773]),
        (318, [-153.64647987640707, -9.9323257942563622, -1.9674519478608815, -0.52492656810140661,
               -2.5085996923048789e-4, 1.9674519478608812, 2.5913778895177536, 6.5746299502563739]),
        (1000000, [-37.059820872774391, -9.2625410652916584, -1.959966356814107, -0.52440067986020892,
                   -2.5066289275372678e-4, 1.9599663568141067, 2.5758342201053338, 6.3614068361697195]),
    ]

    static let fPoints: [Double] = [0.001, 0.5, 1, 3, 10, 50, 1000]

    // cdf: betainc(d1/2, d2/2, 0, d1*x/(d1*x+d2), regularized=True).
    static let fCDF: [((Double, Double), [Double])] = [
        ((1, 34), [0.025042211207576755, 0.51568127095054414, 0.67562528947379431, 0.90767070981115378,
                   0.9967131951822648, 0.99999996367642336, 1.0]),
        ((5, 15), [1.1809107713658072e-7, 0.22838061305819865, 0.54914885387263048, 0.95496866937633874,
                   0.99976847600412075, 0.99999999202183684, 1.0]),
        ((10, 71), [3.3968248778596225e-14, 0.11552125571136986, 0.54801714711886511, 0.99673025323291091,
                    0.99999999969176569, 1.0, 1.0]),
        ((6, 9), [7.9147201869346473e-9, 0.20578218355938215, 0.52014665856493195, 0.93228607953948834,
                  0.99850822220818692, 0.99999790789504398, 0.99999999999652734]),
        ((10, 318), [2.7597035421424051e-14, 0.1103790219935272, 0.55679442467114084, 0.9987654338905815,
                     0.99999999999998676, 1.0, 1.0]),
    ]

    // survival: betainc(d2/2, d1/2, 0, d2/(d1*x+d2), regularized=True).
    static let fSurvival: [((Double, Double), [Double])] = [
        ((1, 34), [0.97495778879242325, 0.48431872904945586, 0.32437471052620569, 0.092329290188846217,
                   3.2868048177352017e-3, 3.6323576636723807e-8, 8.4752234620700204e-27]),
        ((5, 15), [0.99999988190892286, 0.77161938694180135, 0.45085114612736952, 0.045031330623661259,
                   2.3152399587925017e-4, 7.9781631622782852e-9, 2.2691524080401486e-18]),
        ((10, 71), [0.99999999999996603, 0.88447874428863014, 0.45198285288113489, 3.2697467670890919e-3,
                    3.0823430707164985e-10, 3.744365869397618e-28, 3.4420132014101152e-72]),
        ((6, 9), [0.99999999208527981, 0.79421781644061785, 0.47985334143506805, 0.067713920460511664,
                  1.4917777918130827e-3, 2.0921049560223469e-6, 3.4726610470674909e-12]),
        ((10, 318), [0.9999999999999724, 0.8896209780064728, 0.44320557532885916, 1.2345661094185029e-3,
                     1.3237458457102082e-14, 2.3034191509126132e-59, 1.3262466756522282e-233]),
    ]

    static let fDensityPoints: [Double] = [0.5, 3, 50]

    // density: sqrt((d1*x)^d1*d2^d2/(d1*x+d2)^(d1+d2))/(x*beta(d1/2, d2/2)).
    static let fDensity: [((Double, Double), [Double])] = [
        ((1, 34), [0.4337895306379575, 0.052060391972900769, 7.4855846164453611e-9]),
        ((5, 15), [0.7082359926097976, 0.047486789547232175, 1.1171197793615805e-9]),
        ((10, 71), [0.67764147353600117, 8.7405714814162359e-3, 2.2918599824694441e-28]),
        ((6, 9), [0.68878593649533368, 0.056626260969901567, 1.8082356233625786e-7]),
        ((10, 318), [0.67052163111676327, 4.2582921059132068e-3, 4.406407451698561e-59]),
    ]

    static let fQuantilePoints: [Double] = [1e-100, 0.01, 0.5, 0.95, 0.99, 0.9999999999]

    // quantile(p): root of cdf (p <= 1/2) or survival (p > 1/2) above.
    static let fQuantile: [((Double, Double), [Double])] = [
        ((1, 34), [1.59406358472357e-200, 1.5941507833062909e-4, 0.46481592740634146, 4.1300177456520146,
                   7.4441358222632342, 84.240476423390646]),
        ((5, 15), [5.8979304917647796e-41, 0.10285717192359171, 0.91072430529697681, 2.9012945362361573,
                   4.5556139846530065, 92.470727348994383]),
        ((10, 71), [4.9359702772015889e-21, 0.24657161236460581, 0.94306501067981534, 1.9668800244209918,
                    2.5813277394027706, 10.595707223173451]),
        ((6, 9), [2.3261916325619485e-34, 0.12537422063116672, 0.96174924008922304, 3.3737536470392131,
                  5.8017703065351254, 472.84064940510147]),
        ((10, 318), [5.1458159503309992e-21, 0.25366149073761911, 0.93615540549325236, 1.8605317251641912,
                     2.3769988546054428, 7.4998826851097956]),
    ]

    static let chiPoints: [Double] = [0.001, 1, 5, 20, 100, 500, 1000, 1400]

    // cdf: gammainc(k/2, 0, x/2, regularized=True).
    static let chiCDF: [(Double, [Double])] = [
        (1, [0.025227120630039612, 0.6826894921370859, 0.97465268132253174, 0.99999225578356896,
             1.0, 1.0, 1.0, 1.0]),
        (2, [4.9987502083072944e-4, 0.39346934028736658, 0.9179150013761012, 0.99995460007023752,
             1.0, 1.0, 1.0, 1.0]),
        (7, [2.4020490518976899e-13, 5.1714634834845177e-3, 0.34003677030571729, 0.99443031692705443,
             1.0, 1.0, 1.0, 1.0]),
        (50, [1.9204174086780371e-108, 1.1881853393548446e-33, 5.198100275214561e-17, 4.6949381426799706e-5,
              0.99996545068617015, 1.0, 1.0, 1.0]),
        (500, [0, 0, 0, 1.4625896613437793e-247,
               4.116822054435853e-90, 0.50841062696899096, 1.0, 1.0]),
    ]

    // survival: gammainc(k/2, x/2, inf, regularized=True).
    static let chiSurvival: [(Double, [Double])] = [
        (1, [0.97477287936996039, 0.3173105078629141, 0.025347318677468264, 7.7442164310440836e-6,
             1.5239706048321052e-23, 9.5053977665540917e-111, 1.7958327848007262e-219, 2.1010145162642175e-306]),
        (2, [0.99950012497916927, 0.60653065971263342, 0.082084998623898795, 4.5399929762484852e-5,
             1.9287498479639178e-22, 2.6691902155412764e-109, 7.1245764067412855e-218, 9.8596765437597709e-305]),
        (7, [0.9999999999997598, 0.99482853651651548, 0.65996322969428271, 5.5696830729455713e-3,
             1.0787979671702883e-18, 8.016791001349302e-104, 1.2044267735190188e-211, 3.8599631812373352e-298]),
        (50, [1.0, 1.0, 0.99999999999999995, 0.9999530506185732,
              3.4549313829848639e-5, 1.689910000696118e-75, 7.188706215514835e-177, 3.1523799988189982e-260]),
        (500, [1.0, 1.0, 1.0, 1.0,
               1.0, 0.49158937303100904, 1.2085183611329767e-35, 3.177035158997028e-86]),
    ]

    static let chiDensityPoints: [Double] = [0.5, 7, 100]

    // density: (x/2)^(k/2-1)*exp(-x/2)/(2*gamma(k/2)).
    static let chiDensity: [(Double, [Double])] = [
        (1, [0.4393912894677224, 4.5533429216401734e-3, 7.6945986267064193e-24]),
        (2, [0.38940039153570243, 0.01509869171115925, 9.6437492398195889e-23]),
        (7, [3.6615940788976866e-3, 0.10411977480817196, 5.1297324178042796e-19]),
        (50, [2.229723041713891e-39, 2.7788602847819042e-13, 9.2644649601261985e-6]),
        (500, [0, 0, 8.2438598902359263e-90]),
    ]

    static let chiQuantilePoints: [Double] = [1e-300, 1e-10, 0.05, 0.5, 0.95, 0.999, 0.999999999999]

    // quantile(p): root of cdf (p <= 1/2) or survival (p > 1/2) above.
    static let chiQuantile: [(Double, [Double])] = [
        (1, [0, 1.5707963267948967e-20, 3.9321400000195232e-3, 0.45493642311957275,
             3.8414588206941245, 10.827566170662731, 50.844171332449173]),
        (2, [2.0000000000000001e-300, 2.0000000001000001e-10, 0.10258658877510107, 1.3862943611198906,
             5.9914645471079802, 13.815510557964272, 55.262086475786717]),
        (7, [7.7842014718834974e-86, 5.605668492481245e-3, 2.1673499092980572, 6.3458111955215175,
             14.067140449340166, 24.321886347856853, 70.838475756725994]),
        (50, [2.0354283669768337e-11, 9.7711148758771271, 34.764251683501747, 49.334936733976835,
              67.504806549541195, 86.660815190403135, 155.33223706034775]),
        (500, [12.064381876567976, 324.3466930200675, 449.14675637272904, 499.33349158887381,
               553.12680893425689, 603.4460057951776, 755.75015188622521]),
    ]

    static let logGammaValues: [(Double, Double)] = [
        (1e-05, 11.512919692895826), (0.5, 0.57236494292470009), (1.5, -0.12078223763524522), (3.7, 1.4280723266653881),
        (7.5, 7.5343642367587330), (14.5, 23.862765841689085),
        (15, 25.191221182738682), (100.5, 361.43554046777762), (1000000, 1.2815504569147612e7),
    ]

    // (a, x, P, Q): gammainc(a, 0, x, regularized=True), gammainc(a, x, inf, regularized=True).
    static let gammaValues: [(Double, Double, Double, Double)] = [
        (0.3, 0.1, 0.5459128495917965, 0.4540871504082035),
        (3.7, 2.1, 0.20770997967764118, 0.79229002032235882),
        (3.7, 12, 0.99847955338088101, 1.5204466191189933e-3),
        (123.4, 100, 0.013003179139264253, 0.98699682086073575),
        (123.4, 150, 0.98842190087528226, 0.011578099124717735),
        (10000.3, 10000, 0.5001329733205259, 0.4998670266794741),
    ]

    // (a, b, x, I_x(a,b), 1 - I_x(a,b)): betainc(a, b, 0, x, ...), betainc(b, a, 0, 1-x, ...), regularized,
    // with x and 1 - x both exact in binary (the kernel receives them separately).
    static let betaValues: [(Double, Double, Double, Double, Double)] = [
        (0.3, 7.2, 0.0625, 0.79349509252339695, 0.20650490747660305),
        (7.2, 0.3, 0.875, 0.095447104139156431, 0.90455289586084357),
        (40.5, 60.25, 0.4375, 0.7680862890502786, 0.2319137109497214),
        (40.5, 60.25, 0.1875, 3.5504826772485289e-7, 0.99999964495173228),
        (2.5, 1000.5, 0.0078125, 0.99226428230257629, 7.7357176974237126e-3),
    ]
}
