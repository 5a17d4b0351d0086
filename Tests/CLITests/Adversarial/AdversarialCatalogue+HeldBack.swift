/// The cases a held-back review found after the first catalogue passed (issue 18): options another option makes
/// meaningless (refused, naming both — `UnusedOption`), memory bounds that missed a multiplier (series, forecasters,
/// `--exceed`'s kept samples, the design's columns), odd but valid CSV files, and forecasters that need no regression
/// on data the shown regression cannot fit. Files are the fixtures of `AdversarialWorkspace`.
extension AdversarialCatalogue {
    static let unusedOptionCases: [AdversarialCase] = [
        .usage("effects --within without --barrage", counterfactual(["--within", "5"]), "--within", "--barrage"),
        .usage("effects --pre under --design regression", effects(["--event", "2024-03-01:x", "--pre", "90"]), "--pre", "--design"),
        .usage("effects --gap under --design regression", effects(["--event", "2024-03-01:x", "--gap", "3"]), "--gap", "--design"),
        .usage("effects --barrage with --plot draws nothing", ["effects", "series.csv", "--event", "2024-03-01:x", "--barrage", "auto",
                                                               "--plot", "p.svg"], "--plot", "--barrage", outputs: ["p.svg"]),
        .usage("effects --barrage with --paths", ["effects", "series.csv", "--event", "2024-03-01:x", "--barrage", "auto",
                                                  "--paths", "50"], "--paths", "--barrage"),
        .usage("effects --barrage with --design regression", ["effects", "series.csv", "--event", "2024-03-01:x", "--barrage", "15",
                                                              "--design", "regression"], "--design", "--barrage"),
        .usage("effects --fourier in the counterfactual design", counterfactual(["--fourier", "7:2"]), "--fourier", "--design regression"),
        .usage("effects --no-day-of-week in the counterfactual design", counterfactual(["--no-day-of-week"]), "--no-day-of-week",
               "--design regression"),
        .usage("effects --to in the counterfactual design", counterfactual(["--to", "2024-03-05"]), "--to", "--pre"),
        .ok("effects --fourier with --robustness (its regression rows use it)", counterfactual(["--fourier", "7:2", "--robustness"])),
        .usage("effects --placebo-range with --placebos 0", counterfactual(["--placebo-range"]), "--placebo-range", "--placebos"),
        .usage("fit --kind without --events", fit(["--kind", "strike"]), "--kind", "--events"),
        .usage("fit --ids without --events", fit(["--ids", "inside"]), "--ids", "--events"),
        .usage("fit --window when every --event has its own window", fit(["--window=0..3", "--event", "2024-03-01:x:0..5"]),
               "--window", "--event"),
        .ok("fit --window for an --event without its own window", fit(["--window=0..3", "--event", "2024-03-01:x"])),
        .usage("backtest --model naive with --fourier", backtest(["--model", "naive", "--fourier", "7:1"]), "--fourier", "--model"),
        .usage("backtest --models local,mean28 with --covariance", backtest(["--models", "local,mean28", "--covariance", "hac"]),
               "--covariance", "--models"),
        .usage("backtest --model mean28 with --events", backtest(["--model", "mean28", "--events", "events.csv"]), "--events", "--model"),
        .ok("backtest --models naive,nb2 with --fourier (nb2 uses it)", backtest(["--models", "naive,nb2", "--fourier", "7:1"])),
    ]

    static let memoryCases: [AdversarialCase] = [
        .usage("fit --value all: paths × horizon × every series over the memory budget",
               ["fit", "real.csv", "--value", "all", "--horizon", "3660", "--paths", "15000"], "--paths", "GiB", "series"),
        .usage("backtest --exceed keeps every origin's samples beyond the memory budget",
               ["backtest", "long.csv", "--horizon", "28", "--first", "2023-09-01", "--paths", "2000000", "--exceed", "5"],
               "--exceed", "GiB"),
        .usage("backtest --models: kept samples of two forecasters beyond the memory budget",
               ["backtest", "long.csv", "--horizon", "28", "--first", "2023-09-01", "--paths", "40000", "--models", "naive,snaive",
                "--samples", "s-{model}.csv"], "--samples", "GiB", outputs: ["s-naive.csv", "s-snaive.csv"]),
        .data("fit: a design of 110,000 Fourier columns is refused with its size",
              fit(["--model", "ols", "--fourier", "36525:18262", "--fourier", "36524:18262", "--fourier", "36523:18261"], file: "long.csv"),
              "long.csv", "columns", "GiB"),
    ]

    static let oddFileCases: [AdversarialCase] = [
        .ok("fit a file with a byte-order mark and CRLF line ends", ["fit", "bomcrlf.csv", "--paths", "50"]),
        .ok("fit a file whose header and fields are all quoted", ["fit", "quoted.csv", "--paths", "50"]),
        .data("fit a file with a duplicated header", ["fit", "duphdr.csv"], "duphdr.csv", "line 1", "'y'"),
        .data("fit a 'nan' cell", ["fit", "nancell.csv"], "nancell.csv", "line 32", "nan"),
        .ok("ingest a byte-order mark and CRLF file", ["ingest", "bomcrlf.csv", "--output", "o.csv"], outputs: ["o.csv"]),
        .ok("describe a quoted file", ["describe", "quoted.csv"]),
    ]

