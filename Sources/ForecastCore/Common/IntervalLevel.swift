import Foundation

/// The level of an interval, a percentage in (0, 100): `IntervalLevel(percent: 95)` is a 95 % interval, i.e. the
/// interval from the 2.5 % to the 97.5 % quantile. Every interval level the library reports or a command accepts
/// is written in percent (`--level 80,95`, JSON `"level": 95`); `fraction` is the coverage probability for the
/// formulas (`0.95`).
///
/// The rule for fraction-style input: values ≤ 1 are refused, because `0.95` or `1` is almost always a
/// probability typed where a percentage was meant, and a 1 % interval is never what anyone wants. The error says
/// which percentage was probably meant.
public struct IntervalLevel: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The level in percent, in (1, 100).
    public let percent: Double

    /// Why a level was refused.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The text is not a number.
        case notANumber(String)
        /// A value ≤ 1, taken as a probability typed where a percentage was meant.
        case fraction(Double)
        /// A percentage outside (1, 100), or not finite.
        case outOfRange(Double)
        /// An empty list.
        case empty
        /// A level listed twice (the outputs would carry two columns of one name).
        case repeated(Double)

        public var description: String {
            switch self {
            case .notANumber(let text): "'\(text)' is not a number; interval levels are percentages, e.g. 80,95"
            case .fraction(let value):
                "\(Self.format(value)) looks like a fraction (did you mean \(Self.format(value * 100))?); interval levels are percentages in (1, 100)"
            case .outOfRange(let value): "\(Self.format(value)) is not a percentage in (1, 100), e.g. 80 or 95"
            case .empty: "no level given; interval levels are percentages, e.g. 80,95"
            case .repeated(let value): "\(Self.format(value)) is listed twice; give each level once"
            }
        }

        private static func format(_ value: Double) -> String {
            value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }

    /// A level of `percent` %, refusing values ≤ 1 (fractions, see the type's rule) and ≥ 100.
    public init(percent: Double) throws(Problem) {
        guard percent.isFinite, percent < 100 else { throw .outOfRange(percent) }
        guard percent > 1 else { throw percent > 0 ? .fraction(percent) : .outOfRange(percent) }
        self.percent = percent
    }

    /// Parses `text` (a number of percent, e.g. "95").
    public init(parsing text: String) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed) else { throw .notANumber(trimmed) }
        try self.init(percent: value)
    }

    /// Parses a comma-separated list ("80,95"), in the order given.
    public static func list(parsing text: String) throws(Problem) -> [IntervalLevel] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw .empty }
        var levels: [IntervalLevel] = []
        for part in parts {
            let level = try IntervalLevel(parsing: String(part))
            if levels.contains(where: { $0.percent == level.percent }) { throw .repeated(level.percent) }
            levels.append(level)
        }
        return levels
    }

    /// The coverage probability, `percent / 100` (e.g. 0.95).
    public var fraction: Double { percent / 100 }

    /// The JSON form of a level in percent: an integer when whole (95), else a number (99.5). `percent` may come
    /// from a fraction × 100, so it is rounded to 9 decimals first (0.57 × 100 = 56.99999999999999 → 57).
    public static func json(percent: Double) -> JSONValue {
        let value = (percent * 1e9).rounded() / 1e9
        return value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .finite(value)
    }

    /// The level as written: "95", "99.5".
    public var description: String { TextFormat.trimmed(percent) }

    public static func < (a: IntervalLevel, b: IntervalLevel) -> Bool { a.percent < b.percent }
}
