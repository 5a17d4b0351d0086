// RobustnessGrid+Run — runs every specification of the grid (policy in RobustnessGrid.swift).

import ForecastCore
import ForecastData
import ForecastModels
extension RobustnessGrid {
    /// The grid's windows: 0..6, 0..13, 0..27, or 1..7, 1..14, 1..28 when `pressDated`.
    public static func windows(pressDated: Bool) -> [ClosedRange<Int>] {
        pressDated ? [1...7, 1...14, 1...28] : [0...6, 0...13, 0...27]
    }

    public static let preDays = [90, 180, 365]

    /// Runs the grid for `trigger` (its window is replaced by the grid's). `counterfactual` supplies the forecaster,
    /// paths, seed, level and placebos; `regression` the baseline model (terms, kind, training window) of the
    /// regression design, whose covariance is replaced by the grid's.
    public static func run(_ series: DatedSeries, trigger: EventWindow, pressDated: Bool = false,
                           counterfactual: CounterfactualDesign, regression: TimeSeriesModel,
                           otherEvents: [EventWindow] = []) -> RobustnessGrid {
        var rows: [Row] = []
        for window in windows(pressDated: pressDated) {
            let eventWindow = EventWindow(id: trigger.id, date: trigger.date, first: window.lowerBound, last: window.upperBound)
            for pre in preDays {
                let specification = Specification(design: .counterfactual, window: window, pre: pre, shape: "paths", covariance: "paths")
                var design = counterfactual
                design.preDays = pre
                do {
                    let effect = try design.run(series, triggers: [eventWindow], otherEvents: otherEvents).effects[0]
                    rows.append(Row(specification: specification, estimate: effect.cumulativeExcess, lower: effect.cumulativeLower,
                                    upper: effect.cumulativeUpper, relativeEffect: effect.relativeEffect,
                                    modelPValue: effect.modelPValue,
                                    placeboPValue: effect.placeboPValue, failure: nil))
                } catch {
                    rows.append(failed(specification, "\(error)"))
                }
            }
            for shape in [EventResponseShape.pulse, .decay(halfLife: 7)] {
                for covariance in [CovarianceEstimator.classical, .neweyWest(maxLags: nil, smallSampleCorrection: false)] {
                    let specification = Specification(design: .regression, window: window, pre: nil, shape: shape.name,
                                                      covariance: covariance.kindName == "classical" ? "classical" : "hac")
                    var model = regression
                    model.covariance = covariance
                    do {
                        let term = try EventTerm(id: trigger.id, dates: [trigger.date], first: window.lowerBound,
                                                 last: window.upperBound, shape: shape)
                        let analysis = EventEffectsAnalysis(model: model, triggers: [term], placebos: counterfactual.placebos,
                                                            paths: min(counterfactual.paths, 1000), seed: counterfactual.seed,
                                                            level: counterfactual.level)
                        let effect = try analysis.run(series).effects[0]
                        let wald = effect.coefficient.flatMap { b in effect.standardError.map { se in
                            se > 0 ? 2 * Normal().survival(abs(b / se)) : 1 } }
                        rows.append(Row(specification: specification, estimate: effect.cumulativeExcess, lower: effect.cumulativeLower,
                                        upper: effect.cumulativeUpper, relativeEffect: effect.relativeEffect, modelPValue: wald,
                                        placeboPValue: effect.placeboPValue, failure: nil))
                    } catch {
                        rows.append(failed(specification, "\(error)"))
                    }
                }
            }
        }
        return RobustnessGrid(trigger: trigger, rows: rows)
    }

    static func failed(_ specification: Specification, _ reason: String) -> Row {
        Row(specification: specification, estimate: .nan, lower: .nan, upper: .nan, relativeEffect: .nan, modelPValue: nil,
            placeboPValue: nil, failure: reason)
    }
}
