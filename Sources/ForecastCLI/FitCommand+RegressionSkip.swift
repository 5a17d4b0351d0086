import Forecast

/// When `fit` forecasts without the regression it shows.
///
/// Policy: the regression on the calendar terms is always fitted and shown, but only `--model ols|poisson|nb2`
/// forecast with it. For the forecasters that need none (`auto` among its other candidates, `local`, `naive`,
/// `snaive`, `mean28`), a failure of the regression that comes from data too short or too degenerate for the terms —
/// fewer days than design columns, separation, no convergence, divergence, an empty design, a numerical failure —
/// skips it: the forecast is made and the summary (JSON `regressionUnavailable`) gives the reason. A failure in what
/// the command line asked for (an `--event` outside the data, a regressor without values, a design over the memory
/// budget, a response at an unusable scale) still refuses the command, whatever the model.
enum RegressionSkip {
    /// The reason to show instead of the regression, or nil when `error` must refuse the command.
    static func reason(_ error: ModelError, model: ModelOptions.ModelArgument) -> String? {
        guard model.kind == nil else { return nil }
        switch error {
        case .tooFewObservations, .emptyDesign, .separation, .noConvergence, .divergence, .numerical:
            return "\(error)"
        default:
            return nil
        }
    }
}
