import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
import Foundation

/// What `forecast effects --design regression` prints: `design` ("regression"), the fit keys (no forecast), `warnings`
/// [{`code`, `message`}] (see `EffectsWarning`), `events` and `groups` (JSON), or a table per
/// event with a plain-language line that never overstates.
///
/// `events[]`: {`id`, `date` (null when pooled), `shape`, `window` [FIRST, LAST] (the days whose excess is summed),
/// `coefficientEnd` (last day the effect term acts on: the end of the data for `step`), `effectDays` (days summed),
/// `pooled` (null for one trigger, else [{`id`, `date`, `days`, `excess`, `observedExcess`}] per event used), `level`, `coefficient`,
/// `standardError`, `cumulativeExcess`, `cumulativeLower`, `cumulativeUpper`, `observedExcess`, `observedExcessLower`, `observedExcessUpper` (predictive paths with observation noise; null without draws or for least squares), `relativeEffect`,
/// `intervalMethod`, `halfLifeDays`, `halfLifeLower`, `halfLifeUpper`, `halfLifeAtBound`, `preTrendPValue`,
/// `placeboPValue`, `placebos`, `notEstimable` (reason or null), `daily` [{`offset`, `date`, `observed`, `counterfactual`, `counterfactualLower`,
/// `counterfactualUpper`, `excess`, `excessLower`, `excessUpper`, `observedExcess`}], `shifts` [{`shiftDays`,
/// `cumulativeExcess`}]}; `skippedEvents[]`: {`id`, `date`, `first`, `last`, `reason`}; `groups[]`: {`ids`, `cumulativeExcess`, `cumulativeLower`, `cumulativeUpper`}.
public struct EffectsReport: Sendable {
    public let result: EventEffects
    public let dataQuality: JSONValue?

    /// Calendar events left out because their windows have no day in the training window.
    public let skippedEvents: [SkippedEvent]

    /// Event ids by trigger date, for the per-event breakdown of a pooled kind (a date without a name prints alone).
    public let eventNames: [CalendarDate: String]

    public init(result: EventEffects, dataQuality: JSONValue? = nil, skippedEvents: [SkippedEvent] = [],
                eventNames: [CalendarDate: String] = [:]) {
        self.skippedEvents = skippedEvents
        self.eventNames = eventNames
        self.result = result
        self.dataQuality = dataQuality
    }

    public func json() -> JSONValue {
        guard case var .object(members) = RegressionReport(fit: result.fit, response: result.responseName).json() else {
            preconditionFailure("RegressionReport.json() is an object")
        }
        let choice = result.modelChoice
        members.insert(("design", .string("regression")), at: 0)
        members += [
            ("modelChoice", .object([("model", .string(choice.kind.rawValue)), ("reason", .string(choice.reason)),
                                     ("likelihoodRatio", .finite(choice.likelihoodRatio)), ("pValue", .finite(choice.pValue))])),
            ("trainingWindow", .object([("first", .string("\(result.trainingWindow.first)")),
                                        ("last", .string("\(result.trainingWindow.last)"))])),
            ("dataQuality", dataQuality ?? .null),
            ("skippedEvents", SkippedEvent.json(skippedEvents)),
            ("warnings", CounterfactualReport.warningsJSON(result.warnings)),
            ("halfLifeGrid", .array([.number(HalfLifeProfile.grid.first!), .number(HalfLifeProfile.grid.last!)])),
            ("events", .array(result.effects.map { eventJSON($0, dataEnd: result.trainingWindow.last) })),
            ("groups", .array(result.groups.map { g in
                .object([("ids", .array(g.ids.map { .string($0) })), ("cumulativeExcess", .finite(g.cumulativeExcess)),
                         ("cumulativeLower", .finite(g.cumulativeLower)), ("cumulativeUpper", .finite(g.cumulativeUpper))])
            })),
        ]
        return .object(members)
    }

