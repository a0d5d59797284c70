//! The balance rule: a paragraph is flagged when one stakeholder group wrote most of its
//! input, or when a group that takes part in the draft is silent on it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::accounts::model::Group;

/// A group "dominates" a paragraph when it wrote more than this share of its input…
pub const DOMINANT_PERCENT: i64 = 60;
/// …and the paragraph has at least this many comments (fewer say little about balance).
pub const MIN_COMMENTS: i64 = 5;

/// What the rule found on one paragraph; nothing found means balanced (or untouched).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Balance {
    /// The group that wrote more than 60 % of at least 5 comments.
    pub dominant_group: Option<String>,
    /// Its share, in whole percent (rounded down).
    pub dominant_percent: Option<i64>,
    /// Groups with input elsewhere in the draft but none on this paragraph, while other
    /// groups commented on it. Groups absent from the whole draft are reported once, in
    /// the totals, rather than on every paragraph.
    pub silent_groups: Vec<String>,
}

impl Balance {
    pub fn flagged(&self) -> bool {
        self.dominant_group.is_some() || !self.silent_groups.is_empty()
    }
}

/// Applies the rule to one paragraph's counts by group. `active` are the groups with any
/// published input on the draft.
pub fn assess(by_group: &BTreeMap<String, i64>, active: &[Group]) -> Balance {
    let total: i64 = by_group.values().sum();
    let mut b = Balance::default();
    if total == 0 {
        return b;
    }
    if total >= MIN_COMMENTS {
        // Group::ALL order breaks ties the same way every time.
        let top = Group::ALL
            .iter()
            .map(|g| (*g, by_group.get(g.as_str()).copied().unwrap_or(0)))
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((g, n)) = top {
            // n / total > 60 %, in integers.
            if n * 100 > DOMINANT_PERCENT * total {
                b.dominant_group = Some(g.as_str().to_string());
                b.dominant_percent = Some(n * 100 / total);
            }
        }
    }
    b.silent_groups = active
        .iter()
        .filter(|g| by_group.get(g.as_str()).copied().unwrap_or(0) == 0)
        .map(|g| g.as_str().to_string())
        .collect();
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(Group, i64)]) -> BTreeMap<String, i64> {
        pairs
            .iter()
            .map(|(g, n)| (g.as_str().to_string(), *n))
            .collect()
    }

    #[test]
    fn more_than_sixty_percent_of_five_or_more_comments_is_dominance() {
        let active = [Group::Government, Group::CivilSociety];
        let b = assess(
            &counts(&[(Group::Government, 4), (Group::CivilSociety, 1)]),
            &active,
        );
        assert_eq!(b.dominant_group.as_deref(), Some("government"));
        assert_eq!(b.dominant_percent, Some(80));
        assert!(b.silent_groups.is_empty());
        // Exactly 60 % is not more than 60 %.
        let b = assess(
            &counts(&[(Group::Government, 3), (Group::CivilSociety, 2)]),
            &active,
        );
        assert!(!b.flagged());
        // Four comments are too few to judge.
        let b = assess(
            &counts(&[(Group::Government, 3), (Group::CivilSociety, 1)]),
            &active,
        );
        assert!(!b.flagged());
    }

    #[test]
    fn a_group_active_elsewhere_but_absent_here_is_silent() {
        let active = [Group::Government, Group::Academia, Group::CivilSociety];
        let b = assess(&counts(&[(Group::Government, 1)]), &active);
        assert_eq!(b.silent_groups, ["academia", "civil_society"]);
        assert_eq!(b.dominant_group, None);
        // An untouched paragraph is not a balance problem but a gap, shown elsewhere.
        assert!(!assess(&counts(&[]), &active).flagged());
    }
}
