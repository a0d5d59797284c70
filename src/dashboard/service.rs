//! The dashboard's figures for one draft, from published comments only. Each aggregate
//! is one grouped query over the draft's comments (never one per paragraph or group, and
//! never every comment loaded), so the page costs the same few queries at any size.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use diesel::dsl::{count, count_star};
use diesel::prelude::*;
use serde::Serialize;

use crate::accounts::model::Group;
use crate::consultations::service as consultations;
use crate::dashboard::balance::{self, Balance};
use crate::dashboard::regions;
use crate::db::schema::{comments, paragraphs};
use crate::db::Db;
use crate::db::{Conn, DbConn};
use crate::drafts::service as drafts;
use crate::drafts::tags;
use crate::error::AppError;

/// Counts by stakeholder group (snake_case values as keys; absent means zero).
pub type ByGroup = BTreeMap<String, i64>;

/// A gap-free day axis is drawn only up to this many days; longer spans list the days
/// that had input.
pub const MAX_FILLED_DAYS: i64 = 400;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Dashboard {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub draft_id: i64,
    pub title: String,
    pub version_label: String,
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub consultation_id: i64,
    pub consultation_title: String,
    pub totals: Totals,
    #[schema(value_type = BTreeMap<String, i64>)]
    pub by_group: ByGroup,
    pub paragraphs: Vec<ParagraphFigures>,
    /// Every Action Line (C1–C11, also when untagged), then the SDGs in use.
    pub by_tag: Vec<TagFigures>,
    /// Countries as written on the comments (ISO 3166-1 alpha-2); `null`: not given.
    pub by_country: Vec<PlaceFigures>,
    /// The five UN M49 regions, then `null` for no or an unknown country.
    pub by_region: Vec<PlaceFigures>,
    /// M49 sub-regions (intermediate regions in Africa and Latin America) with input.
    pub by_sub_region: Vec<PlaceFigures>,
    /// Input by the language it is written in (`code`: ar, zh, en, fr, ru, es),
    /// whichever language version it was written on; every language with input, most
    /// first.
    pub by_language: Vec<PlaceFigures>,
    pub by_day: Vec<DayFigures>,
}

