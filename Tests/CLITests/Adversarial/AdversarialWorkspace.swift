import Foundation

/// A fresh directory holding small fixture files for one adversarial run, and the checks every run must pass:
/// the exit class, no crash or hang, inputs unchanged (byte checksums before and after), no file left behind on a
/// failure, only the declared outputs (and no temporary file) on success, and no NaN/Inf printed as an answer.
struct AdversarialWorkspace {
    let directory: URL

    /// The fixture files every case may name (relative paths inside the workspace).
    static let fixtures: [String: String] = [
        "series.csv": countSeries(days: 200, start: "2024-01-01"),
        "long.csv": countSeries(days: 400, start: "2023-06-01"),
        "const.csv": constantSeries(days: 90, value: "5"),
        "zero.csv": constantSeries(days: 90, value: "0"),
        "tiny.csv": constantSeries(days: 3, value: "4"),
        "scaled.csv": scaledSeries(days: 90, scale: 1e-300),
        "huge.csv": scaledSeries(days: 90, scale: 1e300),
        "real.csv": realSeries(days: 120),
        "late.csv": countSeries(days: 60, start: "9999-10-01"),
        "cum.csv": "date,total\n2024-01-01,-1.7e308\n2024-01-02,1.7e308\n2024-01-03,1.7e308\n",
        "dup.csv": "date,y\n2024-01-01,1.7e308\n2024-01-01,1.7e308\n2024-01-02,3\n",
        "events.csv": """
            id,date,kind
            before,2020-01-01,strike
            inside,2024-03-01,strike
            twin-a,2024-04-10,strike
            twin-b,2024-04-10,strike
            after,2030-01-01,other

            """,
        "badevents.csv": "id,date,kind\nx,2024-13-01,strike\n",
        "forecasts.csv": """
            date,y,f_naive,f_model,q_0.1,q_0.5,q_0.9,nb_mu,nb_alpha,norm_mean,norm_sd
            2024-07-19,4,5,4,1,4,8,3,0.1,4,2
            2024-07-20,0,5,1,0,1,3,2,0.1,1,1
            2024-07-21,3,5,6,2,6,12,0,0.1,6,3

            """,
        "train.csv": constantSeries(days: 20, value: "5", name: "y"),
        "ensemble.csv": "date,s1,s2,s3\n2024-07-19,3,4,5\n2024-07-20,0,1,2\n2024-07-21,5,6,7\n",
        "regress.csv": "y,x1,x2\n1,1,2\n2,2,4\n3,3,6\n",
        "regress-exact.csv": "y,x\n1,1\n2,2\n",
        "regress-const.csv": "y,x\n5,1\n5,2\n5,3\n5,4\n",
        "regress-y.csv": "y\n5\n6\n8\n",
        "regress-wide.csv": "y,a,b,c\n1,1,0,0\n2,0,1,0\n3,0,0,1\n",
        "regress-big.csv": "y,x\n1e300,1\n1.1e300,2\n1.05e300,3\n1.2e300,4\n",
        "regress-offset.csv": "y,x,e\n1,1,0.5\n2,2,0.5\n3,3,1e308\n1,4,0.5\n2,5,0.5\n",
        "notes.txt": "not a csv\n",
        "zerowindow.csv": zeroWindowSeries(),
        "control.csv": controlSeries(),
        "nodates.csv": "a,b\n1,2\n3,4\n5,6\n",
        // The held-back catalogue's files (AdversarialCatalogue+HeldBack.swift).
        "bomcrlf.csv": "\u{FEFF}" + countSeries(days: 200, start: "2024-01-01").replacingOccurrences(of: "\n", with: "\r\n"),
        "quoted.csv": countSeries(days: 200, start: "2024-01-01").split(separator: "\n")
            .map { $0.split(separator: ",").map { "\"\($0)\"" }.joined(separator: ",") }.joined(separator: "\n") + "\n",
        "duphdr.csv": "date,y,y\n2024-01-01,1,2\n2024-01-02,3,4\n",
        "nancell.csv": constantSeries(days: 60, value: "4").replacingOccurrences(of: "2024-01-31,4", with: "2024-01-31,nan"),
        "calendar.csv": "id,date,kind\nearly,2024-01-20,strike\nmid,2024-04-01,strike\nlate,2024-07-15,strike\n",
        "mondayzero.csv": (["date,y"] + (0..<200).map { "\(isoDate(isoDay("2024-01-01") + $0)),\($0 % 7)" }).joined(separator: "\n") + "\n",
        "textonly.csv": "date,name\n" + (0..<60).map { "\(isoDate(isoDay("2024-01-01") + $0)),n\($0)\n" }.joined(),
        // The second review's files (AdversarialCatalogue+SecondReview.swift).
        "max.csv": scaledSeries(days: 60, scale: 1.5e307),
        "gapend.csv": countSeries(days: 200, start: "2024-01-01").split(separator: "\n").enumerated()
            .map { $0.offset >= 198 ? String($0.element.split(separator: ",")[0]) + "," : String($0.element) }.joined(separator: "\n") + "\n",
        "trendcol.csv": (["date,y,trend"] + (0..<120).map { "\(isoDate(isoDay("2024-01-01") + $0)),\(($0 * 7) % 11 - 3),\($0 % 5)" })
            .joined(separator: "\n") + "\n",
        "cronly.csv": countSeries(days: 60, start: "2024-01-01").replacingOccurrences(of: "\n", with: "\r"),
        "emptycol.csv": constantSeries(days: 30, value: ""),
        "hugex.csv": (["date,y,x"] + (0..<120).map { "\(isoDate(isoDay("2024-01-01") + $0)),\(($0 * 7) % 11 - 3),\(Double(1 + $0 % 9) * 1e300)" })
            .joined(separator: "\n") + "\n",
    ]

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("forecast-adversarial-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in Self.fixtures {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("subdir"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.csv").path,
                                                   withDestinationPath: "series.csv")
        // A link to a file that does not exist yet (an output named through it is written to target.csv).
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("out-link.csv").path,
                                                   withDestinationPath: "target.csv")
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Every regular file in the workspace (recursively) with an FNV-1a checksum of its bytes.
    func snapshot() -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return result }
        for case let path as String in walker {
            let url = directory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = try? Data(contentsOf: url) else { continue }
            var hash: UInt64 = 0xcbf29ce484222325
            for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            result[path] = hash
        }
        return result
    }

    /// Runs `forecast` in the workspace; kills it (and reports a hang) after `timeout` seconds.
    func run(_ arguments: [String], fullStdout: Bool = false, timeout: TimeInterval = 120) throws -> (status: Int32, crashed: Bool, hung: Bool, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = ForecastBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let outFile = directory.deletingLastPathComponent().appendingPathComponent("\(directory.lastPathComponent).out")
        let errFile = directory.deletingLastPathComponent().appendingPathComponent("\(directory.lastPathComponent).err")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile); try? FileManager.default.removeItem(at: errFile) }
        process.standardOutput = fullStdout ? FileHandle(forWritingAtPath: "/dev/full") : try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var hung = false
        while process.isRunning {
            if Date() > deadline { process.terminate(); hung = true; break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        let out = (try? String(contentsOf: outFile, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, hung, out, err)
    }

    /// Whether `text` prints a non-finite number as a value (NaN, Inf, Infinity as words).
    static func printsNonFinite(_ text: String) -> Bool {
        text.range(of: #"(?i)(?<![A-Za-z_])[-+]?(nan|inf|infinity)(?![A-Za-z_])"#, options: .regularExpression) != nil
    }

    // MARK: Fixture series

    static func countSeries(days: Int, start: String) -> String {
        var lines = ["date,y"]
        let first = isoDay(start)
        for t in 0..<days {
            lines.append("\(isoDate(first + t)),\(10 + (t * 7919) % 13 + (t % 7 == 5 ? 8 : 0))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 120 days of small counts that are 0 on the 14 days from 2024-02-10.
    static func zeroWindowSeries() -> String {
        let first = isoDay("2024-01-01")
        return (["date,y"] + (0..<120).map { "\(isoDate(first + $0)),\(40 <= $0 && $0 < 54 ? 0 : 5 + ($0 * 7) % 4)" })
            .joined(separator: "\n") + "\n"
    }

    /// 200 days from 2024-01-01 of a count column `c` (missing 2024-03-05 to 2024-03-08) and a text column `label`.
    static func controlSeries() -> String {
        let first = isoDay("2024-01-01"), gap = isoDay("2024-03-05")...isoDay("2024-03-08")
        return (["date,c,label"] + (0..<200).filter { !gap.contains(first + $0) }.map {
            "\(isoDate(first + $0)),\(20 + ($0 * 31) % 7),w\($0 % 3)"
        }).joined(separator: "\n") + "\n"
    }

    static func constantSeries(days: Int, value: String, name: String = "y") -> String {
        let first = isoDay("2024-01-01")
        return (["date,\(name)"] + (0..<days).map { "\(isoDate(first + $0)),\(value)" }).joined(separator: "\n") + "\n"
    }

    static func scaledSeries(days: Int, scale: Double) -> String {
        let first = isoDay("2024-01-01")
        return (["date,y"] + (0..<days).map { "\(isoDate(first + $0)),\(Double(1 + (($0 * 37) % 11)) * scale)" })
            .joined(separator: "\n") + "\n"
    }

    static func realSeries(days: Int) -> String {
        let first = isoDay("2024-01-01")
        return (["date,y,x"] + (0..<days).map { t in
            "\(isoDate(first + t)),\(Double((t * 7919) % 97) / 7.0 - 3.5),\(Double((t * 104729) % 89) / 11.0)"
        }).joined(separator: "\n") + "\n"
    }

    /// Days since 1970-01-01 of an ISO date (proleptic Gregorian).
    static func isoDay(_ text: String) -> Int {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func isoDate(_ days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
