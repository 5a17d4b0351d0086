/// Everything a reader needs to judge a run's numbers: build, BLAS, threads, CPU and sampling.
///
/// The `bench` executable fills it in (it alone knows the build configuration and OpenBLAS); the harness
/// renders it as the table header and the JSON `environment` object. Environment variables are recorded as
/// found (nil = unset); the harness never changes them.
public struct RunEnvironment: Sendable {
    /// Whether the executable was compiled for debugging (`#if DEBUG`). Timings of a debug build are marked.
    public var isDebugBuild: Bool
    /// The profile run.
    public var profile: Profile
    /// The `--filter` regular expression, if any.
    public var filter: String?
    /// `openblas_get_config()`.
    public var openBLASConfiguration: String
    /// `openblas_get_corename()` (kernel family, e.g. `Haswell`).
    public var openBLASCoreName: String
    /// BLAS threads used for the cases.
    public var blasThreads: Int
    /// `model name` from /proc/cpuinfo.
    public var cpuModel: String?
    /// Active processor count.
    public var coreCount: Int
    /// Recorded environment variables (`OPENBLAS_CORETYPE`, `OPENBLAS_L2_SIZE`, …) as found.
    public var variables: [(name: String, value: String?)]
    /// The dgemm peak, when the gemm suite ran.
    public var peak: PeakMeasurement?
    /// Sampling policy of the profile.
    public var sampling: SamplingPolicy
    /// Start of the run, ISO 8601 (UTC).
    public var started: String

    public init(isDebugBuild: Bool, profile: Profile, filter: String?, openBLASConfiguration: String,
                openBLASCoreName: String, blasThreads: Int, cpuModel: String?, coreCount: Int,
                variables: [(name: String, value: String?)], peak: PeakMeasurement?, started: String) {
        self.isDebugBuild = isDebugBuild
        self.profile = profile
        self.filter = filter
        self.openBLASConfiguration = openBLASConfiguration
        self.openBLASCoreName = openBLASCoreName
        self.blasThreads = blasThreads
        self.cpuModel = cpuModel
        self.coreCount = coreCount
        self.variables = variables
        self.peak = peak
        self.sampling = profile.sampling
        self.started = started
    }

    /// `"release"` or `"debug"`.
    public var buildName: String { isDebugBuild ? "debug" : "release" }

    /// The warning attached to every output of a debug build.
    public static let debugWarning = "DEBUG BUILD: timings are not representative (build with `swift build -c release`)"

    /// The JSON `environment` object.
    public var json: JSON {
        var members: [JSON.Member] = [
            .init("build", .string(buildName)),
        ]
        if isDebugBuild { members.append(.init("warning", .string(Self.debugWarning))) }
        members += [
            .init("profile", .string(profile.rawValue)),
            .init("timingClaims", .bool(profile.makesTimingClaims && !isDebugBuild)),
            .init("filter", .optional(filter)),
            .init("started", .string(started)),
            .init("openblasConfiguration", .string(openBLASConfiguration)),
            .init("openblasCoreName", .string(openBLASCoreName)),
            .init("blasThreads", .integer(blasThreads)),
            .init("cpuModel", .optional(cpuModel)),
            .init("coreCount", .integer(coreCount)),
            .init("variables", .object(variables.map { JSON.Member($0.name, .optional($0.value)) })),
            .init("peakGflops", peak?.json ?? .null),
            .init("sampling", .object([
                "warmups": .integer(sampling.warmups),
                "samples": .integer(sampling.samples),
                "minimumSampleSeconds": .number(sampling.minimumSampleSeconds),
                "sample": .string("mean per-call time of back-to-back calls lasting at least minimumSampleSeconds; "
                    + "ours and baseline alternate; times in seconds"),
            ])),
        ]
        return .object(members)
    }

    /// Header lines of the table report.
    public var headerLines: [String] {
        var lines: [String] = []
        if isDebugBuild { lines.append("*** \(Self.debugWarning) ***") }
        lines.append("Forecast bench — profile \(profile.rawValue), \(buildName) build, started \(started)"
            + (filter.map { ", filter /\($0)/" } ?? ""))
        lines.append("CPU: \(cpuModel ?? "unknown"), \(coreCount) cores; BLAS threads: \(blasThreads)")
        lines.append("OpenBLAS: \(openBLASConfiguration); core: \(openBLASCoreName)")
        lines.append(variables.map { "\($0.name)=\($0.value ?? "(unset)")" }.joined(separator: " "))
        if let peak {
            lines.append("dgemm peak (measured, best of \(peak.calls) at n=\(peak.order)): "
                + "1 thread \(Format.fixed(peak.singleThread, 1)) GFLOP/s, "
                + "\(peak.allThreadCount) threads \(Format.fixed(peak.allThreads, 1)) GFLOP/s")
        }
        if profile.makesTimingClaims {
            lines.append("Per-call times, median [min–max] of \(sampling.samples) samples (each ≥ "
                + "\(Format.duration(sampling.minimumSampleSeconds)) of back-to-back calls); ratio = baseline / ours "
                + "(> 1: ours faster)")
        } else {
            lines.append("Smoke profile: agreement checks only; the times below are not measurements")
        }
        return lines
    }
}
