// CounterfactualReport — what `forecast effects --design counterfactual` prints: JSON with the fixed keys, or a
// plain-language report per trigger (as CausalImpact's summary(impact, "report")) with the per-day table.

import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// The counterfactual design's report.
///
/// JSON: `design` ("counterfactual"), `response`, `forecaster`, `preDays`, `gapDays`, `level`, `placeboRange`,
/// `dataQuality`, `warnings` [{`code`, `message`}], `events` [{`id`, `date`, `window` [FIRST, LAST], `pre`
/// {`first`, `last`}, `observedTotal`, `counterfactualTotal`, `cumulativeExcess`, `cumulativeLower`,
/// `cumulativeUpper`, `relativeEffect` (percent), `relativeLower`, `relativeUpper`, `tailProbability`,
/// `placeboPValue`, `placebos`, `daily` [{`offset`, `date`, `observed`, `counterfactual`, `counterfactualLower`,
/// `counterfactualUpper`, `excess`, `excessLower`, `excessUpper`, `observedExcess`}]}]. Non-finite numbers are null.
public struct CounterfactualReport: Sendable {
    public let result: CounterfactualEffects
    public let dataQuality: JSONValue?
    /// Calendar events left out (outside the data, or not analysable by the design), with the reason.
    public let skippedEvents: [SkippedEvent]

    public init(result: CounterfactualEffects, dataQuality: JSONValue? = nil, skippedEvents: [SkippedEvent] = []) {
        self.result = result
        self.dataQuality = dataQuality
        self.skippedEvents = skippedEvents
    }

    public func json() -> JSONValue {
        let design = result.design
        return .object([
            ("design", .string("counterfactual")),
            ("response", .string(result.responseName)),
            ("forecaster", .string(design.forecaster.name)),
            ("preDays", .integer(design.preDays)),
            ("gapDays", .integer(design.gapDays)),
            ("level", .finite(design.level)),
            ("placeboRange", .string(design.placeboRange.rawValue)),
            ("dataQuality", dataQuality ?? .null),
            ("skippedEvents", SkippedEvent.json(skippedEvents)),
            ("warnings", Self.warningsJSON(result.warnings)),
            ("events", .array(result.effects.map(Self.eventJSON))),
        ])
    }

    static func warningsJSON(_ warnings: [EffectsWarning]) -> JSONValue {
        .array(warnings.map { .object([("code", .string($0.code)), ("message", .string($0.message))]) })
    }

    static func eventJSON(_ e: CounterfactualEffect) -> JSONValue {
        .object([
            ("id", .string(e.trigger.id)),
            ("date", .string("\(e.trigger.date)")),
            ("window", .array([.integer(e.trigger.first), .integer(e.trigger.last)])),
            ("pre", .object([("first", .string("\(e.pre.first)")), ("last", .string("\(e.pre.last)"))])),
            ("observedTotal", .finite(e.observedTotal)),
            ("counterfactualTotal", .finite(e.counterfactualTotal)),
            ("cumulativeExcess", .finite(e.cumulativeExcess)),
            ("cumulativeLower", .finite(e.cumulativeLower)),
            ("cumulativeUpper", .finite(e.cumulativeUpper)),
            ("relativeEffect", .finite(e.relativeEffect)),
            ("relativeLower", .finite(e.relativeLower)),
            ("relativeUpper", .finite(e.relativeUpper)),
            ("tailProbability", .finite(e.tailProbability)),
            ("placeboPValue", .finite(e.placeboPValue)),
            ("placebos", .integer(e.placebos)),
            ("daily", EffectsReport.dailyJSON(e.days)),
        ])
    }

