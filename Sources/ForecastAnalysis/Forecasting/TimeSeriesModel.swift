/// A daily time-series regression: design terms learned from the calendar plus a model (OLS, Poisson, NB2).
///
/// The library form of `forecast fit`: a specification value → `fit(_:)` of a `DatedSeries` → `TimeSeriesFit`,
/// whose `forecast(horizon:…)` continues the trend, day of week and event windows into the future.
import ForecastCore
import ForecastData
import ForecastModels
public struct TimeSeriesModel: Sendable, Equatable {
    /// The model family (`RegressionKind`: ols, poisson, nb2).
    public typealias Kind = RegressionKind

    /// Design terms (default: const + linear trend + day of week).
    public var design: DesignSpecification
    /// The model; nil chooses automatically (`ModelChoice`): OLS unless the response is counts, then NB2 when a
    /// likelihood-ratio test finds overdispersion, else Poisson.
    public var kind: Kind?
    /// Coefficient covariance (default classical: σ̂²(XᵀX)⁻¹ for OLS, inverse information for count models).
    public var covariance: CovarianceEstimator
    /// First training day (nil = the series' first day). Rows before it may still feed AR lags.
    public var from: CalendarDate?
    /// Last training day (nil = the series' last day). Later rows are never used for fitting.
    public var to: CalendarDate?
    /// Choose trend changepoints automatically (forward selection by BIC, ≥ 60 days apart; `ChangepointSelection`),
    /// in addition to any given in `design.changepoints`.
    public var automaticChangepoints: Bool

    public init(design: DesignSpecification = DesignSpecification(), kind: Kind? = nil,
                covariance: CovarianceEstimator = .classical, from: CalendarDate? = nil, to: CalendarDate? = nil,
                automaticChangepoints: Bool = false) {
        self.design = design
        self.kind = kind
        self.covariance = covariance
        self.from = from
        self.to = to
        self.automaticChangepoints = automaticChangepoints
    }

    /// Fits the model to a dated series: its response (one value per consecutive day from `series.start`, NaN =
    /// missing and excluded), its regressors (file columns by name, aligned with the response; they may run past the
    /// training window) and its name (for reports).
    /// - Throws: `ModelError` — no training rows, an event without training days, a count model on non-count data
    ///   (`.notCounts` with the day's index into `series.values`; `series.located(_:)` turns it into a data error at
    ///   the source line), fit failures.
    public func fit(_ series: DatedSeries) throws(ModelError) -> TimeSeriesFit {
        try TimeSeriesFit(model: self, start: series.start, response: series.values, regressors: series.regressors,
                          responseName: series.name)
    }
}

extension TimeSeriesModel {
    /// Bytes a design may occupy: 1 GiB, the budget the CLI gives simulated values, so an accepted command stays
    /// well under 2 GB.
    static let designMemoryBudget = 1 << 30
    /// Copies of the design held while it is built and fitted: its rows, the matrix, the usable rows and the
    /// least-squares factor.
    static let designCopies = 4

    /// A design of `rows` days × `columns` columns must fit the memory budget (`rows × columns × 8 bytes × 4
    /// copies`); a larger one (thousands of Fourier harmonics or per-day event columns on a long series) is refused
    /// with the estimate before anything is allocated, instead of exhausting memory.
    static func checkDesignSize(rows: Int, columns: Int) throws(ModelError) {
        let (cells, o1) = rows.multipliedReportingOverflow(by: columns)
        let (bytes, o2) = cells.multipliedReportingOverflow(by: 8 * designCopies)
        guard o1 || o2 || bytes > designMemoryBudget else { return }
        let gib = Double(rows) * Double(columns) * Double(8 * designCopies) / Double(1 << 30)
        throw .invalidSpecification("""
            the design would have \(rows) rows × \(columns) columns (× 8 bytes × \(designCopies) working copies ≈ \
            \(TextFormat.number(gib)) GiB); the limit is 1 GiB, at most \(designMemoryBudget / (8 * designCopies) / max(rows, 1)) \
            columns for \(rows) rows: use fewer terms (Fourier harmonics, per-day event columns, changepoints)
            """)
    }

    /// Sums of squares of the response and of every regressor must stay normal doubles: a column whose largest
    /// |value| lies outside 1e-150 … 1e150 (squares under- or overflow) is refused with the reason, the column and
    /// the day of that value, instead of standard errors of 0 and t = ∞ or a trap on a NaN degree of freedom. (All
    /// zeros pass: that is the degenerate but valid constant series.)
    /// - Parameters:
    ///   - values: the column's values from `first` on, one per day (NaN = missing, skipped).
    ///   - column: nil for the response, else the regressor's name.
    static func checkScale(_ values: [Double], column: String? = nil, first: CalendarDate? = nil) throws(ModelError) {
        var largest = 0.0, at = 0
        for (t, value) in values.enumerated() where !value.isNaN && abs(value) > largest { (largest, at) = (abs(value), t) }
        if largest > 0 && (largest < 1e-150 || largest > 1e150) {
            throw .unusableScale(column: column, largest: largest, day: first.map { "\($0.adding(days: at))" })
        }
    }
}
