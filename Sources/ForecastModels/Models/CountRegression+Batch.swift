import ForecastCore
import ForecastData
import Foundation

extension CountRegression {
    /// Fits the same design to many response series in parallel across cores, returning results in input order.
    ///
    /// Runs on `ParallelMap`: each worker owns a workspace, BLAS runs one thread per task, and the results do not
    /// depend on `concurrency`. A series that cannot be fitted yields `.failure` with its error; the others are
    /// unaffected.
    /// - Parameters:
    ///   - design: n×p design shared by every series.
    ///   - responses: m series of n counts each.
    ///   - offset: n offsets (log exposure) shared by every series, or nil.
    ///   - concurrency: number of parallel workers (default: active processor count).
    public func fitMany(_ design: DesignMatrix, responses: [[Double]], offset: [Double]? = nil,
                        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> [Result<CountRegressionFit, ModelError>] {
        let options = self
        return ParallelMap.map(count: responses.count, workers: concurrency,
                               makeState: { LeastSquaresWorkspace() }) { workspace, index in
            Result { () throws(ModelError) in
                try options.fit(design, response: responses[index], offset: offset, workspace: &workspace)
            }
        }
    }
}