    /// The report per trigger, its per-day table, then the warnings.
    public func table() -> String {
        let design = result.design
        var lines = ["Event response of '\(result.responseName)' — counterfactual design: \(design.forecaster.name) trained on up to \(design.preDays) days before each trigger" + (design.gapDays > 0 ? ", ending \(design.gapDays) days before it" : "")]
        let level = TextFormat.trimmed(design.level)
        for e in result.effects {
            lines.append("")
            lines.append("\(e.trigger.id) (\(e.trigger.date), days \(max(e.trigger.first, 0))..\(e.trigger.last))")
            lines += Self.paragraphs(e, design: design).map { "  " + $0 }
            lines.append(TextFormat.pad("  day", 17) + ["observed", "expected w/o", "\(level)% interval", "difference", "\(level)% interval"]
                .map { TextFormat.leftPad($0, 15) }.joined())
            for d in e.days {
                lines.append(TextFormat.pad("  \(d.offset) \(d.date)", 17) + [
                    FitReport.count(d.observed), FitReport.count(d.counterfactual),
                    "\(FitReport.count(d.counterfactualLower))…\(FitReport.count(d.counterfactualUpper))",
                    FitReport.count(d.excess), "\(FitReport.count(d.excessLower))…\(FitReport.count(d.excessUpper))",
                ].map { TextFormat.leftPad($0, 15) }.joined())
            }
            lines.append(TextFormat.pad("  total", 17) + [
                FitReport.count(e.observedTotal), FitReport.count(e.counterfactualTotal),
                "\(FitReport.count(e.observedTotal - e.cumulativeUpper))…\(FitReport.count(e.observedTotal - e.cumulativeLower))",
                FitReport.count(e.cumulativeExcess), "\(FitReport.count(e.cumulativeLower))…\(FitReport.count(e.cumulativeUpper))",
            ].map { TextFormat.leftPad($0, 15) }.joined())
        }
        if !skippedEvents.isEmpty {
            lines.append("")
            lines.append("Events skipped:")
            lines += skippedEvents.map { "  \($0.summary): \($0.reason)" }
        }
        if !result.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += result.warnings.map { "  [\($0.code)] \($0.message)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The plain-language report: what happened, what was expected, the difference, how unusual, what is assumed.
    static func paragraphs(_ e: CounterfactualEffect, design: CounterfactualDesign) -> [String] {
        let level = TextFormat.trimmed(design.level)
        let days = e.days.filter { !$0.observed.isNaN }.count
        let percent = { (v: Double) in v.isFinite ? String(format: "%+.0f%%", v) : "n/a" }
        var text = [
            "Over the \(days) day\(days == 1 ? "" : "s") with data in the window the series totalled \(FitReport.count(e.observedTotal)). " +
            "Trained only on \(e.pre) (\(e.pre.dayCount) days before the window), the \(e.forecaster) forecaster expected " +
            "\(FitReport.count(e.counterfactualTotal)) (\(level) % interval \(FitReport.count(e.observedTotal - e.cumulativeUpper))–\(FitReport.count(e.observedTotal - e.cumulativeLower))) had nothing happened.",
            "The difference is \(FitReport.count(e.cumulativeExcess)) (\(level) % interval \(FitReport.count(e.cumulativeLower)) to \(FitReport.count(e.cumulativeUpper))), " +
            "a relative effect of \(percent(e.relativeEffect)) (\(percent(e.relativeLower)) to \(percent(e.relativeUpper))). " +
            "Under the forecaster the chance of a total at least this high without an effect is \(TextFormat.pValue(e.tailProbability)).",
        ]
        let excludesZero = e.cumulativeLower > 0 || e.cumulativeUpper < 0
        let direction = e.cumulativeExcess > 0 ? "increase" : "decrease"
        let aDirection = e.cumulativeExcess > 0 ? "an increase" : "a decrease"
        if let p = e.placeboPValue {
            var sentence = "Among \(e.placebos) placebo dates where nothing is known to have happened, a deviation this large either way has calibrated p = \(TextFormat.pValue(p)): "
            if p < 0.05 && excludesZero {
                sentence += "the \(direction) is unusual for this series and forecaster."
            } else if p < 0.05 {
                sentence += "the deviation is larger than at most placebo dates, but the forecaster's own interval includes zero: weak evidence of \(aDirection), not a measured one."
            } else if excludesZero {
                sentence += "the model's interval excludes zero, but deviations this large are common at dates without a trigger, so the \(direction) is not distinguishable from the forecaster's usual misses."
            } else {
                sentence += "the data do not show an effect distinguishable from the usual variation."
            }
            text.append(sentence)
        } else {
            text.append(excludesZero ? "The model's interval excludes zero (\(aDirection)); without placebo dates it is not calibrated against the forecaster's usual misses."
                                     : "The interval includes no effect.")
        }
        text.append("The design assumes that without the trigger the pre-period's pattern would have continued through the window, that controls (if any) were not affected by the trigger, and that no other event drove the window.")
        return text
    }
}
