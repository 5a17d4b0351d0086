import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// NIST StRD on both kernel paths (`WideKernels.swift`): the wide (AVX2 + FMA) kernels and the portable Swift
/// kernels, on the plain route and by row blocks (K + 3 rows), must each reach the required LRE; the table is
/// printed for the record. On a CPU without AVX2 + FMA both columns run the portable kernels.
@Suite("NIST StRD linear regression on both kernel paths")
struct NISTKernelPathTests {
    func worst(_ nist: NISTCase, blocked: Bool) throws -> (lre: Double, quantity: String) {
        var workspace = LeastSquaresWorkspace()
        workspace.tallSkinny = blocked ? .always(blockRows: nist.design.columnCount + 4) : .never
        let fit = try LinearRegression().fit(nist.design, response: nist.response, workspace: &workspace)
        #expect(fit.aliasedColumns.isEmpty, "\(nist.name) must be fitted at full rank")
        return nist.worstLRE(of: fit)
    }

    @Test("Each path and route reaches the required LRE", arguments: NISTCase.names)
    func bothPaths(name: String) throws {
        let nist = try NISTCase.load(name)
        let wide = (plain: try worst(nist, blocked: false), blocked: try worst(nist, blocked: true))
        let portable = try KernelPath.$portableOnly.withValue(true) {
            (plain: try worst(nist, blocked: false), blocked: try worst(nist, blocked: true))
        }
        func cell(_ value: (lre: Double, quantity: String)) -> String {
            String(format: "%5.2f", value.lre) + " (\(value.quantity))".padding(toLength: 14, withPad: " ", startingAt: 0)
        }
        print("NIST \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) portable plain \(cell(portable.plain)) "
            + "blocked \(cell(portable.blocked)) | wide\(KernelPath.wideAvailable ? "" : " (n/a)") plain \(cell(wide.plain)) "
            + "blocked \(cell(wide.blocked))")
        for (label, value) in [("portable plain", portable.plain), ("portable blocked", portable.blocked),
                               ("wide plain", wide.plain), ("wide blocked", wide.blocked)] {
            #expect(value.lre >= nist.requiredLRE, "\(name) \(label): LRE \(value.lre) on \(value.quantity) < \(nist.requiredLRE)")
        }
    }
}
