/// One row of a prediction table, whatever the model: the mean with its standard error and interval, and
/// (least squares only) the prediction interval of a new observation.
import ForecastCore
import ForecastData
import ForecastModels
import ForecastAnalysis
public struct PredictionRow: Sendable, Equatable {
    /// The new row's date text, if its file had a date column.
    public let date: String?
    public let mean: Double
    public let meanStandardError: Double
    public let meanLower: Double
    public let meanUpper: Double
    /// Prediction interval of a new observation (nil for count models: those come from simulation).
    public let lower: Double?
    public let upper: Double?

    public init(date: String?, _ prediction: MeanPrediction) {
        self.date = date
        mean = prediction.mean
        meanStandardError = prediction.meanStandardError
        meanLower = prediction.meanLower
        meanUpper = prediction.meanUpper
        lower = prediction.lower
        upper = prediction.upper
    }

    public init(date: String?, _ prediction: CountPrediction) {
        self.date = date
        mean = prediction.mean
        meanStandardError = prediction.meanStandardError
        meanLower = prediction.meanLower
        meanUpper = prediction.meanUpper
        lower = nil
        upper = nil
    }
}
