import ArgumentParser

/// `bench`: Forecast's benchmark harness. Checks that the library and a baseline agree, then times both on the
/// same inputs in the same process. Computes no statistics of its own beyond timing.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark Forecast against bare BLAS/LAPACK baselines on seeded inputs.",
        discussion: """
            Every case first checks that ours and its baseline agree (coefficients within 1e-8 relative to the \
            largest; exactly for nb2-many-series), or, without a baseline, that ours matches a known answer \
            (self-check); a failed check stops the whole run with exit status 1 and no report. \
            Exit status: 0 on success, 64 for usage errors (including timing a debug build without \
            --allow-debug), 1 for disagreements and failures.
            """,
        subcommands: [RunCommand.self, ListCommand.self]
    )
}
