import Testing
import BenchHarness

@Suite("Exported data and system information")
struct OutputFormatTests {
    @Test("npy header: magic, version 1.0, Fortran order, data aligned to 64 bytes")
    func npyHeader() {
        for shape in [[3, 2], [7], [100_000, 50]] {
            let header = NPYFormat.header(shape: shape)
            #expect(Array(header.prefix(8)) == [0x93] + Array("NUMPY".utf8) + [1, 0])
            let length = Int(header[8]) | Int(header[9]) << 8
            #expect(header.count == 10 + length)
            #expect(header.count % 64 == 0)
            let text = String(decoding: header[10...], as: UTF8.self)
            #expect(text.hasPrefix("{'descr': '<f8', 'fortran_order': True, 'shape': ("))
            #expect(text.hasSuffix("\n"))
        }
        let vector = String(decoding: NPYFormat.header(shape: [7])[10...], as: UTF8.self)
        #expect(vector.contains("'shape': (7,)"))
    }

    @Test("npy data is the column-major elements as little-endian float64")
    func npyData() {
        let bytes = NPYFormat.encode(shape: [2, 2], values: [1, 2, 3, -0.5])
        let data = Array(bytes.suffix(32))
        var decoded: [Double] = []
        for i in 0..<4 {
            var bits: UInt64 = 0
            for b in 0..<8 { bits |= UInt64(data[8 * i + b]) << (8 * b) }
            decoded.append(Double(bitPattern: bits))
        }
        #expect(decoded == [1, 2, 3, -0.5])
        #expect(bytes.count == NPYFormat.header(shape: [2, 2]).count + 32)
    }

    @Test("the CPU model is the first 'model name' line of /proc/cpuinfo")
    func cpuModel() {
        let text = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9R45\nflags\t\t: fpu\n"
            + "processor\t: 1\nmodel name\t: other\n"
        #expect(SystemInfo.cpuModel(cpuinfo: text) == "AMD EPYC 9R45")
        #expect(SystemInfo.cpuModel(cpuinfo: "processor : 0\n") == nil)
    }

    @Test("durations keep three significant digits in a unit chosen by the median")
    func durations() {
        #expect(Format.duration(52.3e-6) == "52.3 µs")
        #expect(Format.duration(1.27e-3) == "1.27 ms")
        #expect(Format.duration(0.195) == "195 ms")
        #expect(Format.duration(2.5) == "2.50 s")
        #expect(Format.timing(TimingSummary(samples: [0.0009, 0.0011, 0.0013])) == "1.10 ms [0.90–1.30]")
    }
}
