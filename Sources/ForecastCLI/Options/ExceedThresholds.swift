import ArgumentParser

/// `--exceed N[,M…]` of `fit` and `backtest`: positive thresholds (a usage error, exit 64, otherwise).
enum ExceedThresholds {
    static func parse(_ text: String?) throws -> [Double] {
        guard let text else { return [] }
        return try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(item), value.isFinite, value > 0 else {
                throw ValidationError("--exceed takes positive numbers, e.g. 500 or 300,600; got '\(item)'")
            }
            return value
        }
    }
}
