#if os(Linux)
import Glibc
#endif

/// The data cache sizes of this machine's cores, for block sizes chosen by rule rather than by measurement on one
/// machine (`TallSkinnyChoice.automaticBlockRows`).
enum CacheSizes {
    /// Level-1 data cache per core, in bytes (`sysconf`; 32 KiB where the system does not say).
    static let level1Data = query(level1: true) ?? 32 * 1024
    /// Level-2 cache per core, in bytes (`sysconf`; 512 KiB where the system does not say).
    static let level2 = query(level1: false) ?? 512 * 1024

    private static func query(level1: Bool) -> Int? {
        #if os(Linux)
        let bytes = sysconf(Int32(level1 ? _SC_LEVEL1_DCACHE_SIZE : _SC_LEVEL2_CACHE_SIZE))
        return bytes > 0 ? bytes : nil
        #else
        return nil
        #endif
    }
}
