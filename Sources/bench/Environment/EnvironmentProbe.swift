import BenchHarness
import Forecast

/// Collects the run environment: build, OpenBLAS (through Forecast's `BLASThreads`), CPU, variables.
enum EnvironmentProbe {
    /// Environment variables recorded as found; never set or changed by `bench`.
    static let recordedVariables = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS",
                                    "OMP_NUM_THREADS"]

    static func collect(profile: Profile, filter: String?, peak: PeakMeasurement?, started: String) -> RunEnvironment {
        RunEnvironment(
            isDebugBuild: BuildConfiguration.isDebug,
            profile: profile,
            filter: filter,
            openBLASConfiguration: BLASThreads.configuration.trimmingTrailingSpaces,
            openBLASCoreName: BLASThreads.coreName,
            blasThreads: BLASThreads.count,
            cpuModel: SystemInfo.cpuModel(),
            coreCount: SystemInfo.coreCount,
            variables: SystemInfo.variables(recordedVariables),
            peak: peak,
            started: started)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
