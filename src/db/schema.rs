//! The database schema, written by hand so that it stays portable: BIGINT ids made by
//! the application, TEXT enums, BOOLEAN, and TIMESTAMP holding UTC.

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        email_lower -> Text,
        password_hash -> Text,
        display_name -> Text,
        stakeholder_group -> Text,
        organization -> Text,
        country -> Nullable<Text>,
        role -> Text,
        affiliation_verified -> Bool,
        email_verified -> Bool,
        suspended -> Bool,
        notification_mode -> Text,
        token_version -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    account_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        purpose -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    login_failures (id) {
        id -> BigInt,
        email_lower -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        to_address -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Nullable<Text>,
        unsubscribe_url -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(account_tokens -> users (user_id));

diesel::joinable!(audit_log -> users (actor_id));

diesel::allow_tables_to_appear_in_same_query!(
    settings,
    users,
    account_tokens,
    login_failures,
    outbox,
    audit_log
);

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        actor_id -> BigInt,
        action -> Text,
        target_type -> Text,
        target_id -> BigInt,
        reason -> Nullable<Text>,
        at -> Timestamp,
    }
}
