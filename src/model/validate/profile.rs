//! The rules of the region's profile, its agencies and the members of its council and team.

use super::{FIRST_YEAR, Field, LAST_YEAR, MAX_PERIOD_YEARS, Problem, not_too_long, required};
use crate::i18n::{Message, Text};
use crate::model::{Agency, Member, Profile, Workbook};

pub fn validate_profile(profile: &Profile) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::RegionName, &profile.region_name);
    required(&mut problems, Field::Province, &profile.province);
    for (field, value) in [
        (Field::RegionName, &profile.region_name),
        (Field::Province, &profile.province),
        (Field::Capital, &profile.capital),
        (Field::RegionCode, &profile.region_code),
        (Field::Vision, &profile.vision),
        (Field::Mission, &profile.mission),
    ] {
        not_too_long(&mut problems, field, value);
    }
    let year_range = [FIRST_YEAR.to_string(), LAST_YEAR.to_string()];
    if !(FIRST_YEAR..=LAST_YEAR).contains(&profile.period_start) {
        problems.push(Problem::new(Field::PeriodStart, Message::with(Text::YearOutOfRange, year_range.clone())));
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&profile.period_end) {
        problems.push(Problem::new(Field::PeriodEnd, Message::with(Text::YearOutOfRange, year_range)));
    } else if profile.period_end < profile.period_start {
        problems.push(Problem::new(Field::PeriodEnd, Text::PeriodEndBeforeStart));
    } else if profile.period_end - profile.period_start + 1 > MAX_PERIOD_YEARS {
        problems
            .push(Problem::new(Field::PeriodEnd, Message::with(Text::PeriodTooLong, [MAX_PERIOD_YEARS.to_string()])));
    }
    problems
}

pub(super) fn validate_agency(workbook: &Workbook, agency: &Agency) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::AgencyCode, &agency.code);
    required(&mut problems, Field::AgencyName, &agency.name);
    not_too_long(&mut problems, Field::AgencyCode, &agency.code);
    not_too_long(&mut problems, Field::AgencyName, &agency.name);
    not_too_long(&mut problems, Field::AgencyShortName, &agency.short_name);
    let code = agency.code.trim();
    if !code.is_empty()
        && let Some(other) =
            workbook.agencies.iter().find(|a| a.id != agency.id && a.code.trim().eq_ignore_ascii_case(code))
    {
        problems.push(Problem::new(Field::AgencyCode, Message::with(Text::AgencyCodeTaken, [other.name.clone()])));
    }
    problems
}

pub(super) fn validate_member(workbook: &Workbook, member: &Member) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::MemberName, &member.name);
    not_too_long(&mut problems, Field::MemberName, &member.name);
    not_too_long(&mut problems, Field::MemberRole, &member.role);
    if let Some(agency) = member.agency_id
        && workbook.agency(agency).is_none()
    {
        problems.push(Problem::new(Field::MemberAgency, Text::UnknownAgency));
    }
    problems
}
