import Foundation

/// A seeded synthetic per-event CSV in the shape of the Air Force attacks feed (`missile_attacks_daily.csv`):
/// the same 22-column header, one row per weapon model and reporting window, several hundred rows per day.
///
/// Rows are synthetic (the real file is 0.8 MB; repeating it, as `gen.py` in the bench notes does, would make
/// the bench depend on a file outside the repository), but written like the real ones:
/// - `time_start`/`time_end`: 40 % overnight windows `YYYY-MM-DD 18:00` → next day `HH:MM`, else bare dates;
///   1 in 500 bare `time_end` has a trailing space (as in the feed). Days run from 2026-06-07 back to
///   2022-09-28 in file order (the feed is newest first), spread evenly over the rows.
/// - `model` from 14 names (Latin and Cyrillic), `launch_place` half empty and sometimes quoted with commas,
///   counts as float text (`236.0`), dict-like `destroyed_details` quoted, empty columns as in the feed.
/// - `launched` is empty in 1 row in 1000 and `destroyed` in 1 in 500 (ingest counts them as 0).
/// - Every row is exactly `rowBytes` bytes including its LF: the free-text `source` column (a post id like
///   `kpszsu/posts/pfbid0…`) is padded to fit. The file therefore has exactly `byteCount` =
///   header + 1 + rows × 256 bytes, which makes throughput a function of the case size alone.
/// The totals of `launched` and `destroyed` are summed while writing, as integers.
public struct PerEventFile: Sendable {
    /// Base seed of the file contents.
    public static let baseSeed: UInt64 = 20_220_228
    /// The attacks feed's header (22 columns).
    public static let header = "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,"
        + "not_reach_goal,still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,"
        + "carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,launched_details,"
        + "launch_place_details,source"
    /// Number of columns.
    public static let columnCount = 22
    /// Bytes per data row, including the line feed.
    public static let rowBytes = 256
    /// 2022-09-28, the first `time_end` day (days since 1970-01-01).
    public static let firstDay = 19_263
    /// 2026-06-07, the last `time_end` day.
    public static let lastDay = 20_611

    /// Number of data rows.
    public let rows: Int

    public init(rows: Int) {
        precondition(rows >= 1, "PerEventFile needs at least one row")
        self.rows = rows
    }

    /// Exact file size: header line + rows × `rowBytes`.
    public var byteCount: Int { Self.header.utf8.count + 1 + rows * Self.rowBytes }

    /// The case size: data rows × columns.
    public var size: CaseSize { CaseSize(rows: rows, columns: Self.columnCount) }

    /// What was written, summed while writing.
    public struct Totals: Sendable, Equatable {
        /// Sum of `launched` over all rows (empty cells count 0).
        public var launched = 0
        /// Sum of `destroyed` over all rows.
        public var destroyed = 0
        /// Rows whose `launched` cell is empty.
        public var emptyLaunched = 0
        /// Rows whose `destroyed` cell is empty.
        public var emptyDestroyed = 0
        /// Days from the first to the last `time_end` date (both included).
        public var days = 0
    }

    /// Writes the file to `url` (replacing it) in chunks of about 4 MB; returns the totals.
    public func write(to url: URL) throws -> Totals {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var writer = Writer(file: self)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4 << 20)
        writer.header(into: &buffer)
        for row in 0..<rows {
            writer.row(row, into: &buffer)
            if buffer.count >= 4 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        return writer.totals
    }

    /// The whole file in memory (for tests and small sizes) and its totals.
    public func contents() -> (bytes: [UInt8], totals: Totals) {
        var writer = Writer(file: self)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(byteCount)
        writer.header(into: &buffer)
        for row in 0..<rows { writer.row(row, into: &buffer) }
        return (buffer, writer.totals)
    }

    /// The `time_end` day of row `row`: evenly from `lastDay` (row 0) down to `firstDay`.
    static func day(ofRow row: Int, rows: Int) -> Int {
        lastDay - row * (lastDay - firstDay + 1) / rows
    }
}