    func eventJSON(_ e: EventEffect, dataEnd: CalendarDate) -> JSONValue {
        let term = e.term
        var halfLife: Double? = nil
        if case .decay = term.shape { halfLife = e.halfLifeDays }
        return .object([
            ("id", .string(term.id)),
            ("date", term.dates.count == 1 ? .string("\(term.dates[0])") : .null),
            ("shape", .string(term.shape.name)),
            ("window", .array([.integer(term.first), .integer(term.last)])),
            ("coefficientEnd", .string("\(term.coefficientEnd(dataEnd: dataEnd))")),
            ("effectDays", .integer(e.days.count)),
            ("pooled", term.dates.count == 1 ? .null : .array(e.perTrigger.map { share in
                .object([("id", eventNames[share.date].map { .string($0) } ?? .null), ("date", .string("\(share.date)")),
                         ("days", .integer(share.days)), ("excess", .finite(share.excess)),
                         ("observedExcess", .finite(share.observedExcess))])
            })),
            ("level", IntervalLevel.json(percent: e.level)),
            ("coefficient", .finite(e.coefficient)),
            ("standardError", .finite(e.standardError)),
            ("cumulativeExcess", .finite(e.cumulativeExcess)),
            ("cumulativeLower", .finite(e.cumulativeLower)),
            ("cumulativeUpper", .finite(e.cumulativeUpper)),
            ("observedExcess", .finite(e.observedExcess)),
            ("observedExcessLower", .finite(e.observedExcessLower)),
            ("observedExcessUpper", .finite(e.observedExcessUpper)),
            ("relativeEffect", .finite(e.relativeEffect)),
            ("intervalMethod", .string(e.intervalMethod)),
            ("halfLifeDays", .finite(halfLife)),
            ("halfLifeLower", .finite(e.halfLifeLower)),
            ("halfLifeUpper", .finite(e.halfLifeUpper)),
            ("halfLifeAtBound", e.halfLifeAtBound.map { .string($0) } ?? .null),
            ("preTrendPValue", .finite(e.preTrendPValue)),
            ("placeboPValue", .finite(e.placeboPValue)),
            ("placebos", .integer(e.placebos)),
            ("daily", Self.dailyJSON(e.days)),
            ("notEstimable", e.notEstimable.map { .string($0) } ?? .null),
            ("shifts", .array(e.shifts.map { .object([("shiftDays", .integer($0.shiftDays)), ("cumulativeExcess", .finite($0.cumulativeExcess))]) })),
        ])
    }

    /// The `daily` rows of either design.
    static func dailyJSON(_ days: [EventEffect.Day]) -> JSONValue {
        .array(days.map { d in
            .object([("offset", .integer(d.offset)), ("date", .string("\(d.date)")), ("observed", .finite(d.observed)),
                     ("counterfactual", .finite(d.counterfactual)), ("counterfactualLower", .finite(d.counterfactualLower)),
                     ("counterfactualUpper", .finite(d.counterfactualUpper)), ("excess", .finite(d.excess)),
                     ("excessLower", .finite(d.excessLower)), ("excessUpper", .finite(d.excessUpper)),
                     ("observedExcess", .finite(d.observedExcess))])
        })
    }

