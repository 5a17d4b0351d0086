/// The cases a second held-back review found (issue 18, after the held-back catalogue passed), one group per
/// failure class, each fixed once in the shared mechanism named beside it: traps on values the plots or the
/// designs could not hold, inputs that never end, outputs reached through links, options repeated or made
/// meaningless, NaN printed by the barrage test, and refusals where an answer is possible (the naive forecasts'
/// missing last days, `fit --plot` without the regression). Files are the fixtures of `AdversarialWorkspace`.
extension AdversarialCatalogue {
    /// Traps: `ForecastPlot.niceTicks`/`ForecastPlot.y` (overflow-safe axis) and `SVGDocument.number` (clamped);
    /// `DesignSpecification.checkColumnNames` (unique design columns); `RegressionFactory` (HC2/HC3 on a count model
    /// the data chose); `CounterfactualDesign.unanalysable` (a window before the trigger); `TimeSeriesModel.checkScale`
    /// (regressors and controls too).
    static let trapCases: [AdversarialCase] = [
        .ok("describe --plot of values near the largest double", ["describe", "max.csv", "--plot", "p.svg"], outputs: ["p.svg"]),
        .ok("ingest and describe of values near the largest double as JSON", ["describe", "max.csv", "--format", "json"]),
        .data("fit --fourier given twice (two columns of one name)", fit(["--fourier", "7:3", "--fourier", "7:3", "--model", "ols"]),
              "series.csv", "--fourier", "sin1_7"),
        .data("fit two --step-term with one id", fit(["--step-term", "2024-03-01:s", "--step-term", "2024-04-01:s"]),
              "series.csv", "--step-term", "step_s"),
        .data("fit a --regressor named like the trend column", fit(["--regressor", "trend", "--model", "ols"], file: "trendcol.csv"),
              "trendcol.csv", "--regressor", "'trend'"),
        .data("fit --covariance hc3 when auto fits a count model", fit(["--covariance", "hc3"]), "series.csv", "--covariance", "hc3"),
        .data("effects (counterfactual) --window of leads only", counterfactual(["--window=-14..-1"]), "series.csv", "--window", "LAST"),
        .data("effects (counterfactual) --control at 1e300 scale", counterfactual(["--control", "huge.csv:y"]), "huge.csv",
              "--control", "1e-150"),
        .data("fit a --regressor at 1e300 scale names the regressor and its day",
              fit(["--regressor", "x", "--model", "ols", "--to", "2024-03-31"], file: "hugex.csv"), "hugex.csv", "regressor 'x'",
              "2024-01-"),
    ]

    /// Memory and time: `CSVReader.readFile` reads at most 256 MiB (a device or a stream that never ends is refused),
    /// and `OptionBounds.checkPlaceboWork` bounds the counterfactual design's placebos × paths (time linear in both).
    static let endlessInputCases: [AdversarialCase] = [
        .data("fit /dev/zero is refused at the input size limit", ["fit", "/dev/zero"], "/dev/zero", "256 MiB"),
        .usage("effects (counterfactual) --placebos 10000 × --paths 100000 is refused with the bound",
               ["effects", "series.csv", "--event", "2024-03-01:x", "--placebos", "10000", "--paths", "100000", "--placebo-range"],
               "--placebos", "--paths", "10000000"),
        .ok("effects (counterfactual) --placebos 10000 with the default paths is at the bound",
            ["effects", "series.csv", "--event", "2024-03-01:x", "--placebos", "10000"]),
        .data("describe /dev/urandom is refused at the input size limit", ["describe", "/dev/urandom"], "/dev/urandom", "256 MiB"),
    ]

    /// Outputs (`CommandOutput`): links are resolved, also dangling ones, before two outputs are compared, and a link
    /// is written through; a temporary name stays within the file system's 255 bytes.
    static let linkedOutputCases: [AdversarialCase] = [
        .usage("fit --plot is a dangling link to --output", fit(["--output", "target.csv", "--plot", "out-link.csv"]),
               "--plot", "--output", outputs: ["target.csv", "out-link.csv"]),
        .ok("fit --output through a dangling link writes the file it names", fit(["--output", "out-link.csv"]),
            outputs: ["target.csv", "out-link.csv"]),
        .ok("fit --output with a 250-character name", fit(["--output", String(repeating: "n", count: 246) + ".csv"]),
            outputs: [String(repeating: "n", count: 246) + ".csv"]),
    ]