extension PerEventFile {
    /// Emits the rows; holds the random stream and the running totals.
    struct Writer {
        let rows: Int
        var sampler: CountSampler
        var totals = Totals()

        static let models: [(name: String, shahed: Bool, largest: Int)] = [
            ("Shahed-136/131", true, 300), ("Unknown UAV", false, 90), ("Iskander-M", false, 12),
            ("Orlan-10", false, 6), ("Reconnaissance UAV", false, 8), ("X-101/X-555 and Kalibr", false, 60),
            ("Kalibr", false, 20), ("Lancet", false, 5), ("Молнія", false, 4), ("C-300", false, 10),
            ("X-59/X-69", false, 8), ("Iskander-K", false, 6), ("Фенікс", false, 3), ("Zala", false, 4),
        ]
        static let places = ["Kursk oblast", "Primorsko-Akhtarsk", "\"Primorsko-Akhtarsk and Chauda, Crimea\"",
                             "Bryansk oblast and Oryol oblast", "Millerovo", "\"Hvardiiske, Crimea\"",
                             "Zaporizhzhia oblast", "Black Sea"]
        static let targets = ["Ukraine", "south", "east", "north", "Kharkiv oblast", "Odesa oblast", "Kyiv"]
        static let sources = ["kpszsu/posts/pfbid0", "PvKPivden/posts/pfbid0", "kpszsu/posts/pfbid02"]
        static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
        /// Shortest random tail of `source` (the padding).
        static let minimumTail = 8

        init(file: PerEventFile) {
            rows = file.rows
            sampler = CountSampler(seed: SplitMix64.seed(PerEventFile.baseSeed, file.rows))
            totals.days = PerEventFile.day(ofRow: 0, rows: rows) - PerEventFile.day(ofRow: rows - 1, rows: rows) + 1
        }

        func header(into buffer: inout [UInt8]) {
            buffer.append(contentsOf: PerEventFile.header.utf8)
            buffer.append(0x0A)
        }

        mutating func pick<T>(_ values: [T]) -> T { values[Int(sampler.uniform() * Double(values.count))] }
        mutating func chance(_ p: Double) -> Bool { sampler.uniform() < p }
        mutating func integer(_ upTo: Int) -> Int { Int(sampler.uniform() * Double(upTo + 1)) }