    /// Tables and plain-language lines.
    public func table() -> String {
        var lines: [String] = []
        let r = result
        lines.append("Event response of '\(r.responseName)' — \(r.modelChoice.kind.rawValue), training \(r.trainingWindow)")
        lines.append("Model: \(r.modelChoice.reason).")
        if !skippedEvents.isEmpty {
            lines.append("Events skipped (no day of their window is in the training window): "
                         + skippedEvents.map(\.summary).joined(separator: "; ") + ".")
        }
        for e in r.effects {
            let term = e.term
            let level = TextFormat.trimmed(e.level)
            lines.append("")
            let span = term.shape == .step
                ? "step from day \(term.effectStart) to the end of the data (\(r.trainingWindow.last)); excess summed over days \(term.effectStart)..\(term.last) only"
                : "\(term.shape.name), days \(term.effectStart)..\(term.last)"
            let shares = e.perTrigger
            let pooled = "\(shares.count) of \(term.dates.count) events pooled (those with effect days in the training window)"
            lines.append("\(term.id) (\(term.dates.count == 1 ? "\(term.dates[0])" : pooled), \(span))")
            if term.dates.count > 1 {
                lines.append("  per event (each effect day counted once, for the latest trigger on or before it):")
                for share in shares {
                    lines.append("    \(share.date) \(TextFormat.pad(eventNames[share.date] ?? "", 24)) \(TextFormat.leftPad("\(share.days)", 3)) days  "
                                 + "excess \(FitReport.count(share.excess))  observed excess \(FitReport.count(share.observedExcess))")
                }
            }
            if let reason = e.notEstimable {
                lines.append("  not estimable: \(reason).")
                continue
            }
            lines.append("  " + plainLanguage(e))
            var facts: [String] = []
            if let c = e.coefficient, let se = e.standardError { facts.append("coefficient \(TextFormat.number(c)) (SE \(TextFormat.number(se)))") }
            facts.append(e.relativeEffect.isFinite ? "relative effect \(String(format: "%+.1f", e.relativeEffect))%"
                                                   : "relative effect not available (the expected level without the event is 0)")
            if let lower = e.observedExcessLower, let upper = e.observedExcessUpper {
                facts.append("observed excess \(FitReport.count(e.observedExcess)) (\(TextFormat.trimmed(e.level)) % predictive interval "
                             + "\(FitReport.count(lower))–\(FitReport.count(upper)), observation noise included)")
            } else {
                facts.append("observed excess \(FitReport.count(e.observedExcess))")
            }
            if case .decay = term.shape {
                if let bound = e.halfLifeAtBound {
                    facts.append("half-life at the \(bound) bound of the search grid \(TextFormat.trimmed(HalfLifeProfile.grid.first!))–\(TextFormat.trimmed(HalfLifeProfile.grid.last!)) days")
                } else if let h = e.halfLifeDays {
                    facts.append("half-life \(TextFormat.fixed(h, decimals: 1)) days (\(e.halfLifeLower.map { TextFormat.fixed($0, decimals: 1) } ?? "?")–\(e.halfLifeUpper.map { TextFormat.fixed($0, decimals: 1) } ?? "open"))")
                }
            }
            if let p = e.preTrendPValue { facts.append("pre-trend p = \(TextFormat.pValue(p))") }
            lines.append("  " + facts.joined(separator: "; "))
            lines.append(TextFormat.pad("  day", 17) + ["observed", "expected w/o", "excess", "\(level)% interval"].map { TextFormat.leftPad($0, 14) }.joined())
            for d in e.days {
                lines.append(TextFormat.pad("  \(d.offset) \(d.date)", 17) + [FitReport.count(d.observed), FitReport.count(d.counterfactual),
                    FitReport.count(d.excess), "\(FitReport.count(d.excessLower))…\(FitReport.count(d.excessUpper))"]
                    .map { TextFormat.leftPad($0, 14) }.joined())
            }
            if !e.shifts.isEmpty {
                lines.append("  date shift: " + e.shifts.map { "\($0.shiftDays >= 0 ? "+" : "")\($0.shiftDays)d \($0.cumulativeExcess.isFinite ? FitReport.count($0.cumulativeExcess) : "not estimable")" }.joined(separator: ", "))
            }
        }
        for g in r.groups {
            lines.append("")
            lines.append("Overlapping windows \(g.ids.joined(separator: " + ")): joint excess \(FitReport.count(g.cumulativeExcess)) (\(FitReport.count(g.cumulativeLower))–\(FitReport.count(g.cumulativeUpper)))")
        }
        let warnings = r.warnings
        if !warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += warnings.map { "  [\($0.code)] \($0.message)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "cumulative excess 1,240 launches over 14 days (95 % interval 610–1,900); placebo p = 0.03 from 1,000 placebos"
    func plainLanguage(_ e: EventEffect) -> String {
        // The effect days with data (all trigger dates of a pooled kind), not the window's length.
        let days = e.days.isEmpty ? e.term.last - e.term.effectStart + 1 : e.days.count
        var text = "cumulative excess \(FitReport.count(e.cumulativeExcess)) over \(days) effect day\(days == 1 ? "" : "s") " +
            "(\(TextFormat.trimmed(e.level)) % interval \(FitReport.count(e.cumulativeLower))–\(FitReport.count(e.cumulativeUpper)))"
        if let p = e.placeboPValue {
            text += "; placebo p = \(TextFormat.pValue(p)) from \(FitReport.count(Double(e.placebos))) placebos"
        }
        if e.cumulativeLower <= 0 && e.cumulativeUpper >= 0 {
            text += " — the interval includes no effect"
        }
        return text
    }
}
