import ArgumentParser
import Forecast
import Foundation

/// The allowed ranges of the numeric options, checked in `validate()` before any file is read (a value outside is a
/// usage error, exit 64, whose message names the option and the range).
///
/// Policy (each bound is chosen by a rule, not tuned):
///  1. Day counts (horizon, lags, event offsets, shifts, steps) are bounded by what daily data can mean: at most ten
///     years ahead (`maxHorizon`), at most a year back or forward from an event or a lag (`maxOffset`). A date shift
///     is also bounded by the training window, once the data are read (`checkShift`): the shift table refits the model
///     2·shift + 1 times, so the cap of 366 keeps it a fixed multiple of one fit, linear in the series length.
///  2. Simulation sizes are bounded by the memory they imply: `horizon × paths` doubles are held for the forecast
///     paths, plus one working copy, so `horizon × paths × 8 bytes × 2` must stay within `memoryBudget` (1 GiB), which
///     keeps an accepted command well under 2 GB. The refusal quotes the estimate.
///  3. Counts of refits (placebos) are bounded so that the time stays proportional to a known multiple of one fit.
///  4. Real numbers must be finite; no user number is converted to `Int` without a range check first.
enum OptionBounds {
    /// Longest forecast horizon, days (ten years).
    static let maxHorizon = 3_660
    /// Largest event-window offset, AR lag, date shift or report lag, days (one leap year).
    static let maxOffset = 366
    /// Largest HAC lag truncation (the default for 36,500 daily rows is 15).
    static let maxHACLags = 1_000
    /// Most backtest origins (and the largest refit cadence).
    static let maxOrigins = 10_000
    /// Longest sliding training window, days (a thousand years: longer than any series).
    static let maxTrainingDays = 365_250
    /// Most coefficient draws in effects (each draw is one coefficient vector and one excess per window day).
    static let maxDraws = 100_000
    /// Most placebo refits.
    static let maxPlacebos = 10_000
    /// Longest and shortest Fourier period, days (100 years; 2 days is the shortest period daily data can show).
    static let fourierPeriods: ClosedRange<Double> = 2...36_525
    /// Memory allowed for simulated values, bytes (1 GiB).
    static let memoryBudget = 1 << 30
    /// Copies of the simulated values held at once (the paths and one working copy).
    static let simulationCopies = 2

    /// Throws a usage error unless `value` is in `range`.
    static func check(_ value: Int, _ option: String, in range: ClosedRange<Int>, unit: String = "") throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be in \(range.lowerBound)...\(range.upperBound)\(unit.isEmpty ? "" : " \(unit)"), got \(value)")
        }
    }

    /// Throws a usage error unless the date shift stays within the training window: |s| ≤ its days − 1 (a larger shift
    /// moves a window that lies in the data wholly out of it), as well as within `maxOffset`.
    static func checkShift(_ shift: Int, trainingWindow: DateSpan) throws {
        let largest = min(maxOffset, trainingWindow.dayCount - 1)
        guard shift > largest else { return }
        throw ValidationError("""
            --shift must be in 0...\(largest) days for the training window \(trainingWindow) (\(trainingWindow.dayCount) days; \
            a shift moves the window within the data), got \(shift)
            """)
    }

    /// Most simulated paths over the placebo triggers of the counterfactual design (placebos × paths; each placebo
    /// forecasts its window as `paths` paths): ten times the default 1,000 × 1,000, which takes about 6 s on a 36,500-day
    /// series on this 2-core machine — the time is linear in the product, so the limit keeps a command near a minute.
    static let maxPlaceboPaths = 10_000_000

    /// Throws a usage error when placebos × paths exceeds `maxPlaceboPaths` (the message gives the product and the
    /// most placebos the given paths allow).
    static func checkPlaceboWork(placebos: Int, paths: Int) throws {
        let (work, overflow) = placebos.multipliedReportingOverflow(by: paths)
        guard overflow || work > maxPlaceboPaths else { return }
        throw ValidationError("""
            --placebos \(placebos) with --paths \(paths) would simulate \(placebos) × \(paths) placebo forecast paths; the \
            limit is \(maxPlaceboPaths) (time grows with the product, about a minute at the limit): at most \
            \(maxPlaceboPaths / max(paths, 1)) placebos with --paths \(paths)
            """)
    }

    /// Throws a usage error unless `value` is a finite number.
    static func checkFinite(_ value: Double, _ option: String) throws {
        guard value.isFinite else { throw ValidationError("\(option) must be a finite number, got \(value)") }
    }

    /// Throws a usage error when `values` simulated numbers per path-day (`rows × paths`) exceed the memory budget;
    /// the message gives the estimate. `rows` is the number of days (horizon, or horizon × origins).
    static func checkSimulation(rows: Int, paths: Int, option: String = "--paths", what: String) throws {
        let (values, o1) = rows.multipliedReportingOverflow(by: paths)
        let (bytes, o2) = values.multipliedReportingOverflow(by: 8 * simulationCopies)
        guard o1 || o2 || bytes > memoryBudget else { return }
        let estimate = o1 || o2 ? Double(rows) * Double(paths) * Double(8 * simulationCopies) : Double(bytes)
        let largest = memoryBudget / (8 * simulationCopies) / max(rows, 1)
        throw ValidationError("""
            \(option) \(paths) with \(what) would hold \(rows) × \(paths) × 8 bytes × \(simulationCopies) copies ≈ \
            \(gigabytes(estimate)) of simulated values; the limit is \(gigabytes(Double(memoryBudget))) \
            (at most \(largest) paths here)
            """)
    }

    static func gigabytes(_ bytes: Double) -> String {
        let value = bytes / Double(1 << 30)
        return String(format: value >= 100 ? "%.3g GiB" : "%.2f GiB", value)
    }
}
