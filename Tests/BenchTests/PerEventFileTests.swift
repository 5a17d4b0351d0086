import Foundation
import Testing
import BenchHarness

/// Splits one CSV line into fields (RFC 4180 quotes, no embedded newlines — the generator writes none).
private func fields(_ line: Substring) -> [String] {
    var result: [String] = [], field = "", quoted = false
    var characters = line.makeIterator()
    while let c = characters.next() {
        if quoted {
            if c == "\"" { quoted = false } else { field.append(c) }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            result.append(field)
            field = ""
        } else {
            field.append(c)
        }
    }
    result.append(field)
    return result
}

@Suite("Per-event CSV")
struct PerEventFileTests {
    static let file = PerEventFile(rows: 3000)

    @Test("every row is exactly rowBytes bytes with 22 fields; the file has exactly byteCount bytes")
    func layout() throws {
        let (bytes, _) = Self.file.contents()
        #expect(bytes.count == Self.file.byteCount)
        #expect(Self.file.byteCount == PerEventFile.header.utf8.count + 1 + 3000 * 256)
        let text = try #require(String(validating: bytes, as: UTF8.self))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.removeLast() == "")
        #expect(lines.count == 3001)
        #expect(fields(lines[0]) == PerEventFile.header.split(separator: ",").map(String.init))
        #expect(fields(lines[0]).count == PerEventFile.columnCount)
        for line in lines.dropFirst() {
            #expect(line.utf8.count + 1 == PerEventFile.rowBytes)
            #expect(fields(line).count == PerEventFile.columnCount)
        }
        #expect(Self.file.size == CaseSize(rows: 3000, columns: 22))
    }

    @Test("the totals are the sums of the launched and destroyed cells (empty = 0); days run newest first")
    func totals() throws {
        let (bytes, totals) = Self.file.contents()
        let text = try #require(String(validating: bytes, as: UTF8.self))
        let rows = text.split(separator: "\n").dropFirst().map(fields)
        func sum(_ column: Int) -> (total: Int, empty: Int) {
            rows.reduce((0, 0)) { partial, row in
                row[column].isEmpty ? (partial.0, partial.1 + 1) : (partial.0 + Int(Double(row[column])!), partial.1)
            }
        }
        #expect(sum(6) == (totals.launched, totals.emptyLaunched))
        #expect(sum(7) == (totals.destroyed, totals.emptyDestroyed))
        #expect(totals.launched > 0 && totals.destroyed > 0 && totals.destroyed <= totals.launched)
        let ends = rows.map { String($0[1].prefix(10)) }
        #expect(ends.first == "2026-06-07" && ends.last == "2022-09-28")
        #expect(zip(ends, ends.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(Set(ends).count == totals.days)
        #expect(totals.days == 20_611 - 19_263 + 1)
        #expect(rows.allSatisfy { $0[0] <= $0[1] })
    }

    @Test("write(to:) writes the same bytes and returns the same totals as contents()")
    func writesFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("per-event-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let file = PerEventFile(rows: 20_000)   // > 4 MB: several chunks
        let written = try file.write(to: url)
        let (bytes, totals) = file.contents()
        #expect(written == totals)
        #expect(try Data(contentsOf: url) == Data(bytes))
    }
}
