import ArgumentParser
import Forecast
import Foundation

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// A data error as the command line reports it: the settings it names are named by their flags.
extension DataError {
    var commandLineMessage: String { message(naming: OptionError.flag) }
}

/// A model error as the command line reports it: the settings it names are named by their flags.
extension ModelError {
    var commandLineMessage: String { message(naming: OptionError.flag) }
}

/// Runs `body`, turning data and model errors into a message on stderr and exit status 1.
/// Usage errors (ValidationError) are left to ArgumentParser, which exits with 64.
/// - Parameter file: the input file a model error refers to (prefixed to its message).
func reportingFailures<T>(file: String? = nil, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DataError {
        printError("error: \(error.commandLineMessage)")
        throw ExitCode(1)
    } catch let error as ModelError {
        printError("error: \(file.map { "\($0): " } ?? "")\(error.commandLineMessage)")
        throw ExitCode(1)
    } catch let error as LinearAlgebraError {
        printError("error: \(file.map { "\($0): " } ?? "")\(error)")
        throw ExitCode(1)
    }
}
