/// A baseline LAPACK routine returned a non-zero `info` (negative: a bad argument, a bug in the baseline;
/// positive: the data, e.g. an exactly singular triangular factor).
struct LAPACKFailure: Error, CustomStringConvertible {
    /// The routine, e.g. `dtrtrs`.
    let routine: String
    /// Its `info`.
    let info: Int32

    var description: String { "LAPACK \(routine) returned info = \(info)" }

    /// Throws unless `info` is 0.
    static func check(_ info: Int32, _ routine: String) throws(LAPACKFailure) {
        if info != 0 { throw LAPACKFailure(routine: routine, info: info) }
    }
}

/// A Fortran CHARACTER*1 argument.
func lapackFlag(_ character: Unicode.Scalar) -> CChar {
    CChar(truncatingIfNeeded: UInt8(ascii: character))
}

/// A size as a 32-bit LAPACK integer (Debian's OpenBLAS uses 32-bit `blasint`).
func lapackInt(_ value: Int) -> Int32 {
    precondition(value >= 0 && value <= Int(Int32.max), "\(value) does not fit a 32-bit LAPACK integer")
    return Int32(value)
}
