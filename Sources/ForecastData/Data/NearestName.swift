// NearestName — "did you mean ...?" for misspelt column (or other) names.
//
// Rules:
//  1. A candidate equal to the name ignoring case wins (the first such).
//  2. Otherwise the candidate with the smallest case-insensitive Levenshtein distance d (insertions, deletions,
//     substitutions of Characters, each cost 1; ties → the earliest candidate), provided it is close:
//     d ≤ max(2, name.count / 3) and d < min(name.count, candidate.count) (so "x" never suggests "y").
//  3. Otherwise nil: a far-fetched suggestion is worse than none.
// Cost: O(name.count × candidate.count) per candidate; names are short.

/// Finds the candidate a misspelt name most likely meant (for `DataError.Reason.missingColumn(suggestion:)`).
import ForecastCore
public enum NearestName {
    /// The candidate closest to `name` (case-insensitive Levenshtein distance), or nil when none is reasonably
    /// close: the distance must be at most `max(2, name.count / 3)` and smaller than both lengths.
    /// A case-insensitive exact match is always returned. Example: `nearest(to: "personel", in: ["date",
    /// "personnel"])` is `"personnel"`; `nearest(to: "tanks", in: ["date", "personnel"])` is nil.
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            let d = distance(target, other)
            if d == 0 { return candidate }
            guard d <= max(2, target.count / 3), d < min(target.count, other.count) else { continue }
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best?.name
    }

    /// The Levenshtein distance between `a` and `b` (two-row dynamic programme).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