        mutating func row(_ row: Int, into buffer: inout [UInt8]) {
            let start = buffer.count
            let day = PerEventFile.day(ofRow: row, rows: rows)
            // time_start, time_end
            if chance(0.4) {
                Self.appendDate(day - 1, into: &buffer)
                buffer.append(contentsOf: " 18:00,".utf8)
                Self.appendDate(day, into: &buffer)
                buffer.append(contentsOf: " 0".utf8)
                buffer.append(UInt8(ascii: "6") + UInt8(integer(3)))
                buffer.append(contentsOf: (chance(0.5) ? ":00," : ":30,").utf8)
            } else {
                Self.appendDate(day, into: &buffer)
                buffer.append(UInt8(ascii: ","))
                Self.appendDate(day, into: &buffer)
                if chance(0.002) { buffer.append(UInt8(ascii: " ")) }
                buffer.append(UInt8(ascii: ","))
            }
            let model = pick(Self.models)
            buffer.append(contentsOf: model.name.utf8)
            buffer.append(UInt8(ascii: ","))
            if chance(0.5) { buffer.append(contentsOf: pick(Self.places).utf8) }
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: pick(Self.targets).utf8)
            buffer.append(UInt8(ascii: ","))
            if chance(0.02) { buffer.append(contentsOf: "Kyiv".utf8) }
            buffer.append(UInt8(ascii: ","))
            // launched, destroyed
            let launched = 1 + integer(model.largest - 1)
            let destroyed = Int(Double(launched) * (0.6 + 0.4 * sampler.uniform()))
            if chance(0.001) { totals.emptyLaunched += 1 } else {
                totals.launched += launched
                Self.appendCount(launched, into: &buffer)
            }
            buffer.append(UInt8(ascii: ","))
            if chance(0.002) { totals.emptyDestroyed += 1 } else {
                totals.destroyed += destroyed
                Self.appendCount(destroyed, into: &buffer)
            }
            buffer.append(UInt8(ascii: ","))
            // not_reach_goal, still_attacking, border_crossing, is_shahed, num_hit_location, num_fall_fragment_location
            if chance(0.3) { Self.appendCount(launched - destroyed, into: &buffer) }
            buffer.append(UInt8(ascii: ","))
            if chance(0.1) { Self.appendCount(integer(9), into: &buffer) }
            buffer.append(contentsOf: ",{},".utf8)
            if model.shahed { buffer.append(contentsOf: "1.0".utf8) }
            buffer.append(UInt8(ascii: ","))
            if chance(0.2) { Self.appendCount(integer(20), into: &buffer) }
            buffer.append(UInt8(ascii: ","))
            if chance(0.2) { Self.appendCount(integer(20), into: &buffer) }
            // carrier, turbojet, turbojet_destroyed, affected region: empty
            buffer.append(contentsOf: ",,,,,".utf8)
            // destroyed_details, launched_details, launch_place_details
            if chance(0.15) {
                buffer.append(contentsOf: "\"{'south': ".utf8)
                Self.appendInteger(integer(destroyed), into: &buffer)
                buffer.append(contentsOf: ", 'west': ".utf8)
                Self.appendInteger(integer(9), into: &buffer)
                buffer.append(contentsOf: ", 'east': NaN}\"".utf8)
            }
            buffer.append(contentsOf: ",,,".utf8)
            // source, padded so that the row is exactly rowBytes long
            let prefix = pick(Self.sources)
            buffer.append(contentsOf: prefix.utf8)
            let tail = PerEventFile.rowBytes - (buffer.count - start) - 1
            precondition(tail >= Self.minimumTail, "PerEventFile: row \(row) leaves \(tail) bytes for the source id")
            for _ in 0..<tail {
                buffer.append(Self.alphabet[Int(sampler.normal.uniform.next() % UInt64(Self.alphabet.count))])
            }
            buffer.append(0x0A)
        }

        /// `YYYY-MM-DD` of a day count (Hinnant's civil_from_days).
        static func appendDate(_ day: Int, into buffer: inout [UInt8]) {
            let z = day + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let doe = z - era * 146_097
            let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            let d = doy - (153 * mp + 2) / 5 + 1
            let m = mp < 10 ? mp + 3 : mp - 9
            let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
            let zero = UInt8(ascii: "0")
            buffer.append(zero + UInt8(y / 1000 % 10))
            buffer.append(zero + UInt8(y / 100 % 10))
            buffer.append(zero + UInt8(y / 10 % 10))
            buffer.append(zero + UInt8(y % 10))
            buffer.append(UInt8(ascii: "-"))
            buffer.append(zero + UInt8(m / 10))
            buffer.append(zero + UInt8(m % 10))
            buffer.append(UInt8(ascii: "-"))
            buffer.append(zero + UInt8(d / 10))
            buffer.append(zero + UInt8(d % 10))
        }

        /// A count as the feed writes it: `236.0`.
        static func appendCount(_ value: Int, into buffer: inout [UInt8]) {
            appendInteger(value, into: &buffer)
            buffer.append(contentsOf: ".0".utf8)
        }

        static func appendInteger(_ value: Int, into buffer: inout [UInt8]) {
            precondition(value >= 0, "counts are non-negative")
            let first = buffer.count
            var rest = value
            repeat {
                buffer.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            buffer[first...].reverse()
        }
    }
}
