//! Paragraph lineage between two versions of a draft: which new paragraph came from
//! which old one (unchanged, edited, split, merged, moved), which are new, which were
//! deleted. Pure: texts in, links out; word-level diffs from the `similar` crate.

use similar::{capture_diff_slices, Algorithm, DiffOp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Unchanged,
    Edited,
    Split,
    Merged,
    Moved,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Unchanged => "unchanged",
            Change::Edited => "edited",
            Change::Split => "split",
            Change::Merged => "merged",
            Change::Moved => "moved",
        }
    }
}

/// `old[from]` became (part of) `new[to]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    pub change: Change,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matching {
    pub links: Vec<Link>,
    /// Indexes of new paragraphs with no ancestor.
    pub added: Vec<usize>,
    /// Indexes of old paragraphs with no descendant.
    pub deleted: Vec<usize>,
}

/// Share of a text's words that must reappear for two paragraphs to be the same one.
const SAME: f64 = 0.6;
/// Share of a part's words that must come from a whole for a split or merge.
const PART: f64 = 0.6;

/// The words of a paragraph without its own label (numbers change between versions),
/// lower-cased, punctuation trimmed.
pub fn words(text: &str) -> Vec<String> {
    let mut ws: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(first) = text.split_whitespace().next() {
        if is_label(first) && !ws.is_empty() {
            ws.remove(0);
        }
    }
    ws
}

fn is_label(token: &str) -> bool {
    let t = token.trim_end_matches('.');
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    digits(t)
        || t.strip_prefix("PP").is_some_and(digits)
        || t.strip_prefix("OP").is_some_and(digits)
        || (t.starts_with('(') && t.ends_with(')') && t.len() <= 6)
}

/// Words two texts share in order (the equal runs of a word diff).
fn shared(a: &[String], b: &[String]) -> usize {
    capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum()
}

