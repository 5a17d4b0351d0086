import Foundation
import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

/// NIST StRD through the tall-skinny (row-blocked) QR route, forced on these small datasets with blocks of
/// K + 3 rows (K = columns + response): many blocks, n not a multiple of the block, the last block possibly shorter
/// than K. Each dataset must reach the same required LRE as the plain route (certified values are the reference).
@Suite("NIST StRD linear regression by row blocks")
struct NISTTallSkinnyTests {
    func blockedFit(_ nist: NISTCase, refine: Bool = false) throws -> LinearRegressionFit {
        var workspace = LeastSquaresWorkspace()
        let columns = nist.design.columnCount + 1
        workspace.tallSkinny = .always(blockRows: columns + 3)
        let fit = try LinearRegression(refineSolution: refine).fit(nist.design, response: nist.response,
                                                                   workspace: &workspace)
        #expect(workspace.layout?.blocks != nil)
        return fit
    }

    @Test("Blocked QR reaches the required LRE; LRE table printed beside the plain route's", arguments: NISTCase.names)
    func blocked(name: String) throws {
        let nist = try NISTCase.load(name)
        let fit = try blockedFit(nist)
        #expect(fit.aliasedColumns.isEmpty, "\(name) must be fitted at full rank")
        let blocked = nist.worstLRE(of: fit)
        let plain = nist.worstLRE(of: try LinearRegression().fit(nist.design, response: nist.response))
        let refined = nist.worstLRE(of: try blockedFit(nist, refine: true))
        print("NIST \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) plain \(String(format: "%5.2f", plain.lre)) "
            + "blocked \(String(format: "%5.2f", blocked.lre)) (\(blocked.quantity)) blocked+refined \(String(format: "%5.2f", refined.lre))")
        #expect(blocked.lre >= nist.requiredLRE, "\(name): LRE \(blocked.lre) on \(blocked.quantity) < \(nist.requiredLRE)")
        #expect(refined.lre >= (name == "Filip" ? 7 : 9.5), "\(name): refined LRE \(refined.lre)")
    }
}