#[derive(Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Totals {
    /// Published comments, amendments and replies.
    pub comments: i64,
    pub amendments: i64,
    /// People who wrote at least one published comment.
    pub participants: i64,
    #[schema(value_type = BTreeMap<String, i64>)]
    pub participants_by_group: ByGroup,
    pub countries: i64,
    pub paragraphs: i64,
    pub paragraphs_with_input: i64,
    pub general_comments: i64,
    /// Stakeholder groups without any published input on the draft.
    pub silent_groups: Vec<String>,
    pub flagged_paragraphs: i64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ParagraphFigures {
    #[serde(with = "crate::ids::as_string")]
    #[schema(value_type = crate::ids::Id)]
    pub paragraph_id: i64,
    pub number: i32,
    pub label: String,
    pub tags: Vec<String>,
    pub total: i64,
    #[schema(value_type = BTreeMap<String, i64>)]
    pub by_group: ByGroup,
    pub balance: Balance,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TagFigures {
    pub tag: String,
    /// Paragraphs carrying the tag.
    pub paragraphs: i64,
    /// Input on those paragraphs (a comment on a paragraph with two tags counts for both).
    pub total: i64,
    #[schema(value_type = BTreeMap<String, i64>)]
    pub by_group: ByGroup,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PlaceFigures {
    /// ISO 3166-1 alpha-2 code or M49 code; `null` for "not given / not placed".
    pub code: Option<String>,
    pub total: i64,
    #[schema(value_type = BTreeMap<String, i64>)]
    pub by_group: ByGroup,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DayFigures {
    /// `YYYY-MM-DD`, UTC.
    pub day: String,
    pub total: i64,
    #[schema(value_type = BTreeMap<String, i64>)]
    pub by_group: ByGroup,
}

fn add(map: &mut ByGroup, group: &str, n: i64) {
    *map.entry(group.to_string()).or_default() += n;
}

/// Adds `n` to the row keyed `key` of a list kept in first-seen order.
fn add_place(list: &mut Vec<PlaceFigures>, code: Option<&str>, group: &str, n: i64) {
    let i = match list.iter().position(|p| p.code.as_deref() == code) {
        Some(i) => i,
        None => {
            list.push(PlaceFigures {
                code: code.map(str::to_string),
                total: 0,
                by_group: ByGroup::new(),
            });
            list.len() - 1
        }
    };
    list[i].total += n;
    add(&mut list[i].by_group, group, n);
}

#[derive(QueryableByName)]
struct DayRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    day: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    grp: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// Published comments per UTC day and group. The day of a timestamp is spelled
/// differently per backend (SQLite keeps timestamps as text), hence the `match`.
fn per_day(conn: &mut Conn, draft: i64) -> QueryResult<Vec<DayRow>> {
    // PostgreSQL groups by the date and formats only the grouped rows.
    let (day, grouped_day) = match conn {
        DbConn::Sqlite(_) => ("substr(created_at, 1, 10)", "d"),
        DbConn::Pg(_) => ("CAST(created_at AS DATE)", "to_char(d, 'YYYY-MM-DD')"),
    };
    // The draft id is an integer: formatting it in cannot inject anything.
    diesel::sql_query(format!(
        "SELECT {grouped_day} AS day, grp, n FROM ( \
           SELECT {day} AS d, author_group AS grp, COUNT(*) AS n FROM comments \
           WHERE draft_id = {draft} AND status = 'published' \
           GROUP BY {day}, author_group \
         ) t ORDER BY 1"
    ))
    .load(conn)
}

/// Every figure of the dashboard of `draft`.
pub fn compute(conn: &mut Conn, draft: i64) -> Result<Dashboard, AppError> {
    let d = drafts::find(conn, draft)?;
    let consultation = consultations::find(conn, d.consultation_id)?;
    let paras: Vec<(i64, i32, String, String)> = paragraphs::table
        .filter(paragraphs::draft_id.eq(draft))
        .order(paragraphs::number.asc())
        .select((
            paragraphs::id,
            paragraphs::number,
            paragraphs::label,
            paragraphs::tags,
        ))
        .load(conn)?;
    let published = comments::table
        .filter(comments::draft_id.eq(draft))
        .filter(comments::status.eq("published"));
    // 1. paragraph × group × kind: the heat map, groups, kinds, tags and balance.
    let cells: Vec<(Option<i64>, String, String, i64)> = published
        .group_by((
            comments::paragraph_id,
            comments::author_group,
            comments::kind,
        ))
        .select((
            comments::paragraph_id,
            comments::author_group,
            comments::kind,
            count_star(),
        ))
        .load(conn)?;
    // 2. country × group: countries and regions.
    let places: Vec<(Option<String>, String, i64)> = published
        .group_by((comments::author_country, comments::author_group))
        .select((
            comments::author_country,
            comments::author_group,
            count_star(),
        ))
        .load(conn)?;
    // 3. people per group. An account's group is set at registration and never
    // changes, so the groups' sums are the number of people: no second pass for it.
    let people: Vec<(String, i64)> = published
        .group_by(comments::author_group)
        .select((
            comments::author_group,
            count(comments::author_id).aggregate_distinct(),
        ))
        .load(conn)?;
    // 4. day × group.
    let days = per_day(conn, draft)?;
    // 5. language × group.
    let spoken: Vec<(String, String, i64)> = published
        .group_by((comments::language, comments::author_group))
        .select((comments::language, comments::author_group, count_star()))
        .load(conn)?;
    let mut by_language: Vec<PlaceFigures> = Vec::new();
    for (language, group, n) in &spoken {
        add_place(&mut by_language, Some(language), group, *n);
    }
    by_language.sort_by(|a, b| (-a.total, &a.code).cmp(&(-b.total, &b.code)));

    let mut totals = Totals {
        participants: people.iter().map(|(_, n)| n).sum(),
        participants_by_group: people.into_iter().collect(),
        paragraphs: paras.len() as i64,
        ..Totals::default()
    };
    let mut by_group = ByGroup::new();
    let mut by_paragraph: BTreeMap<i64, ByGroup> = BTreeMap::new();
    for (paragraph, group, kind, n) in &cells {
        totals.comments += n;
        if kind == "amendment" {
            totals.amendments += n;
        }
        add(&mut by_group, group, *n);
        match paragraph {
            Some(p) => add(by_paragraph.entry(*p).or_default(), group, *n),
            None => totals.general_comments += n,
        }
    }
    let active: Vec<Group> = Group::ALL
        .into_iter()
        .filter(|g| by_group.get(g.as_str()).copied().unwrap_or(0) > 0)
        .collect();
    totals.silent_groups = Group::ALL
        .into_iter()
        .filter(|g| !active.contains(g))
        .map(|g| g.as_str().to_string())
        .collect();

    let mut tag_rows: BTreeMap<String, TagFigures> = tags::ACTION_LINES
        .iter()
        .map(|t| {
            (
                t.to_string(),
                TagFigures {
                    tag: t.to_string(),
                    paragraphs: 0,
                    total: 0,
                    by_group: ByGroup::new(),
                },
            )
        })
        .collect();
    let mut paragraph_rows = Vec::with_capacity(paras.len());
    for (id, number, label, tag_text) in paras {
        let counts = by_paragraph.remove(&id).unwrap_or_default();
        let total: i64 = counts.values().sum();
        let tag_list: Vec<String> = tag_text.split_whitespace().map(str::to_string).collect();
        for tag in &tag_list {
            let row = tag_rows.entry(tag.clone()).or_insert_with(|| TagFigures {
                tag: tag.clone(),
                paragraphs: 0,
                total: 0,
                by_group: ByGroup::new(),
            });
            row.paragraphs += 1;
            row.total += total;
            for (g, n) in &counts {
                add(&mut row.by_group, g, *n);
            }
        }
        if total > 0 {
            totals.paragraphs_with_input += 1;
        }
        let balance = balance::assess(&counts, &active);
        if balance.flagged() {
            totals.flagged_paragraphs += 1;
        }
        paragraph_rows.push(ParagraphFigures {
            paragraph_id: id,
            number,
            label,
            tags: tag_list,
            total,
            by_group: counts,
            balance,
        });
    }
    let mut by_tag: Vec<TagFigures> = tag_rows.into_values().collect();
    by_tag.sort_by_key(|t| tags::order(&t.tag));

    let mut by_country: Vec<PlaceFigures> = Vec::new();
    let mut by_region: Vec<PlaceFigures> = Vec::new();
    let mut by_sub_region: Vec<PlaceFigures> = Vec::new();
    let mut countries = BTreeSet::new();
    for (country, group, n) in &places {
        let country = country.as_deref().filter(|c| !c.is_empty());
        if let Some(c) = country {
            countries.insert(c.to_string());
        }
        add_place(&mut by_country, country, group, *n);
        let location = country.and_then(regions::locate);
        add_place(&mut by_region, location.map(|l| l.region), group, *n);
        if let Some(l) = location {
            add_place(&mut by_sub_region, Some(l.area()), group, *n);
        }
    }
    totals.countries = countries.len() as i64;
    // Most input first; ties (and "not given", last) in a stable order.
    by_country.sort_by(|a, b| {
        (a.code.is_none(), -a.total, &a.code).cmp(&(b.code.is_none(), -b.total, &b.code))
    });
    let region_rank = |code: &Option<String>| {
        code.as_deref()
            .and_then(|c| regions::REGIONS.iter().position(|r| *r == c))
            .unwrap_or(regions::REGIONS.len())
    };
    for r in regions::REGIONS {
        if !by_region.iter().any(|p| p.code.as_deref() == Some(r)) {
            by_region.push(PlaceFigures {
                code: Some(r.to_string()),
                total: 0,
                by_group: ByGroup::new(),
            });
        }
    }
    by_region.sort_by_key(|p| region_rank(&p.code));
    let area_rank = |code: &Option<String>| {
        code.as_deref()
            .and_then(|c| regions::AREAS.iter().position(|r| *r == c))
            .unwrap_or(regions::AREAS.len())
    };
    by_sub_region.sort_by_key(|p| area_rank(&p.code));

    Ok(Dashboard {
        draft_id: d.id,
        title: d.title,
        version_label: d.version_label,
        consultation_id: consultation.id,
        consultation_title: consultation.title,
        totals,
        by_group,
        paragraphs: paragraph_rows,
        by_tag,
        by_country,
        by_region,
        by_sub_region,
        by_language,
        by_day: day_series(days),
    })
}

/// Days in order; when the span is short enough, the days without input are filled in
/// with zeros so that a chart's time axis is even.
fn day_series(rows: Vec<DayRow>) -> Vec<DayFigures> {
    let mut by_day: BTreeMap<String, ByGroup> = BTreeMap::new();
    for r in rows {
        add(by_day.entry(r.day).or_default(), &r.grp, r.n);
    }
    let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let first = by_day.keys().next().and_then(|d| parse(d));
    let last = by_day.keys().next_back().and_then(|d| parse(d));
    if let (Some(first), Some(last)) = (first, last) {
        let span = (last - first).num_days();
        if (0..MAX_FILLED_DAYS).contains(&span) {
            for i in 0..=span {
                let day = (first + Duration::days(i)).format("%Y-%m-%d").to_string();
                by_day.entry(day).or_default();
            }
        }
    }
    by_day
        .into_iter()
        .map(|(day, by_group)| DayFigures {
            day,
            total: by_group.values().sum(),
            by_group,
        })
        .collect()
}

pub async fn load(db: &Db, draft: i64) -> Result<Dashboard, AppError> {
    db.run(move |conn| compute(conn, draft)).await
}

/// The figures `GET /drafts/{id}/stats` adds to its own (SPEC §4 and issue 8): input by
/// tag, by UN region and by day, as `{key: n}` maps.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StatsExtension {
    pub by_tag: BTreeMap<String, i64>,
    pub by_region: BTreeMap<String, i64>,
    /// Published input by the language it is written in.
    pub by_language: BTreeMap<String, i64>,
    pub by_day: BTreeMap<String, i64>,
}

impl StatsExtension {
    pub fn of(d: &Dashboard) -> StatsExtension {
        StatsExtension {
            by_tag: d
                .by_tag
                .iter()
                .filter(|t| t.paragraphs > 0)
                .map(|t| (t.tag.clone(), t.total))
                .collect(),
            by_region: d
                .by_region
                .iter()
                .filter(|r| r.total > 0)
                .map(|r| (r.code.clone().unwrap_or_else(|| "unknown".into()), r.total))
                .collect(),
            by_language: d
                .by_language
                .iter()
                .map(|r| (r.code.clone().unwrap_or_default(), r.total))
                .collect(),
            by_day: d
                .by_day
                .iter()
                .filter(|r| r.total > 0)
                .map(|r| (r.day.clone(), r.total))
                .collect(),
        }
    }
}