    /// Options repeated, empty or made meaningless (`IntervalLevel.list`, `TermOptions.validate`,
    /// `InputOptions.checkValueAll`, the `{model}` rule of `backtest`), and usage errors found after reading the file
    /// (`ForecastTool.main`: the subcommand's usage line).
    static let optionCases: [AdversarialCase] = [
        .usage("fit --level 80,80 (two columns of one name in --output)", fit(["--level", "80,80", "--output", "o.csv"]),
               "--level", "twice", outputs: ["o.csv"]),
        .usage("fit --ids that names no id", fit(["--events", "events.csv", "--ids", ""]), "--ids"),
        .usage("fit --ids of commas only", fit(["--events", "events.csv", "--ids", " , "]), "--ids"),
        .usage("fit --regressor given twice", fit(["--regressor", "x", "--regressor", "x"], file: "real.csv"), "--regressor", "twice"),
        .data("regress --offset of 1e308 (exp overflows for any β) names the row and the bound",
              ["regress", "regress-offset.csv", "--response", "y", "--offset", "e", "--model", "poisson", "--add-intercept"],
              "regress-offset.csv", "offset at row 3", "±700"),
        .usage("fit --event with the id of an event --events also selects (named as both options)",
               fit(["--events", "events.csv", "--event", "2024-03-05:inside"]), "--event", "--events", "'inside'"),
        .usage("fit --value all with another --value", fit(["--value", "all", "--value", "y"]), "--value all"),
        .usage("backtest --value all with another --value", backtest(["--value", "all", "--value", "y"]), "--value all"),
        .usage("backtest --models with a --plot without {model} (it would draw nothing)",
               backtest(["--models", "naive,mean28", "--plot", "p.svg"]), "--plot", "{model}", outputs: ["p.svg"]),
        .usage("a usage error found after reading the file shows the subcommand's usage line",
               fit(["--regressor", "y"]), "--regressor", "Usage: forecast fit"),
        .usage("effects --shift beyond the data shows the effects usage line",
               effects(["--event", "2024-03-01:x", "--shift", "250"]), "--shift", "Usage: forecast effects"),
    ]

    /// NaN printed: `BarrageTest.run` refuses when no trigger has its K following days (no "nan %"); tables print
    /// rounded figures through `TextFormat.fixed` ("—" when not finite).
    static let barrageCases: [AdversarialCase] = [
        .data("effects --barrage --within longer than the data", barrage(["--barrage", "auto", "--within", "366"]),
              "--within", "x"),
        .data("effects --barrage --within longer than the data as JSON", barrage(["--barrage", "5", "--within", "300", "--format", "json"]),
              "--within"),
    ]

    /// Refusals where an answer is possible, and messages that did not say why (issue 18's last stop): the naive
    /// forecasts name the missing days they repeat, `auto` passes over a winner that cannot forecast from the whole
    /// history, and `fit --plot` draws history and forecast when the regression could not be fitted.
    static let answerCases: [AdversarialCase] = [
        .ok("fit --plot of a 3-day series --model naive draws history and forecast",
            ["fit", "tiny.csv", "--paths", "20", "--model", "naive", "--plot", "p.svg", "--output", "o.csv"], outputs: ["p.svg", "o.csv"]),
        .ok("fit --plot of a 3-day series, auto", ["fit", "tiny.csv", "--paths", "20", "--plot", "p.svg"], outputs: ["p.svg"]),
        .data("fit --components of a 3-day series (its panels are the regression's terms)",
              ["fit", "tiny.csv", "--paths", "20", "--model", "naive", "--components", "c.svg"], "--components", "tiny.csv",
              outputs: ["c.svg"]),
        .data("fit --model naive when the last day is missing names it", fit(["--model", "naive"], file: "gapend.csv"),
              "gapend.csv", "missing on 2024-07-18"),
        .data("fit --model snaive when last week's days are missing names them", fit(["--model", "snaive"], file: "gapend.csv"),
              "gapend.csv", "2024-07-16, 2024-07-17, 2024-07-18"),
        .ok("fit auto passes over a winner that cannot forecast from the whole history", fit([], file: "gapend.csv"),
            "cannot forecast from the whole history"),
        .ok("backtest --model naive: an origin whose last day is missing says so",
            ["backtest", "gapend.csv", "--horizon", "2", "--first", "2024-07-14", "--step", "1", "--paths", "20", "--model", "naive"],
            "missing on 2024-07-16"),
    ]

    /// Messages that did not locate the problem: `CSVReader` (lone-CR line ends), `DatedRows` (a column whose cells
    /// are all empty is not "text"), `TimeSeriesFit` (a window that misses the data names --from/--to), `backtest`
    /// (origins past the data name --origins and --step).
    static let messageCases: [AdversarialCase] = [
        .data("fit a file whose lines end in a lone CR", fit([], file: "cronly.csv"), "cronly.csv", "line 1", "lone CR"),
        .data("fit a value column whose every cell is empty", fit([], file: "emptycol.csv"), "emptycol.csv", "every cell empty", "'y'"),
        .data("fit --to before the data names --from/--to", fit(["--to", "2023-01-01"]), "series.csv", "--from/--to", "2023-01-01"),
        .data("backtest --origins running past the data names --origins and --step", backtest(["--origins", "40"]),
              "series.csv", "--origins 40", "--step 7"),
    ]

    static let secondReview: [AdversarialCase] = trapCases + endlessInputCases + linkedOutputCases + optionCases + barrageCases
        + answerCases + messageCases
}
