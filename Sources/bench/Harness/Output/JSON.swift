/// A JSON document with ordered object keys, and its serialization (the harness' own, so it depends on nothing).
///
/// Numbers are written with Swift's shortest round-tripping decimal; integers without a decimal point;
/// NaN and ±Inf become `null`.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSON])
    /// An object; keys keep the given order.
    case object([Member])

    /// One key–value pair of an object.
    public struct Member: Sendable, Equatable {
        public let key: String
        public let value: JSON
        public init(_ key: String, _ value: JSON) {
            self.key = key
            self.value = value
        }
    }

    /// A number, or null for nil and non-finite values.
    public static func finite(_ value: Double?) -> JSON {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// A string, or null for nil.
    public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }

    /// An object from (key, value) pairs in order.
    public static func object(_ pairs: KeyValuePairs<String, JSON>) -> JSON {
        .object(pairs.map { Member($0.key, $0.value) })
    }

    /// The value of `key` in an object (nil for other values or a missing key).
    public subscript(key: String) -> JSON? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Two-space indented serialization, ending without a newline.
    public func serialized() -> String {
        var output = ""
        write(to: &output, indent: 0)
        return output
    }

    private func write(to output: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        switch self {
        case .null: output += "null"
        case let .bool(value): output += value ? "true" : "false"
        case let .integer(value): output += String(value)
        case let .number(value): output += value.isFinite ? "\(value)" : "null"
        case let .string(value): Self.writeString(value, to: &output)
        case let .array(values):
            guard !values.isEmpty else { output += "[]"; return }
            // Arrays of scalars stay on one line (coefficient vectors); others get one element per line.
            if values.allSatisfy(\.isScalar) {
                output += "["
                for (i, value) in values.enumerated() {
                    if i > 0 { output += ", " }
                    value.write(to: &output, indent: indent + 1)
                }
                output += "]"
                return
            }
            output += "["
            for (i, value) in values.enumerated() {
                output += (i > 0 ? ",\n" : "\n") + pad
                value.write(to: &output, indent: indent + 1)
            }
            output += "\n" + String(repeating: "  ", count: indent) + "]"
        case let .object(members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (i, member) in members.enumerated() {
                output += (i > 0 ? ",\n" : "\n") + pad
                Self.writeString(member.key, to: &output)
                output += ": "
                member.value.write(to: &output, indent: indent + 1)
            }
            output += "\n" + String(repeating: "  ", count: indent) + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