    /// The regression is always shown, but only ols/poisson/nb2 forecast with it (`RegressionSkip`).
    static let withoutRegressionCases: [AdversarialCase] = [
        .ok("fit a 3-day series --model naive (no regression needed)", ["fit", "tiny.csv", "--paths", "20", "--model", "naive"],
            "not shown", "too few observations"),
        .ok("fit a 3-day series --model mean28", ["fit", "tiny.csv", "--paths", "20", "--model", "mean28"], "not shown"),
        .ok("fit a 3-day series --model local", ["fit", "tiny.csv", "--paths", "20", "--model", "local"], "not shown"),
        .ok("fit a 3-day series --model auto", ["fit", "tiny.csv", "--paths", "20"], "not shown"),
        .ok("fit a 3-day series --model naive as JSON", ["fit", "tiny.csv", "--paths", "20", "--model", "naive", "--format", "json"],
            "\"regressionUnavailable\":\"too few observations"),
        .ok("fit a 3-day series --model naive --output", ["fit", "tiny.csv", "--paths", "20", "--model", "naive", "--output", "o.csv"],
            outputs: ["o.csv"]),
        .data("fit a 3-day series --model snaive (shorter than a week)", ["fit", "tiny.csv", "--paths", "20", "--model", "snaive"],
              "tiny.csv", "snaive"),
        .ok("fit counts that are 0 every Monday (regression separated) --model local",
            ["fit", "mondayzero.csv", "--paths", "20", "--model", "local"], "not shown", "separation"),
        .ok("fit counts that are 0 every Monday, auto", ["fit", "mondayzero.csv", "--paths", "20"], "not shown"),
        .data("fit counts that are 0 every Monday --model nb2 (the regression forecasts)",
              ["fit", "mondayzero.csv", "--paths", "20", "--model", "nb2"], "mondayzero.csv", "separation"),
        .data("score a forecasts file given as --samples", ["score", "forecasts.csv", "--samples", "forecasts.csv"],
              "forecasts.csv", "'y'", "line 1"),
    ]

    static let regressCases: [AdversarialCase] = [
        .usage("regress --weights is the response", ["regress", "regress.csv", "--response", "y", "--weights", "y"], "--weights", "--response"),
        .usage("regress --offset is the response", ["regress", "regress-y.csv", "--response", "y", "--model", "poisson",
                                                    "--offset", "y", "--add-intercept"], "--offset", "--response"),
        .usage("regress --weights and --offset one column", ["regress", "regress.csv", "--response", "y", "--model", "poisson",
                                                             "--weights", "x1", "--offset", "x1"], "--weights", "--offset"),
        .data("regress --max-lags not below the observations", ["regress", "regress-y.csv", "--response", "y", "--add-intercept",
                                                                "--covariance", "hac", "--max-lags", "3"], "regress-y.csv", "3 observations"),
        .ok("regress --max-lags one below the observations", ["regress", "regress-y.csv", "--response", "y", "--add-intercept",
                                                              "--covariance", "hac", "--max-lags", "2"]),
        .data("fit --max-lags beyond the training days", ["fit", "tiny.csv", "--paths", "20", "--model", "ols", "--no-day-of-week",
                                                          "--trend", "none", "--covariance", "hac", "--max-lags", "500"], "tiny.csv", "3 observations"),
    ]

    /// Calendar events the counterfactual design cannot analyse (too few days before them, a window past the data)
    /// are skipped and listed, as events outside the data are; every event skipped is a located error.
    static let calendarCases: [AdversarialCase] = [
        .ok("effects (counterfactual) with calendar events too early and too late to analyse",
            ["effects", "series.csv", "--events", "calendar.csv", "--placebos", "0", "--paths", "50"],
            "Events skipped", "early", "late", "needs at least 56"),
        .ok("effects (counterfactual) calendar as JSON lists the skipped events",
            ["effects", "series.csv", "--events", "calendar.csv", "--placebos", "0", "--paths", "50", "--format", "json"],
            "\"skippedEvents\":[{\"id\":\"early\""),
        .data("effects (counterfactual) with only unanalysable calendar events",
              ["effects", "series.csv", "--events", "calendar.csv", "--ids", "early,late", "--placebos", "0", "--paths", "50"],
              "calendar.csv", "early", "late"),
        .data("effects (regression) with every calendar event outside the data",
              effects(["--events", "events.csv", "--ids", "before,after"]), "events.csv", "before", "after"),
        .data("effects --barrage with every calendar event outside the data",
              ["effects", "series.csv", "--events", "events.csv", "--ids", "before,after", "--barrage", "auto"], "events.csv", "before"),
        .data("effects (counterfactual) an explicit --event too early stays an error",
              counterfactual(["--event", "2024-01-20:early"]), "series.csv", "early"),
    ]

    static let heldBack: [AdversarialCase] = unusedOptionCases + memoryCases + oddFileCases + withoutRegressionCases + regressCases
        + calendarCases
}
