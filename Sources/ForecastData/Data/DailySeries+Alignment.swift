// DailySeries+Alignment — a column put on another series' days (a control series read from another file).

extension DailySeries {
    /// Column `name` re-indexed to begin on `start`: element t is its value on `start + t`, NaN on a day this series
    /// does not have. The result runs at least `days` long and through this series' last day.
    ///
    /// Throws what ``column(named:)`` throws. Cost O(result length).
    public func column(named name: String, from start: CalendarDate, atLeast days: Int) throws(DataError) -> [Double] {
        let column = try self.column(named: name)
        let length = max(days, end.adding(days: 1) - start)
        return (0..<length).map { t in index(of: start.adding(days: t)).map { column[$0] } ?? .nan }
    }
}
