import ArgumentParser
import Foundation

/// Every output of one command — the files named by `--output`, `--plot`, `--details`, `--samples` and the text for
/// standard output — written as one unit.
///
/// Policy:
///  1. A file path is checked before any work is done (`claim`): it must not be an input of the same command (the
///     same file after resolving symbolic links: same device and inode), nor the file standard output goes to, nor
///     (after resolving links, also dangling ones) the path of another output; if it exists, it must be a regular
///     file (a device, FIFO or directory is never replaced). A refused path is a usage error (exit 64). A path that
///     is a symbolic link is written through: the file it points to is replaced and the link stays.
///  2. Each file's text is written to a temporary file in the target's own directory (`stage`), so the final rename
///     never crosses a file system.
///  3. Only when the whole command has succeeded does `commit` write standard output and then rename every staged
///     file into place; if standard output cannot be written (a full device, a closed pipe) no file is renamed. On any
///     failure before that the temporary files are removed, so a failed command leaves no output behind and never
///     touches an existing file.
///  4. Write errors become a message on stderr and exit status 1; nothing here traps.
struct CommandOutput {
    /// An output file the command was asked to write: the option that named it and its path.
    private struct Target {
        let option: String
        let path: String
        /// `path` with every symbolic link resolved (the file that is written).
        let resolved: String
        var staged: URL?
    }

    private let inputs: [(path: String, identity: FileIdentity)]
    private var targets: [Target] = []
    private var standardOutput = ""

    /// - Parameter inputs: every file the command reads (missing files are ignored here; reading reports them).
    init(inputs: [String?]) {
        self.inputs = inputs.compactMap { $0 }.compactMap { path in FileIdentity(path: path).map { (path, $0) } }
    }

    /// Registers `path` as the output of `option` (e.g. "--output"); refuses an input of the command or an existing
    /// non-regular file with a usage error naming the option.
    mutating func claim(_ path: String?, option: String) throws {
        guard let path else { return }
        if path.isEmpty { throw ValidationError("\(option): the path is empty") }
        if let identity = FileIdentity(path: path) {
            if let input = inputs.first(where: { $0.identity.sameFile(as: identity) }) {
                throw ValidationError("\(option) \(path) is the input file \(input.path) of this command; it would be overwritten")
            }
            if !identity.isRegularFile {
                throw ValidationError("\(option) \(path) exists and is not a regular file (\(identity.kindName)); it is never replaced")
            }
            if let output = FileIdentity(descriptor: STDOUT_FILENO), output.sameFile(as: identity) {
                throw ValidationError("\(option) \(path) is the file standard output is written to; give another path")
            }
        }
        let resolved = Self.resolved(path)
        if let other = targets.first(where: { $0.resolved == resolved || FileIdentity.sameExisting($0.path, path) }) {
            throw ValidationError("\(option) \(path) is also the path of \(other.option)" + (resolved == Self.standardized(path) ? "" : " (through the link to \(resolved))"))
        }
        targets.append(Target(option: option, path: path, resolved: resolved))
    }

    /// Writes `text` for the file claimed by `option` to a temporary file beside it (exit 1 if it cannot be written).
    mutating func stage(_ text: String, for option: String) throws {
        guard let index = targets.firstIndex(where: { $0.option == option }) else { return }
        let target = URL(fileURLWithPath: targets[index].resolved)
        // At most 50 characters of the target's name (≤ 200 bytes): any name the file system accepts has a temporary
        // sibling within its 255-byte limit.
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent.prefix(50)).\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp")
        if let reason = Self.writeNew(text, to: temporary.path) {
            try? FileManager.default.removeItem(at: temporary)
            discard()
            throw failure("\(targets[index].path): cannot write \(option) (\(reason))")
        }
        targets[index].staged = temporary
    }

    /// Appends `text` to what goes to standard output on commit.
    mutating func print(_ text: String, terminator: String = "\n") {
        standardOutput += text + terminator
    }

    /// Writes standard output, then renames every staged file into place. Call once, after the command succeeded.
    func commit() throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(standardOutput.utf8))
        } catch {
            discard()
            throw failure("cannot write to standard output (\(Self.reason(error))); no output file was written")
        }
        for (index, target) in targets.enumerated() {
            guard let staged = target.staged else { continue }
            if rename(staged.path, target.resolved) != 0 {
                let reason = String(cString: strerror(errno))
                for later in targets[index...] { if let file = later.staged { try? FileManager.default.removeItem(at: file) } }
                let done = targets[..<index].filter { $0.staged != nil }.map(\.path)
                throw failure("\(target.path): cannot write \(target.option) (\(reason))"
                              + (done.isEmpty ? "" : "; already written: \(done.joined(separator: ", "))"))
            }
        }
    }

    private static func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// `path` (absolute, standardized) with its symbolic links resolved — the final component's chain too, even when
    /// it dangles (at most 40 links, as the kernel allows); the directory part through `realpath` when it exists.
    static func resolved(_ path: String) -> String {
        var current = standardized(path)
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { break }
            let directory = URL(fileURLWithPath: current).deletingLastPathComponent().path
            current = standardized(target.hasPrefix("/") ? target : directory + "/" + target)
        }
        let url = URL(fileURLWithPath: current)
        guard let directory = realpath(url.deletingLastPathComponent().path, nil) else { return current }
        defer { free(directory) }
        return URL(fileURLWithPath: String(cString: directory)).appendingPathComponent(url.lastPathComponent).path
    }

    /// Removes every staged temporary file (the outputs stay as they were).
    func discard() {
        for target in targets { if let staged = target.staged { try? FileManager.default.removeItem(at: staged) } }
    }

    /// Runs `body` with this output set, discarding staged files if it throws and committing if it returns.
    mutating func run(_ body: (inout CommandOutput) throws -> Void) throws {
        do { try body(&self) } catch {
            discard()
            throw error
        }
        try commit()
    }

    private func failure(_ message: String) -> ExitCode {
        printError("error: \(message)")
        return ExitCode(1)
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }

    /// Creates `path` (which must not exist), writes `text` and closes it; returns the system's reason on failure.
    private static func writeNew(_ text: String, to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                return reason
            }
            bytes = bytes.dropFirst(written)
        }
        return close(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }
}

/// The identity of an existing file after following symbolic links: device and inode, and its kind.
struct FileIdentity {
    let device: UInt64
    let inode: UInt64
    let mode: UInt32

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        (device, inode, mode) = (UInt64(info.st_dev), UInt64(info.st_ino), UInt32(info.st_mode))
    }

    /// The file an open descriptor refers to (nil when it is closed).
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        (device, inode, mode) = (UInt64(info.st_dev), UInt64(info.st_ino), UInt32(info.st_mode))
    }

    func sameFile(as other: FileIdentity) -> Bool { device == other.device && inode == other.inode }

    var isRegularFile: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }

    var kindName: String {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFDIR): return "a directory"
        case UInt32(S_IFCHR): return "a character device"
        case UInt32(S_IFBLK): return "a block device"
        case UInt32(S_IFIFO): return "a FIFO"
        case UInt32(S_IFSOCK): return "a socket"
        default: return "not a regular file"
        }
    }

    static func sameExisting(_ a: String, _ b: String) -> Bool {
        guard let x = FileIdentity(path: a), let y = FileIdentity(path: b) else { return false }
        return x.sameFile(as: y)
    }
}
