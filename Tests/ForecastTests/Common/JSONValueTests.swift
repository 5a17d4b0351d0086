import Testing
@testable import ForecastCore
@testable import ForecastData
@testable import ForecastModels
@testable import ForecastAnalysis
@testable import ForecastReporting
import Forecast

@Suite("JSON writer")
struct JSONValueTests {
    @Test("Non-finite numbers are null; doubles round-trip; keys keep their order; strings are escaped")
    func serialization() {
        let value = JSONValue.object([
            ("b", .finite(.nan)), ("a", .finite(.infinity)), ("x", .number(0.1)), ("n", .integer(318)),
            ("tiny", .number(7.677348828610968e-50)), ("s", .string("line \"1\"\n\t\u{01}")),
            ("list", .numbers([1.5, -.infinity])),
        ])
        #expect(value.serialized() ==
            #"{"b":null,"a":null,"x":0.1,"n":318,"tiny":7.677348828610968e-50,"s":"line \"1\"\n\t\u0001","list":[1.5,null]}"#)
        // Round trip through the writer's own text (the serialized number read back is the same double).
        #expect(JSONValue.number(7.677348828610968e-50).serialized() == "7.677348828610968e-50")
        for x in [0.1, 1.0 / 3.0, 2.5e-307, 1.7976931348623157e308, -123456.789e10] {
            #expect(Double(JSONValue.number(x).serialized()) == x, "\(x)")
        }
    }
}
