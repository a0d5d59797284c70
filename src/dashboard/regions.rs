//! ISO 3166-1 alpha-2 country codes mapped to the UN M49 geographic regions (region,
//! sub-region, intermediate region), for the dashboard's figures by region.
//!
//! The table covers all 249 codes of ISO 3166-1. It was generated once from the UN
//! Statistics Division's "Standard country or area codes for statistical use" (M49) as
//! republished per alpha-2 code by the `country_converter` package (column `UNregion`) and
//! checked against the ISO-3166-Countries-with-Regional-Codes data set; see
//! docs/dashboard.md. Two codes are not M49 areas: AQ (Antarctica, which M49 lists
//! outside every region) has no region here, and TW is placed in Eastern Asia, as the
//! UN statistical tables count it.

use crate::i18n::t;

/// Where a country sits in M49, as three-digit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// `002` Africa, `019` Americas, `142` Asia, `150` Europe, `009` Oceania.
    pub region: &'static str,
    pub sub_region: &'static str,
    /// Only where M49 has one (Sub-Saharan Africa, Latin America and the Caribbean, the
    /// Channel Islands).
    pub intermediate: Option<&'static str>,
}

impl Location {
    /// The finer grouping the dashboard shows: the sub-region, except that Sub-Saharan
    /// Africa and Latin America and the Caribbean are split into their intermediate
    /// regions, as UN statistical tables usually do. The Channel Islands count under
    /// Northern Europe.
    pub fn area(&self) -> &'static str {
        match (self.sub_region, self.intermediate) {
            ("202" | "419", Some(i)) => i,
            _ => self.sub_region,
        }
    }
}

/// The five M49 regions, in the order the dashboard lists them.
pub const REGIONS: [&str; 5] = ["002", "019", "142", "150", "009"];

/// Every value `Location::area` can take, grouped by region, in display order.
pub const AREAS: [&str; 22] = [
    "015", "014", "017", "018", "011", // Africa
    "029", "013", "005", "021", // Americas
    "143", "030", "035", "034", "145", // Asia
    "151", "154", "039", "155", // Europe
    "053", "054", "057", "061", // Oceania
];

/// The M49 location of an ISO 3166-1 alpha-2 code (any case); `None` for a code that
/// is not in ISO 3166-1, and for Antarctica.
pub fn locate(alpha2: &str) -> Option<Location> {
    let code = alpha2.trim().to_ascii_uppercase();
    let i = TABLE
        .binary_search_by(|row| row.0.cmp(code.as_str()))
        .ok()?;
    let (_, region, sub_region, intermediate) = TABLE[i];
    if region.is_empty() {
        return None;
    }
    Some(Location {
        region,
        sub_region,
        intermediate: (!intermediate.is_empty()).then_some(intermediate),
    })
}

/// The region an area (`Location::area`) belongs to.
pub fn region_of_area(area: &str) -> Option<&'static str> {
    TABLE
        .iter()
        .filter_map(|(code, ..)| locate(code))
        .find(|l| l.area() == area)
        .map(|l| l.region)
}

/// Whether `alpha2` is an ISO 3166-1 alpha-2 code.
pub fn is_country(alpha2: &str) -> bool {
    TABLE.binary_search_by(|row| row.0.cmp(alpha2)).is_ok()
}

/// The display name of an M49 region, sub-region or intermediate region code.
pub fn name(code: &str) -> &'static str {
    match code {
        "002" => t("m49-002"),
        "019" => t("m49-019"),
        "142" => t("m49-142"),
        "150" => t("m49-150"),
        "009" => t("m49-009"),
        "015" => t("m49-015"),
        "202" => t("m49-202"),
        "014" => t("m49-014"),
        "017" => t("m49-017"),
        "018" => t("m49-018"),
        "011" => t("m49-011"),
        "419" => t("m49-419"),
        "029" => t("m49-029"),
        "013" => t("m49-013"),
        "005" => t("m49-005"),
        "021" => t("m49-021"),
        "143" => t("m49-143"),
        "030" => t("m49-030"),
        "035" => t("m49-035"),
        "034" => t("m49-034"),
        "145" => t("m49-145"),
        "151" => t("m49-151"),
        "154" => t("m49-154"),
        "830" => t("m49-830"),
        "039" => t("m49-039"),
        "155" => t("m49-155"),
        "053" => t("m49-053"),
        "054" => t("m49-054"),
        "057" => t("m49-057"),
        "061" => t("m49-061"),
        _ => t("m49-none"),
    }
}

