/// NumPy `.npy` version 1.0 encoding of float64 arrays: exact, compact, and `numpy.load` reads it directly.
///
/// Layout: magic `\x93NUMPY`, version bytes 1 0, a little-endian UInt16 header length, an ASCII header
/// `{'descr': '<f8', 'fortran_order': True, 'shape': (n, p), }` padded with spaces and ending in `\n` so that
/// the data starts at a multiple of 64 bytes, then the elements as little-endian doubles in column-major
/// (Fortran) order — the order `Matrix` already stores them in, so nothing is transposed.
/// (A CSV with `%.17g` would also be exact but is ~3× larger and slower to write and read.)
public enum NPYFormat {
    /// The header (magic through padding) for a float64 array of `shape` in Fortran order.
    public static func header(shape: [Int]) -> [UInt8] {
        precondition(!shape.isEmpty && shape.allSatisfy { $0 >= 0 }, "invalid npy shape \(shape)")
        let dimensions = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var dictionary = "{'descr': '<f8', 'fortran_order': True, 'shape': \(dimensions), }"
        let prefixLength = 10
        let total = prefixLength + dictionary.utf8.count + 1
        dictionary += String(repeating: " ", count: (64 - total % 64) % 64) + "\n"
        let length = UInt16(dictionary.utf8.count)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(dictionary.utf8)
    }

    /// The complete file: header plus the elements (column-major) as little-endian float64.
    public static func encode(shape: [Int], values: [Double]) -> [UInt8] {
        precondition(shape.reduce(1, *) == values.count, "npy: \(values.count) values for shape \(shape)")
        var bytes = header(shape: shape)
        bytes.reserveCapacity(bytes.count + 8 * values.count)
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        #endif
        return bytes
    }
}