/// Proposes the lineage from `old` to `new` paragraph texts.
pub fn propose(old: &[&str], new: &[&str]) -> Matching {
    let ow: Vec<Vec<String>> = old.iter().map(|t| words(t)).collect();
    let nw: Vec<Vec<String>> = new.iter().map(|t| words(t)).collect();
    let mut old_to: Vec<Vec<usize>> = vec![Vec::new(); old.len()];
    let mut new_from: Vec<Vec<usize>> = vec![Vec::new(); new.len()];

    // 1. Identical paragraphs, aligned in order by a diff of the whole sequence.
    for op in capture_diff_slices(Algorithm::Myers, &ow, &nw) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                old_to[old_index + k].push(new_index + k);
                new_from[new_index + k].push(old_index + k);
            }
        }
    }
    // 2. Identical paragraphs elsewhere: moved.
    for j in 0..new.len() {
        if !new_from[j].is_empty() || nw[j].is_empty() {
            continue;
        }
        if let Some(i) = (0..old.len()).find(|&i| old_to[i].is_empty() && ow[i] == nw[j]) {
            old_to[i].push(j);
            new_from[j].push(i);
        }
    }

    // Overlap of every remaining pair: (shared words / old words, shared / new words).
    let free_old: Vec<usize> = (0..old.len()).filter(|&i| old_to[i].is_empty()).collect();
    let free_new: Vec<usize> = (0..new.len()).filter(|&j| new_from[j].is_empty()).collect();
    let mut cover = std::collections::HashMap::new();
    for &i in &free_old {
        for &j in &free_new {
            let s = shared(&ow[i], &nw[j]) as f64;
            if s > 0.0 {
                cover.insert(
                    (i, j),
                    (s / ow[i].len().max(1) as f64, s / nw[j].len().max(1) as f64),
                );
            }
        }
    }

    // 3. One-to-one rewordings, best first.
    let mut pairs: Vec<((usize, usize), f64)> = cover
        .iter()
        .filter(|(_, (co, cn))| *co >= SAME && *cn >= SAME)
        .map(|(k, (co, cn))| (*k, co.min(*cn)))
        .collect();
    pairs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((i, j), _) in pairs {
        if old_to[i].is_empty() && new_from[j].is_empty() {
            old_to[i].push(j);
            new_from[j].push(i);
        }
    }

    // 4. Splits: a new paragraph made mostly of an old one's words.
    for &j in &free_new {
        if !new_from[j].is_empty() {
            continue;
        }
        let best = (0..old.len())
            .filter_map(|i| {
                let s = if let Some((_, cn)) = cover.get(&(i, j)) {
                    *cn
                } else {
                    part_of(&nw[j], &ow[i])
                };
                (s >= PART).then_some((i, s))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, _)) = best {
            old_to[i].push(j);
            new_from[j].push(i);
        }
    }
    // 5. Merges: an old paragraph whose words went mostly into one new paragraph.
    for &i in &free_old {
        if !old_to[i].is_empty() {
            continue;
        }
        let best = (0..new.len())
            .filter_map(|j| {
                let s = if let Some((co, _)) = cover.get(&(i, j)) {
                    *co
                } else {
                    part_of(&ow[i], &nw[j])
                };
                (s >= PART).then_some((j, s))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((j, _)) = best {
            old_to[i].push(j);
            new_from[j].push(i);
        }
    }

    let pairs: Vec<(usize, usize)> = old_to
        .iter()
        .enumerate()
        .flat_map(|(i, ts)| ts.iter().map(move |&j| (i, j)))
        .collect();
    classify(old, new, &pairs)
}

/// Share of `part`'s words found, in order, in `whole`.
fn part_of(part: &[String], whole: &[String]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    shared(part, whole) as f64 / part.len() as f64
}

/// Names the change of every link, for proposed links and for links an editor set by
/// hand alike: one old → several new is a split, several old → one new a merge; a
/// one-to-one link is unchanged, moved (same words, out of order) or edited.
pub fn classify(old: &[&str], new: &[&str], pairs: &[(usize, usize)]) -> Matching {
    let mut pairs: Vec<(usize, usize)> = pairs
        .iter()
        .copied()
        .filter(|(i, j)| *i < old.len() && *j < new.len())
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let fan_out = |i: usize| pairs.iter().filter(|(a, _)| *a == i).count();
    let fan_in = |j: usize| pairs.iter().filter(|(_, b)| *b == j).count();
    // One-to-one links in document order: the longest run that keeps order stays put;
    // identical paragraphs outside it moved.
    let one_to_one: Vec<(usize, usize)> = pairs
        .iter()
        .copied()
        .filter(|(i, j)| fan_out(*i) == 1 && fan_in(*j) == 1)
        .collect();
    let mut by_new = one_to_one.clone();
    by_new.sort_by_key(|(_, j)| *j);
    let in_order = longest_increasing(&by_new);
    let kept: std::collections::HashSet<(usize, usize)> =
        in_order.iter().map(|&k| by_new[k]).collect();

    let mut links = Vec::with_capacity(pairs.len());
    for &(i, j) in &pairs {
        let change = if fan_out(i) > 1 {
            Change::Split
        } else if fan_in(j) > 1 {
            Change::Merged
        } else if words(old[i]) == words(new[j]) {
            if kept.contains(&(i, j)) {
                Change::Unchanged
            } else {
                Change::Moved
            }
        } else {
            Change::Edited
        };
        links.push(Link {
            from: i,
            to: j,
            change,
        });
    }
    links.sort_by_key(|l| (l.to, l.from));
    let added = (0..new.len())
        .filter(|j| !pairs.iter().any(|(_, b)| b == j))
        .collect();
    let deleted = (0..old.len())
        .filter(|i| !pairs.iter().any(|(a, _)| a == i))
        .collect();
    Matching {
        links,
        added,
        deleted,
    }
}

/// Indexes into `pairs` (sorted by new index) of a longest run increasing in old index;
/// among equally long runs, the one whose paragraphs moved least, so that a paragraph
/// brought to the front is the one that "moved", not everything after it.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<usize> {
    let n = pairs.len();
    let shift = |k: usize| pairs[k].0.abs_diff(pairs[k].1);
    let mut len = vec![1usize; n];
    let mut cost: Vec<usize> = (0..n).map(shift).collect();
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for k in 0..i {
            if pairs[k].0 < pairs[i].0 {
                let (l, c) = (len[k] + 1, cost[k] + shift(i));
                if l > len[i] || (l == len[i] && c < cost[i]) {
                    len[i] = l;
                    cost[i] = c;
                    prev[i] = k;
                }
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (len[i], std::cmp::Reverse(cost[i]))) else {
        return Vec::new();
    };
    let mut out = vec![at];
    while prev[at] != usize::MAX {
        at = prev[at];
        out.push(at);
    }
    out.reverse();
    out
}

/// A word-level difference: runs of (kind, text) where kind is -1 deleted, 0 kept,
/// 1 inserted; for rendering with `<del>` and `<ins>`.
pub fn word_diff(old: &str, new: &str) -> Vec<(i8, String)> {
    let diff = similar::TextDiff::from_words(old, new);
    let mut out: Vec<(i8, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Delete => -1,
            similar::ChangeTag::Equal => 0,
            similar::ChangeTag::Insert => 1,
        };
        let text = change.value().to_string();
        match out.last_mut() {
            Some((k, t)) if *k == kind => t.push_str(&text),
            _ => out.push((kind, text)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(m: &Matching) -> Vec<(usize, usize, &'static str)> {
        m.links
            .iter()
            .map(|l| (l.from, l.to, l.change.as_str()))
            .collect()
    }

    const A: &str = "1. Commits to accelerating efforts to achieve universal and meaningful connectivity by 2030, and calls upon Member States to set national targets for quality of access, affordability and digital skills;";
    const B: &str = "2. Recognizes that affordability remains the single largest barrier to Internet use in many developing countries, and encourages Governments to adopt policies that reduce the cost of entry-level broadband and devices;";
    const C: &str = "3. Stresses the particular needs of the least developed countries and small island developing States, where the costs of international connectivity and the vulnerability of submarine cables hinder progress;";
    const D: &str = "4. Calls for enhanced international cooperation, financing and technical assistance to address structural constraints in developing countries, including through the Digital Solidarity Fund;";
    const E: &str = "5. Requests the Secretary-General to report annually on the implementation of the present resolution, including progress on the Action Lines and the Global Digital Compact;";

    #[test]
    fn identical_drafts_are_unchanged_throughout() {
        let m = propose(&[A, B, C], &[A, B, C]);
        assert_eq!(
            kinds(&m),
            vec![
                (0, 0, "unchanged"),
                (1, 1, "unchanged"),
                (2, 2, "unchanged")
            ]
        );
        assert!(m.added.is_empty() && m.deleted.is_empty());
    }

    #[test]
    fn renumbering_alone_is_not_a_change() {
        let renumbered = C.replacen("3.", "7.", 1);
        let m = propose(&[C], &[renumbered.as_str()]);
        assert_eq!(kinds(&m), vec![(0, 0, "unchanged")]);
    }

    #[test]
    fn a_reworded_paragraph_is_edited() {
        let b2 = B
            .replace("encourages", "urges")
            .replace("entry-level broadband", "entry-level mobile broadband");
        let m = propose(&[A, B, C], &[A, b2.as_str(), C]);
        assert_eq!(kinds(&m)[1], (1, 1, "edited"));
    }

    #[test]
    fn realistic_revision_gives_the_right_lineage() {
        // Zero draft: A B C D E. Rev.1: E moved to the front, A reworded, B split in
        // two, C and D merged, a new paragraph N at the end; nothing of the old text
        // is lost except what was deleted.
        let a2 = A
            .replace("accelerating", "redoubling")
            .replace("digital skills", "digital skills and device ownership");
        let b_first = "Recognizes that affordability remains the single largest barrier to Internet use in many developing countries;";
        let b_second = "Encourages Governments to adopt policies that reduce the cost of entry-level broadband and devices;";
        let cd = format!(
            "{} {}",
            C.trim_end_matches(';'),
            D.replacen("4. ", "and ", 1)
        );
        let n = "Decides to convene a high-level meeting on the twenty-fifth anniversary of the Summit in 2030 to review progress.";
        let old = [A, B, C, D, E];
        let new = [E, a2.as_str(), b_first, b_second, cd.as_str(), n];
        let m = propose(&old, &new);
        let k = kinds(&m);
        assert!(k.contains(&(4, 0, "moved")), "{k:?}");
        assert!(k.contains(&(0, 1, "edited")), "{k:?}");
        assert!(
            k.contains(&(1, 2, "split")) && k.contains(&(1, 3, "split")),
            "{k:?}"
        );
        assert!(
            k.contains(&(2, 4, "merged")) && k.contains(&(3, 4, "merged")),
            "{k:?}"
        );
        assert_eq!(m.added, vec![5]);
        assert!(m.deleted.is_empty());
    }

    #[test]
    fn a_dropped_paragraph_is_deleted_and_an_unrelated_one_is_new() {
        let m = propose(&[A, B, C], &[A, C, E]);
        assert_eq!(m.deleted, vec![1]);
        assert_eq!(m.added, vec![2]);
    }

    #[test]
    fn hand_made_links_are_classified_the_same_way() {
        let m = classify(&[A, B], &[A, B, C], &[(0, 0), (1, 1), (1, 2)]);
        assert_eq!(
            kinds(&m),
            vec![(0, 0, "unchanged"), (1, 1, "split"), (1, 2, "split")]
        );
    }

    #[test]
    fn word_diffs_mark_insertions_and_deletions() {
        let d = word_diff(
            "encourages Governments to act",
            "urges Governments to act now",
        );
        assert!(d.contains(&(-1, "encourages".into())));
        assert!(d.iter().any(|(k, t)| *k == 1 && t.contains("urges")));
        assert!(d.iter().any(|(k, t)| *k == 1 && t.contains("now")));
    }
}
