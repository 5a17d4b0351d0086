/// Whether this executable was compiled for debugging (`swift build`, which defines `DEBUG`) or release
/// (`swift build -c release`).
enum BuildConfiguration {
    static var isDebug: Bool {
        #if DEBUG
        return true
        #else
        return false
        #endif
    }
}
