// TEMPORARY until the distributions land.
import Foundation
public struct StudentT: Sendable, Equatable { public let degreesOfFreedom: Double
  public init(degreesOfFreedom: Double) { self.degreesOfFreedom = degreesOfFreedom }
  public func quantile(_ p: Double) -> Double { 1.96 }
  public func twoSidedPValue(_ t: Double) -> Double { erfc(abs(t)/sqrt(2)) } }
public struct FDistribution: Sendable, Equatable { public init(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) {}
  public func survival(_ x: Double) -> Double { .nan } }
public struct Normal: Sendable, Equatable { public init(mean: Double = 0, standardDeviation: Double = 1) {}
 public func quantile(_ p: Double) -> Double { 1.96 } }
