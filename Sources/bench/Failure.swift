import Foundation

/// Writes a line to standard error (progress and failures; reports go to stdout or --output).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
