/// Numbers quoted in messages: integers without a decimal point ("12", not "12.0"), other values as Swift prints
/// them.
public enum TextNumber {
    /// `value` as text: an integer below 10^15 in magnitude without ".0", anything else (fractions, NaN, ∞) as
    /// `String(value)`.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
