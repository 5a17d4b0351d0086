/// The terms of a time-series design as the user asks for them, before any data is seen.
///
/// Column names follow `Tests/Fixtures/reference/README.md`: `const`; `trend` = (date − training start)/365.25 and
/// `trend_sq`; `dow_tue` … `dow_sun` (Monday is the reference level); `sinK_P`, `cosK_P` (phase from
/// 1970-01-01); `cp_YYYY-MM-DD` hinges; `lagL` (on log(1+y) for count models); `event_ID` windows; `step_ID`;
/// file regressors under their own names. Defaults: `const` + linear trend + day of week; nothing else is ever
/// added implicitly.
import ForecastCore
import ForecastData
public struct DesignSpecification: Sendable, Equatable {
    /// Trend terms.
    public enum Trend: String, Sendable, Equatable, CaseIterable {
        case none, linear, quadratic
    }

    /// Include `const`.
    public var intercept: Bool
    /// `trend` (and `trend_sq` for quadratic).
    public var trend: Trend
    /// `dow_tue` … `dow_sun`.
    public var dayOfWeek: Bool
    /// Fourier pairs.
    public var fourier: [FourierTerm]
    /// Hinge dates: `cp_YYYY-MM-DD` = max(0, trend − trend at the date).
    public var changepoints: [CalendarDate]
    /// Autoregressive lags in days (`lag1`, `lag7`, …) on the response (log(1+y) for count models).
    public var autoregressiveLags: [Int]
    /// Event windows (`event_ID`).
    public var events: [EventWindow]
    /// Steps (`step_ID` = 1 from the date on).
    public var steps: [StepTerm]
    /// Numeric file columns entered as they are.
    public var regressors: [String]

    public init(intercept: Bool = true, trend: Trend = .linear, dayOfWeek: Bool = true, fourier: [FourierTerm] = [],
                changepoints: [CalendarDate] = [], autoregressiveLags: [Int] = [], events: [EventWindow] = [],
                steps: [StepTerm] = [], regressors: [String] = []) {
        precondition(autoregressiveLags.allSatisfy { $0 >= 1 }, "AR lags must be ≥ 1 day")
        self.intercept = intercept
        self.trend = trend
        self.dayOfWeek = dayOfWeek
        self.fourier = fourier
        self.changepoints = changepoints
        self.autoregressiveLags = autoregressiveLags
        self.events = events
        self.steps = steps
        self.regressors = regressors
    }
}

/// A Fourier seasonality: `order` sine/cosine pairs of period `period` days.
public struct FourierTerm: Sendable, Equatable, Hashable {
    /// Period in days (e.g. 7, 365.25).
    public let period: Double
    /// Number of harmonics K (columns `sin1_P` … `sinK_P`, `cos1_P` … `cosK_P`).
    public let order: Int

    public init(period: Double, order: Int) {
        precondition(period > 0 && order >= 1, "Fourier period must be > 0 and order ≥ 1")
        self.period = period
        self.order = order
    }

    /// The period as written in column names (`7`, `365.25`).
    public var periodLabel: String {
        period == period.rounded() ? String(Int(period)) : String(period)
    }
}

/// A trigger date and the window of day offsets it acts on: `event_ID` = 1 when
/// `first` ≤ (date − trigger) in days ≤ `last` (negative offsets are leads). Default window 0…13.
public struct EventWindow: Sendable, Equatable, Hashable {
    /// Identifier used in the column name `event_ID`.
    public let id: String
    /// The trigger day.
    public let date: CalendarDate
    /// First offset in days (may be negative).
    public let first: Int
    /// Last offset in days (≥ first).
    public let last: Int

    public init(id: String, date: CalendarDate, first: Int = 0, last: Int = 13) {
        precondition(first <= last, "event window \(first)..\(last) is empty")
        self.id = id
        self.date = date
        self.first = first
        self.last = last
    }

    /// The design column name.
    public var columnName: String { "event_\(id)" }

    /// Whether `day` falls inside the window.
    @inlinable public func contains(_ day: CalendarDate) -> Bool {
        let offset = day - date
        return offset >= first && offset <= last
    }

    /// The calendar days the window covers.
    public var span: DateSpan { DateSpan(first: date.adding(days: first), last: date.adding(days: last)) }
}

/// A level shift from a date on: `step_ID` = 1 when date ≥ `date`.
public struct StepTerm: Sendable, Equatable, Hashable {
    public let id: String
    public let date: CalendarDate

    public init(id: String, date: CalendarDate) {
        self.id = id
        self.date = date
    }

    public var columnName: String { "step_\(id)" }
}
