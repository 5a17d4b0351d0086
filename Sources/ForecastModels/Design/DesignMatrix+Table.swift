/// Building a design directly from the numeric columns of a CSV table (`forecast regress`).
import ForecastCore
import ForecastData
extension DesignMatrix {
    /// A design made of the named columns of `table`, in the given order, optionally preceded by `const` = 1.
    ///
    /// Every cell must be a finite number; an empty cell is an error (`DataError.missingValue`) naming the file,
    /// line and column, as is any unparseable or non-finite cell.
    public init(table: CSVTable, columns: [String], addIntercept: Bool) throws(DataError) {
        var named: [(name: String, values: [Double])] = []
        if addIntercept {
            if columns.contains("const") {
                throw DataError(.invalid, file: table.source, line: table.headerLine, column: "const",
                                expected: "no column named 'const' when an intercept is added",
                                found: "a column named 'const'")
            }
            named.append(("const", [Double](repeating: 1, count: table.rowCount)))
        }
        for name in columns {
            let index = try table.columnIndex(named: name)
            named.append((table.header[index], try table.numbers(inColumn: index, missing: .error)))
        }
        self.init(columns: named)
    }
}
