// The adversarial catalogue (issue 18), run end to end on the built binary: every case asserts its exit class, that
// a failure's message names the option, file or location, that no input changed (checksums before and after), that
// a failure leaves no file behind and a success only its declared outputs, and that no NaN/Inf is printed.
import Foundation
import Testing

@Suite("Adversarial catalogue (end to end)")
struct AdversarialCatalogueTests {
    @Test("The catalogue has at least 100 cases across every subcommand")
    func size() {
        let commands = Set(AdversarialCatalogue.all.map { $0.arguments[0] })
        #expect(AdversarialCatalogue.all.count >= 100)
        #expect(commands == ["fit", "effects", "backtest", "score", "regress", "ingest", "describe"])
        #expect(Set(AdversarialCatalogue.all.map(\.name)).count == AdversarialCatalogue.all.count, "case names are unique")
    }

    @Test("Adversarial case", arguments: AdversarialCatalogue.all)
    func run(_ testCase: AdversarialCase) throws {
        let workspace = try AdversarialWorkspace()
        defer { workspace.remove() }
        let before = workspace.snapshot()
        let result = try workspace.run(testCase.arguments, fullStdout: testCase.fullStdout)
        let after = workspace.snapshot()
        let context = "\(testCase.name): status \(result.status)\nstderr: \(result.stderr.prefix(600))"
        #expect(!result.crashed && !result.hung, "\(context)")
        #expect(result.status == testCase.exit, "\(context)")
        // Inputs (every file that existed before) are unchanged, unless the case names them as outputs.
        for (path, checksum) in before where !testCase.outputs.contains(path) {
            #expect(after[path] == checksum, "\(testCase.name): \(path) changed or disappeared")
        }
        let created = Set(after.keys).subtracting(before.keys)
        if testCase.exit == 0 {
            #expect(created.isSubset(of: Set(testCase.outputs)), "\(testCase.name): unexpected files \(created.sorted())")
            for output in testCase.outputs { #expect(after[output] != nil, "\(testCase.name): \(output) not written") }
            #expect(!AdversarialWorkspace.printsNonFinite(result.stdout), "\(testCase.name): NaN/Inf in stdout\n\(result.stdout.prefix(2000))")
            for word in testCase.mentions {
                #expect((result.stdout + result.stderr).contains(word), "\(context)\nexpected the output to mention '\(word)'")
            }
            for output in testCase.outputs where after[output] != nil {
                let text = (try? String(contentsOf: workspace.directory.appendingPathComponent(output), encoding: .utf8)) ?? ""
                #expect(!AdversarialWorkspace.printsNonFinite(text), "\(testCase.name): NaN/Inf in \(output)")
            }
        } else {
            #expect(created.isEmpty, "\(testCase.name): left behind \(created.sorted())")
            for output in testCase.outputs where before[output] != nil {
                #expect(after[output] == before[output], "\(testCase.name): \(output) was touched")
            }
            #expect(!result.stderr.isEmpty, "\(context)")
            for word in testCase.mentions {
                #expect(result.stderr.contains(word), "\(context)\nexpected the message to mention '\(word)'")
            }
        }
    }
}
