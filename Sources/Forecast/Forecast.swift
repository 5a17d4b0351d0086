// The umbrella module: `import Forecast` gives every layer (see README, "Layout").
@_exported import ForecastCore
@_exported import ForecastData
@_exported import ForecastModels
@_exported import ForecastAnalysis
@_exported import ForecastReporting
