import ArgumentParser
import BenchHarness

extension Profile: ExpressibleByArgument {}
