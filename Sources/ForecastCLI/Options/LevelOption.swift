import ArgumentParser
import Forecast

/// `--level` in every command: interval levels in percent (`80,95`), parsed by the library's `IntervalLevel`
/// (values ≤ 1 are refused as fractions, with the percentage that was probably meant); a refusal is a usage
/// error naming the option.
enum LevelOption {
    /// The levels of a comma-separated `--level` value.
    static func levels(_ text: String, option: String = "--level") throws -> [IntervalLevel] {
        do { return try IntervalLevel.list(parsing: text) } catch { throw ValidationError("\(option): \(error)") }
    }

    /// One level given as a number of percent.
    static func level(_ percent: Double, option: String = "--level") throws -> IntervalLevel {
        do { return try IntervalLevel(percent: percent) } catch { throw ValidationError("\(option): \(error)") }
    }
}
