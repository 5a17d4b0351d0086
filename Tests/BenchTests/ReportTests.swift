import Testing
import BenchHarness

@Suite("Report: JSON schema and table")
struct ReportTests {
    static func environment(debug: Bool) -> RunEnvironment {
        RunEnvironment(isDebugBuild: debug, profile: .quick, filter: nil, openBLASConfiguration: "OpenBLAS 0.3.21",
                       openBLASCoreName: "Haswell", blasThreads: 2, cpuModel: "AMD EPYC", coreCount: 2,
                       variables: [("OPENBLAS_CORETYPE", "Haswell"), ("OPENBLAS_L2_SIZE", nil)],
                       peak: PeakMeasurement(order: 1024, singleThread: 60, allThreads: 115, allThreadCount: 2, calls: 5),
                       started: "2025-01-01T00:00:00Z")
    }

    static func results() throws -> [CaseResult] {
        let agreement = Agreement(ours: [1, 2], baseline: [1, 2])
        return [
            try CaseResult(name: "ols-hc1", suite: "ols", size: CaseSize(rows: 10_000, columns: 20),
                           ours: TimingSummary(samples: [0.002, 0.001, 0.003]),
                           baseline: (name: "dgeqrf+dormqr+dtrtrs", timing: TimingSummary(samples: [0.0015]),
                                      agreement: agreement),
                           flopCount: nil),
            try CaseResult(name: "gemm", suite: "gemm", size: .square(256), ours: TimingSummary(samples: [0.001]),
                           baseline: nil, flopCount: 2 * 256 * 256 * 256),
        ]
    }

    @Test("cases carry exactly the documented keys, sizes as <rows>x<cols>, nulls where nothing applies")
    func caseSchema() throws {
        let json = Report(environment: Self.environment(debug: false), cases: try Self.results()).json
        guard case let .object(top) = json else { Issue.record("not an object"); return }
        #expect(top.map(\.key) == ["environment", "cases"])
        guard case let .array(cases)? = json["cases"], cases.count == 2 else { Issue.record("no cases"); return }
        guard case let .object(first) = cases[0] else { Issue.record("case is not an object"); return }
        #expect(first.map(\.key) == ["name", "suite", "size", "ours", "baseline", "ratio", "gflops", "agree"])
        #expect(cases[0]["name"] == .string("ols-hc1"))
        #expect(cases[0]["size"] == .string("10000x20"))
        #expect(cases[0]["ours"] == .object(["median": .number(0.002), "min": .number(0.001), "max": .number(0.003)]))
        #expect(cases[0]["baseline"] == .object(["name": .string("dgeqrf+dormqr+dtrtrs"), "median": .number(0.0015),
                                                 "min": .number(0.0015), "max": .number(0.0015)]))
        #expect(cases[0]["ratio"] == .number(0.0015 / 0.002))
        #expect(cases[0]["gflops"] == .null)
        #expect(cases[0]["agree"] == .bool(true))
        #expect(cases[1]["size"] == .string("256x256"))
        #expect(cases[1]["baseline"] == .null)
        #expect(cases[1]["ratio"] == .null)
        if case let .number(gflops)? = cases[1]["gflops"] {
            #expect(abs(gflops - 2 * 256 * 256 * 256 / 0.001 / 1e9) < 1e-9)
        } else {
            Issue.record("gflops missing")
        }
    }

    @Test("the environment records build, BLAS, CPU, threads and variables as found")
    func environmentFields() {
        let json = Self.environment(debug: false).json
        #expect(json["build"] == .string("release"))
        #expect(json["warning"] == nil)
        #expect(json["openblasCoreName"] == .string("Haswell"))
        #expect(json["blasThreads"] == .integer(2))
        #expect(json["cpuModel"] == .string("AMD EPYC"))
        #expect(json["coreCount"] == .integer(2))
        #expect(json["variables"] == .object(["OPENBLAS_CORETYPE": .string("Haswell"), "OPENBLAS_L2_SIZE": .null]))
        #expect(json["peakGflops"]?["singleThread"] == .number(60))
    }

    @Test("a debug build is marked in the JSON and on every table line")
    func debugMarking() throws {
        let report = Report(environment: Self.environment(debug: true), cases: try Self.results())
        #expect(report.json["environment"]?["build"] == .string("debug"))
        #expect(report.json["environment"]?["warning"] != nil)
        #expect(report.json["environment"]?["timingClaims"] == .bool(false))
        let lines = report.table.split(separator: "\n")
        #expect(lines.first?.contains("DEBUG BUILD") == true)
        let rows = lines.filter { $0.hasPrefix("ols-hc1") || $0.hasPrefix("gemm ") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.hasSuffix("DEBUG") })
    }

    @Test("the table shows median [min–max], ratio and % of the measured peak")
    func tableRows() throws {
        let table = Report(environment: Self.environment(debug: false), cases: try Self.results()).table
        #expect(table.contains("2.00 ms [1.00–3.00]"))
        #expect(table.contains("0.75"))
        // 33.6 GFLOP/s of a 115 GFLOP/s two-thread peak.
        #expect(table.contains("33.6"))
        #expect(table.contains("29%"))
        #expect(!table.contains("DEBUG"))
    }

    @Test("JSON serialization escapes strings and writes non-finite numbers as null")
    func serialization() {
        let json: JSON = .object(["a": .string("q\"\\\n"), "b": .number(.nan), "c": .array([.integer(1), .number(0.5)])])
        #expect(json.serialized() == "{\n  \"a\": \"q\\\"\\\\\\n\",\n  \"b\": null,\n  \"c\": [1, 0.5]\n}")
    }
}