/// (ISO 3166-1 alpha-2, M49 region, sub-region, intermediate region), sorted by code;
/// an empty string where there is none.
const TABLE: [(&str, &str, &str, &str); 249] = [
    ("AD", "150", "039", ""),
    ("AE", "142", "145", ""),
    ("AF", "142", "034", ""),
    ("AG", "019", "419", "029"),
    ("AI", "019", "419", "029"),
    ("AL", "150", "039", ""),
    ("AM", "142", "145", ""),
    ("AO", "002", "202", "017"),
    ("AQ", "", "", ""),
    ("AR", "019", "419", "005"),
    ("AS", "009", "061", ""),
    ("AT", "150", "155", ""),
    ("AU", "009", "053", ""),
    ("AW", "019", "419", "029"),
    ("AX", "150", "154", ""),
    ("AZ", "142", "145", ""),
    ("BA", "150", "039", ""),
    ("BB", "019", "419", "029"),
    ("BD", "142", "034", ""),
    ("BE", "150", "155", ""),
    ("BF", "002", "202", "011"),
    ("BG", "150", "151", ""),
    ("BH", "142", "145", ""),
    ("BI", "002", "202", "014"),
    ("BJ", "002", "202", "011"),
    ("BL", "019", "419", "029"),
    ("BM", "019", "021", ""),
    ("BN", "142", "035", ""),
    ("BO", "019", "419", "005"),
    ("BQ", "019", "419", "029"),
    ("BR", "019", "419", "005"),
    ("BS", "019", "419", "029"),
    ("BT", "142", "034", ""),
    ("BV", "019", "419", "005"),
    ("BW", "002", "202", "018"),
    ("BY", "150", "151", ""),
    ("BZ", "019", "419", "013"),
    ("CA", "019", "021", ""),
    ("CC", "009", "053", ""),
    ("CD", "002", "202", "017"),
    ("CF", "002", "202", "017"),
    ("CG", "002", "202", "017"),
    ("CH", "150", "155", ""),
    ("CI", "002", "202", "011"),
    ("CK", "009", "061", ""),
    ("CL", "019", "419", "005"),
    ("CM", "002", "202", "017"),
    ("CN", "142", "030", ""),
    ("CO", "019", "419", "005"),
    ("CR", "019", "419", "013"),
    ("CU", "019", "419", "029"),
    ("CV", "002", "202", "011"),
    ("CW", "019", "419", "029"),
    ("CX", "009", "053", ""),
    ("CY", "142", "145", ""),
    ("CZ", "150", "151", ""),
    ("DE", "150", "155", ""),
    ("DJ", "002", "202", "014"),
    ("DK", "150", "154", ""),
    ("DM", "019", "419", "029"),
    ("DO", "019", "419", "029"),
    ("DZ", "002", "015", ""),
    ("EC", "019", "419", "005"),
    ("EE", "150", "154", ""),
    ("EG", "002", "015", ""),
    ("EH", "002", "015", ""),
    ("ER", "002", "202", "014"),
    ("ES", "150", "039", ""),
    ("ET", "002", "202", "014"),
    ("FI", "150", "154", ""),
    ("FJ", "009", "054", ""),
    ("FK", "019", "419", "005"),
    ("FM", "009", "057", ""),
    ("FO", "150", "154", ""),
    ("FR", "150", "155", ""),
    ("GA", "002", "202", "017"),
    ("GB", "150", "154", ""),
    ("GD", "019", "419", "029"),
    ("GE", "142", "145", ""),
    ("GF", "019", "419", "005"),
    ("GG", "150", "154", "830"),
    ("GH", "002", "202", "011"),
    ("GI", "150", "039", ""),
    ("GL", "019", "021", ""),
    ("GM", "002", "202", "011"),
    ("GN", "002", "202", "011"),
    ("GP", "019", "419", "029"),
    ("GQ", "002", "202", "017"),
    ("GR", "150", "039", ""),
    ("GS", "019", "419", "005"),
    ("GT", "019", "419", "013"),
    ("GU", "009", "057", ""),
    ("GW", "002", "202", "011"),
    ("GY", "019", "419", "005"),
    ("HK", "142", "030", ""),
    ("HM", "009", "053", ""),
    ("HN", "019", "419", "013"),
    ("HR", "150", "039", ""),
    ("HT", "019", "419", "029"),
    ("HU", "150", "151", ""),
    ("ID", "142", "035", ""),
    ("IE", "150", "154", ""),
    ("IL", "142", "145", ""),
    ("IM", "150", "154", ""),
    ("IN", "142", "034", ""),
    ("IO", "002", "202", "014"),
    ("IQ", "142", "145", ""),
    ("IR", "142", "034", ""),
    ("IS", "150", "154", ""),
    ("IT", "150", "039", ""),
    ("JE", "150", "154", "830"),
    ("JM", "019", "419", "029"),
    ("JO", "142", "145", ""),
    ("JP", "142", "030", ""),
    ("KE", "002", "202", "014"),
    ("KG", "142", "143", ""),
    ("KH", "142", "035", ""),
    ("KI", "009", "057", ""),
    ("KM", "002", "202", "014"),
    ("KN", "019", "419", "029"),
    ("KP", "142", "030", ""),
    ("KR", "142", "030", ""),
    ("KW", "142", "145", ""),
    ("KY", "019", "419", "029"),
    ("KZ", "142", "143", ""),
    ("LA", "142", "035", ""),
    ("LB", "142", "145", ""),
    ("LC", "019", "419", "029"),
    ("LI", "150", "155", ""),
    ("LK", "142", "034", ""),
    ("LR", "002", "202", "011"),
    ("LS", "002", "202", "018"),
    ("LT", "150", "154", ""),
    ("LU", "150", "155", ""),
    ("LV", "150", "154", ""),
    ("LY", "002", "015", ""),
    ("MA", "002", "015", ""),
    ("MC", "150", "155", ""),
    ("MD", "150", "151", ""),
    ("ME", "150", "039", ""),
    ("MF", "019", "419", "029"),
    ("MG", "002", "202", "014"),
    ("MH", "009", "057", ""),
    ("MK", "150", "039", ""),
    ("ML", "002", "202", "011"),
    ("MM", "142", "035", ""),
    ("MN", "142", "030", ""),
    ("MO", "142", "030", ""),
    ("MP", "009", "057", ""),
    ("MQ", "019", "419", "029"),
    ("MR", "002", "202", "011"),
    ("MS", "019", "419", "029"),
    ("MT", "150", "039", ""),
    ("MU", "002", "202", "014"),
    ("MV", "142", "034", ""),
    ("MW", "002", "202", "014"),
    ("MX", "019", "419", "013"),
    ("MY", "142", "035", ""),
    ("MZ", "002", "202", "014"),
    ("NA", "002", "202", "018"),
    ("NC", "009", "054", ""),
    ("NE", "002", "202", "011"),
    ("NF", "009", "053", ""),
    ("NG", "002", "202", "011"),
    ("NI", "019", "419", "013"),
    ("NL", "150", "155", ""),
    ("NO", "150", "154", ""),
    ("NP", "142", "034", ""),
    ("NR", "009", "061", ""),
    ("NU", "009", "061", ""),
    ("NZ", "009", "053", ""),
    ("OM", "142", "145", ""),
    ("PA", "019", "419", "013"),
    ("PE", "019", "419", "005"),
    ("PF", "009", "061", ""),
    ("PG", "009", "054", ""),
    ("PH", "142", "035", ""),
    ("PK", "142", "034", ""),
    ("PL", "150", "151", ""),
    ("PM", "019", "021", ""),
    ("PN", "009", "061", ""),
    ("PR", "019", "419", "029"),
    ("PS", "142", "145", ""),
    ("PT", "150", "039", ""),
    ("PW", "009", "057", ""),
    ("PY", "019", "419", "005"),
    ("QA", "142", "145", ""),
    ("RE", "002", "202", "014"),
    ("RO", "150", "151", ""),
    ("RS", "150", "039", ""),
    ("RU", "150", "151", ""),
    ("RW", "002", "202", "014"),
    ("SA", "142", "145", ""),
    ("SB", "009", "054", ""),
    ("SC", "002", "202", "014"),
    ("SD", "002", "015", ""),
    ("SE", "150", "154", ""),
    ("SG", "142", "035", ""),
    ("SH", "002", "202", "011"),
    ("SI", "150", "039", ""),
    ("SJ", "150", "154", ""),
    ("SK", "150", "151", ""),
    ("SL", "002", "202", "011"),
    ("SM", "150", "039", ""),
    ("SN", "002", "202", "011"),
    ("SO", "002", "202", "014"),
    ("SR", "019", "419", "005"),
    ("SS", "002", "202", "014"),
    ("ST", "002", "202", "017"),
    ("SV", "019", "419", "013"),
    ("SX", "019", "419", "029"),
    ("SY", "142", "145", ""),
    ("SZ", "002", "202", "018"),
    ("TC", "019", "419", "029"),
    ("TD", "002", "202", "017"),
    ("TF", "002", "202", "014"),
    ("TG", "002", "202", "011"),
    ("TH", "142", "035", ""),
    ("TJ", "142", "143", ""),
    ("TK", "009", "061", ""),
    ("TL", "142", "035", ""),
    ("TM", "142", "143", ""),
    ("TN", "002", "015", ""),
    ("TO", "009", "061", ""),
    ("TR", "142", "145", ""),
    ("TT", "019", "419", "029"),
    ("TV", "009", "061", ""),
    ("TW", "142", "030", ""),
    ("TZ", "002", "202", "014"),
    ("UA", "150", "151", ""),
    ("UG", "002", "202", "014"),
    ("UM", "009", "057", ""),
    ("US", "019", "021", ""),
    ("UY", "019", "419", "005"),
    ("UZ", "142", "143", ""),
    ("VA", "150", "039", ""),
    ("VC", "019", "419", "029"),
    ("VE", "019", "419", "005"),
    ("VG", "019", "419", "029"),
    ("VI", "019", "419", "029"),
    ("VN", "142", "035", ""),
    ("VU", "009", "054", ""),
    ("WF", "009", "061", ""),
    ("WS", "009", "061", ""),
    ("YE", "142", "145", ""),
    ("YT", "002", "202", "014"),
    ("ZA", "002", "202", "018"),
    ("ZM", "002", "202", "014"),
    ("ZW", "002", "202", "014"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_every_iso_code_once_in_order() {
        assert_eq!(TABLE.len(), 249);
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TABLE
            .iter()
            .all(|r| r.0.len() == 2 && r.0.bytes().all(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn every_code_but_antarctica_has_a_known_region_and_area() {
        for (code, ..) in TABLE {
            match locate(code) {
                None => assert_eq!(code, "AQ"),
                Some(l) => {
                    assert!(REGIONS.contains(&l.region), "{code}");
                    assert!(AREAS.contains(&l.area()), "{code}");
                    assert_ne!(name(l.area()), t("m49-none"), "{code}");
                }
            }
        }
    }

    #[test]
    fn countries_are_placed_as_m49_places_them() {
        let area = |c: &str| locate(c).map(|l| (l.region, l.area()));
        assert_eq!(area("KE"), Some(("002", "014")));
        assert_eq!(area("ng"), Some(("002", "011")));
        assert_eq!(area("EG"), Some(("002", "015")));
        assert_eq!(area("BR"), Some(("019", "005")));
        assert_eq!(area("MX"), Some(("019", "013")));
        assert_eq!(area("US"), Some(("019", "021")));
        assert_eq!(area("JM"), Some(("019", "029")));
        assert_eq!(area("IN"), Some(("142", "034")));
        assert_eq!(area("CN"), Some(("142", "030")));
        assert_eq!(area("TR"), Some(("142", "145")));
        assert_eq!(area("RU"), Some(("150", "151")));
        assert_eq!(area("FR"), Some(("150", "155")));
        assert_eq!(area("GB"), Some(("150", "154")));
        assert_eq!(area("JE"), Some(("150", "154")));
        assert_eq!(area("AU"), Some(("009", "053")));
        assert_eq!(area("FJ"), Some(("009", "054")));
        assert_eq!(locate("AQ"), None);
        assert_eq!(locate("XK"), None);
        assert_eq!(locate("ZZ"), None);
    }
}
