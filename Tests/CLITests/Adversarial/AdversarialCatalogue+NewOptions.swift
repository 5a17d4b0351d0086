/// Adversarial cases for the options that landed after the first catalogue (issue 18): the counterfactual design of
/// `effects` (`--pre`, `--gap`, `--placebo-range`, `--control`, `--robustness`, `--plot`), `--barrage`/`--within`,
/// `fit --exceed/--model/--components/--value all`, `backtest --models/--exceed/--plot/--value all`, and
/// `ingest/describe --by` and `describe --plot`. Files are the fixtures of `AdversarialWorkspace`.
extension AdversarialCatalogue {
    /// The counterfactual design (the default) without placebo refits.
    static func counterfactual(_ extra: [String], file: String = "series.csv") -> [String] {
        ["effects", file, "--placebos", "0", "--paths", "50", "--event", "2024-03-01:x"] + extra
    }

    /// The barrage test (it takes no placebo or path options: they would change nothing and are refused).
    static func barrage(_ extra: [String], file: String = "series.csv") -> [String] {
        ["effects", file, "--event", "2024-03-01:x"] + extra
    }

    static let counterfactualCases: [AdversarialCase] = [
        .usage("effects --pre -5", counterfactual(["--pre=-5"]), "--pre"),
        .usage("effects --pre 0", counterfactual(["--pre", "0"]), "--pre", "56"),
        .usage("effects --pre abc", counterfactual(["--pre", "abc"]), "--pre"),
        .usage("effects --pre Int.max", counterfactual(["--pre", "9223372036854775807"]), "--pre"),
        .ok("effects --pre longer than the data uses the days there are", counterfactual(["--pre", "1000"])),
        .usage("effects --gap -1", counterfactual(["--gap=-1"]), "--gap"),
        .usage("effects --gap Int.max", counterfactual(["--gap", "9223372036854775807"]), "--gap", "366"),
        .data("effects --gap leaving too few training days", counterfactual(["--gap", "100"]), "series.csv", "56"),
        .data("effects a trigger on the first day", ["effects", "series.csv", "--placebos", "0", "--paths", "50",
                                                     "--event", "2024-01-01:first"], "series.csv", "first"),
        .data("effects a window past the data's end", ["effects", "series.csv", "--placebos", "0", "--paths", "50",
                                                       "--event", "2024-07-15:late"], "series.csv", "late", "2024-07-18"),
        .usage("effects --window past Int.max offsets", counterfactual(["--window=0..9223372036854775807"]), "--window"),
        .ok("effects --placebo-range with a few placebos", counterfactual(["--placebo-range", "--placebos", "5"])),
        .data("effects --control with missing days in the window", counterfactual(["--control", "control.csv:c"]),
              "control.csv", "--control", "2024-03-05"),
        .data("effects --control on a text column", counterfactual(["--control", "control.csv:label"]), "control.csv", "label",
              "line 2", "number"),
        .data("effects --control on a missing column", counterfactual(["--control", "control.csv:nope"]), "control.csv", "nope"),
        .data("effects --control of a missing file", counterfactual(["--control", "absent.csv:c"]), "absent.csv"),
        .usage("effects --control without a column", counterfactual(["--control", "control.csv"]), "--control"),
        .usage("effects --control is the input's own response", counterfactual(["--control", "series.csv:y"]), "--control", "response"),
        .usage("effects --control through a symlink to the input", counterfactual(["--control", "link.csv:y"]), "--control", "response"),
        .usage("effects --control under --design regression", effects(["--event", "2024-03-01:x", "--control", "control.csv:c"]),
               "--control"),
        .ok("effects --robustness", counterfactual(["--robustness"])),
        .usage("effects --robustness with two triggers", counterfactual(["--robustness", "--event", "2024-04-01:y"]), "--robustness"),
        .usage("effects --robustness --plot is the input", counterfactual(["--robustness", "--plot", "series.csv"]), "--plot", "input"),
        .usage("effects --robustness --plot is a device", counterfactual(["--robustness", "--plot", "/dev/null"]), "--plot", "device"),
        .data("effects --robustness --plot in a missing directory", counterfactual(["--robustness", "--plot", "missing/p.svg"]),
              "missing/p.svg", outputs: ["missing/p.svg"]),
        .usage("effects --plot without --robustness in the counterfactual design", counterfactual(["--plot", "p.svg"]), "--plot",
               outputs: ["p.svg"]),
        .ok("effects --barrage auto", barrage(["--barrage", "auto"])),
        .ok("effects --barrage above every day", barrage(["--barrage", "9223372036854775807"])),
        .data("effects --barrage on a non-count series", barrage(["--barrage", "auto"], file: "real.csv"), "real.csv", "--barrage"),
        .usage("effects --barrage 0", counterfactual(["--barrage", "0"]), "--barrage"),
        .usage("effects --barrage -3", counterfactual(["--barrage=-3"]), "--barrage"),
        .usage("effects --barrage nan", counterfactual(["--barrage", "nan"]), "--barrage"),
        .usage("effects --within 0", counterfactual(["--barrage", "15", "--within", "0"]), "--within"),
        .usage("effects --within Int.max", counterfactual(["--barrage", "15", "--within", "9223372036854775807"]), "--within", "366"),
    ]

