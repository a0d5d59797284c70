//! The closed vocabularies (stakeholder groups, roles, kinds, statuses, dispositions,
//! flag reasons, export formats…) as OpenAPI schemas, built from the constants the
//! validators use, so that the document and the code cannot drift apart. The domain
//! types that derive `utoipa::ToSchema` name them here; the API document collects them.
//! `opt_*`: the same, where JSON `null` means "not given".

use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

use crate::accounts::model::{Group, Role, NOTIFICATION_MODES};
use crate::comments::model::{ATTRIBUTIONS, DISPOSITIONS, KINDS, STATUSES};
use crate::consultations::Status;
use crate::export::Format;

fn strings<'a>(values: impl IntoIterator<Item = &'a str>, nullable: bool) -> Object {
    let mut values: Vec<serde_json::Value> = values.into_iter().map(Into::into).collect();
    let schema_type = if nullable {
        values.push(serde_json::Value::Null);
        SchemaType::from_iter([Type::String, Type::Null])
    } else {
        SchemaType::Type(Type::String)
    };
    ObjectBuilder::new()
        .schema_type(schema_type)
        .enum_values(Some(values))
        .build()
}

/// `enum` plus one more value.
pub fn with(mut schema: Object, value: &str) -> Object {
    schema
        .enum_values
        .get_or_insert_with(Vec::new)
        .push(value.into());
    schema
}

/// For query filters where an empty value means the same as an absent one.
pub fn or_empty(schema: Object) -> Object {
    with(schema, "")
}

pub fn stakeholder_group_or_empty() -> Object {
    or_empty(stakeholder_group())
}

pub fn export_status() -> Object {
    or_empty(strings(["published", "all"], false))
}

macro_rules! text_enum {
    ($name:ident: $values:expr) => {
        pub fn $name() -> Object {
            strings($values, false)
        }
    };
    ($name:ident, $opt:ident: $values:expr) => {
        text_enum!($name: $values);

        pub fn $opt() -> Object {
            strings($values, true)
        }
    };
}

text_enum!(stakeholder_group: Group::ALL.map(Group::as_str));
text_enum!(role, opt_role: [Role::Participant, Role::Moderator, Role::Admin].map(Role::as_str));
text_enum!(notification_mode, opt_notification_mode: NOTIFICATION_MODES);
text_enum!(language, opt_language: crate::i18n::Lang::ALL.map(crate::i18n::Lang::code));
text_enum!(comment_kind, opt_comment_kind: KINDS);
text_enum!(attribution, opt_attribution: ATTRIBUTIONS);
text_enum!(comment_status: STATUSES);
text_enum!(disposition, opt_disposition: DISPOSITIONS);
// As `ConsultationInput::parse` checks them.
text_enum!(moderation_mode, opt_moderation_mode: ["pre", "post"]);
text_enum!(
    consultation_status: [Status::Upcoming, Status::Open, Status::Closed].map(Status::as_str)
);
text_enum!(flag_reason: crate::moderation::service::REASONS);
text_enum!(moderation_action: crate::moderation::service::ACTIONS);
// `Change::as_str`, plus the two kinds of rows without a link.
text_enum!(
    concordance_change: ["unchanged", "edited", "split", "merged", "moved", "new", "deleted"]
);
text_enum!(queue_why: ["pending", "flagged"]);
text_enum!(export_format: Format::ALL.map(Format::as_str));
