// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Forecast",
    products: [
        .library(name: "Forecast", targets: ["Forecast"]),
        .executable(name: "forecast", targets: ["ForecastCLI"]),
        .executable(name: "bench", targets: ["bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Documentation only: `swift package generate-documentation --target Forecast` (DocC; no runtime code).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // In the library C is seen only in ForecastCore/LinearAlgebra: CBLAS + the Fortran LAPACK prototypes we call
        // (OpenBLAS), and CKernels, the AVX2 + FMA versions of our hot column kernels (x86-64; chosen at run time in
        // WideKernels.swift). bench's baselines call CBLAS directly.
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // One module per layer; each imports only the layers below it, so the compiler keeps a lower layer from
        // reaching up. What crosses layers internally is `package`.
        .target(name: "CKernels", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "ForecastCore", dependencies: ["CBLAS", "CKernels"]),
        .target(name: "ForecastData", dependencies: ["ForecastCore"]),
        .target(name: "ForecastModels", dependencies: ["ForecastCore", "ForecastData"]),
        .target(name: "ForecastAnalysis", dependencies: ["ForecastCore", "ForecastData", "ForecastModels"]),
        .target(name: "ForecastReporting",
                dependencies: ["ForecastCore", "ForecastData", "ForecastModels", "ForecastAnalysis"]),
        // The umbrella: `import Forecast` re-exports every layer (Sources/Forecast/Forecast.swift) and holds the
        // DocC catalog.
        .target(name: "Forecast",
                dependencies: ["ForecastCore", "ForecastData", "ForecastModels", "ForecastAnalysis", "ForecastReporting"]),
        .executableTarget(
            name: "ForecastCLI",
            dependencies: [
                "Forecast",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark harness core (case model, agreement check, timing statistics, reports): a library so
        // Tests/BenchTests can import it; it depends on nothing. Its sources live in Sources/bench/Harness.
        .target(name: "BenchHarness", path: "Sources/bench/Harness"),
        .executableTarget(
            name: "bench",
            dependencies: [
                "BenchHarness", "Forecast", "CBLAS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Harness"]
        ),
        .testTarget(name: "ForecastTests", dependencies: ["Forecast"]),
        .testTarget(name: "ReferenceTests", dependencies: ["Forecast"]),
        .testTarget(name: "CLITests", dependencies: ["ForecastCLI"]),
        .testTarget(name: "BenchTests", dependencies: ["BenchHarness"]),
    ]
)