    static let forecasterCases: [AdversarialCase] = [
        .usage("fit --exceed 0", fit(["--exceed", "0"]), "--exceed"),
        .usage("fit --exceed nan", fit(["--exceed", "nan"]), "--exceed"),
        .usage("fit --exceed -1", fit(["--exceed=-1"]), "--exceed"),
        .usage("fit --exceed inf", fit(["--exceed", "inf"]), "--exceed"),
        .usage("fit --exceed with an empty item", fit(["--exceed", "3,,4"]), "--exceed"),
        .ok("fit --exceed 1e308 (never reached)", fit(["--exceed", "1e308", "--format", "json"])),
        .ok("fit --exceed repeated", fit(["--exceed", "5,5"])),
        .ok("fit --model local", fit(["--model", "local"])),
        .ok("fit --model snaive", fit(["--model", "snaive"])),
        .ok("fit --model mean28 on constant counts", fit(["--model", "mean28"], file: "const.csv")),
        .ok("fit --model naive on all-zero counts", fit(["--model", "naive", "--format", "json"], file: "zero.csv")),
        .usage("fit --model unknown", fit(["--model", "bogus"]), "--model"),
        .usage("fit --components is the input", fit(["--components", "series.csv"]), "--components", "input"),
        .usage("fit --components is a device", fit(["--components", "/dev/null"]), "--components", "device"),
        .usage("fit --components and --plot are one file", fit(["--components", "c.svg", "--plot", "c.svg"]), "--components", "--plot"),
        .data("fit --components in a missing directory", fit(["--components", "missing/c.svg"]), "missing/c.svg",
              outputs: ["missing/c.svg"]),
        .ok("fit --value all", fit(["--value", "all"], file: "real.csv")),
        .data("fit --value all on a file with no numeric column", fit(["--value", "all"], file: "textonly.csv"), "--value", "textonly.csv"),
        .usage("fit --value all with --exceed", fit(["--value", "all", "--exceed", "3"], file: "real.csv"), "--exceed", "--value"),
        .usage("backtest --models unknown", backtest(["--models", "bogus"]), "--models", "bogus"),
        .usage("backtest --models repeated", backtest(["--models", "naive,naive"]), "--models"),
        .usage("backtest --models empty", backtest(["--models", ""]), "--models"),
        .usage("backtest --models with a trailing comma", backtest(["--models", "naive,"]), "--models", "''"),
        .usage("backtest --models with one --details for several", backtest(["--models", "naive,snaive", "--details", "d.csv"]),
               "--details", "{model}"),
        .usage("backtest {model} placeholders of --details and --samples collide",
               backtest(["--models", "naive,snaive", "--details", "d-{model}.csv", "--samples", "d-{model}.csv"]), "--samples", "--details"),
        .data("backtest --details {model} in a missing directory",
              backtest(["--models", "naive,snaive", "--details", "missing/d-{model}.csv"]), "missing/d-naive.csv"),
        .ok("backtest --models with a --details per model", backtest(["--models", "naive,snaive", "--details", "d-{model}.csv"]),
            outputs: ["d-naive.csv", "d-snaive.csv"]),
        .usage("backtest --exceed 0", backtest(["--exceed", "0"]), "--exceed"),
        .usage("backtest --exceed -1", backtest(["--exceed=-1"]), "--exceed"),
        .usage("backtest --exceed nan", backtest(["--exceed", "nan"]), "--exceed"),
        .ok("backtest --exceed 1e308", backtest(["--exceed", "1e308", "--format", "json"])),
        .usage("backtest --plot is the input", backtest(["--plot", "series.csv"]), "--plot", "input"),
        .usage("backtest --plot is a device", backtest(["--plot", "/dev/null"]), "--plot", "device"),
        .data("backtest --plot in a missing directory", backtest(["--plot", "missing/p.svg"]), "missing/p.svg", outputs: ["missing/p.svg"]),
        .ok("backtest --value all", ["backtest", "real.csv", "--horizon", "7", "--first", "2024-04-01", "--origins", "2",
                                     "--paths", "20", "--value", "all"]),
        .data("backtest --value all on a file with no numeric column",
              ["backtest", "textonly.csv", "--horizon", "7", "--first", "2024-02-01", "--origins", "2", "--paths", "20",
               "--value", "all"], "--value", "textonly.csv"),
        .usage("backtest --value all with --models", ["backtest", "real.csv", "--horizon", "7", "--first", "2024-04-01",
                                                      "--origins", "2", "--paths", "20", "--value", "all", "--models", "naive,mean28"],
               "--models", "--value"),
    ]

    static let periodCases: [AdversarialCase] = [
        .data("ingest --by week on a file without dates", ["ingest", "nodates.csv", "--by", "week"], "--by", "nodates.csv"),
        .data("describe --by month on a file without dates", ["describe", "nodates.csv", "--by", "month"], "--by", "nodates.csv"),
        .usage("ingest --by year", ["ingest", "series.csv", "--by", "year"], "--by"),
        .data("describe --by week on a file with no numeric column", ["describe", "textonly.csv", "--by", "week"], "textonly.csv"),
        .ok("describe --by week as JSON", ["describe", "series.csv", "--by", "week", "--format", "json"]),
        .ok("ingest --by month of a three-day series", ["ingest", "tiny.csv", "--by", "month", "--output", "o.csv"], outputs: ["o.csv"]),
        .usage("describe --plot is the input", ["describe", "series.csv", "--plot", "series.csv"], "--plot", "input"),
        .usage("describe --plot is a device", ["describe", "series.csv", "--plot", "/dev/null"], "--plot", "device"),
        .data("describe --plot in a missing directory", ["describe", "series.csv", "--plot", "missing/p.svg"], "missing/p.svg",
              outputs: ["missing/p.svg"]),
        .data("describe --plot of a file with no numeric column", ["describe", "textonly.csv", "--plot", "p.svg"], "textonly.csv",
              outputs: ["p.svg"]),
        .ok("describe --by week with --plot", ["describe", "real.csv", "--by", "week", "--plot", "p.svg"], outputs: ["p.svg"]),
    ]

    static let newOptions: [AdversarialCase] = counterfactualCases + forecasterCases + periodCases
}
