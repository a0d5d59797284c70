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
        totp_secret -> Nullable<Text>,
        totp_enabled -> Bool,
        totp_last_step -> BigInt,
        deleted_at -> Nullable<Timestamp>,
        preferred_language -> Text,
    }
}

diesel::table! {
    /// The account's security history (migration 000017), purged after the retention.
    security_events (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        detail -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> BigInt,
        user_id -> BigInt,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
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
        /// A keyed digest of the address tried (migration 000017), never the address.
        address_key -> Text,
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

diesel::table! {
    consultations (id) {
        id -> BigInt,
        title -> Text,
        summary -> Text,
        opens_at -> Timestamp,
        closes_at -> Timestamp,
        moderation -> Text,
        created_by -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    drafts (id) {
        id -> BigInt,
        consultation_id -> BigInt,
        title -> Text,
        version_label -> Text,
        previous_draft_id -> Nullable<BigInt>,
        read_only -> Bool,
        created_at -> Timestamp,
        /// The language the draft is written in (migration 000019).
        language -> Text,
    }
}

diesel::table! {
    /// A language version of a draft (migration 000019): one per draft and language.
    draft_translations (id) {
        id -> BigInt,
        draft_id -> BigInt,
        language -> Text,
        title -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// One paragraph of the original in a language version.
    paragraph_translations (translation_id, paragraph_id) {
        translation_id -> BigInt,
        paragraph_id -> BigInt,
        section -> Nullable<Text>,
        text -> Text,
    }
}

diesel::table! {
    paragraphs (id) {
        id -> BigInt,
        draft_id -> BigInt,
        number -> Integer,
        label -> Text,
        section -> Nullable<Text>,
        text -> Text,
        tags -> Text,
    }
}

diesel::table! {
    comments (id) {
        id -> BigInt,
        draft_id -> BigInt,
        paragraph_id -> Nullable<BigInt>,
        parent_id -> Nullable<BigInt>,
        kind -> Text,
        body -> Text,
        proposed_text -> Nullable<Text>,
        status -> Text,
        attribution -> Text,
        author_id -> BigInt,
        author_group -> Text,
        author_organization -> Text,
        author_country -> Nullable<Text>,
        author_verified -> Bool,
        flag_count -> Integer,
        created_at -> Timestamp,
        edited_at -> Nullable<Timestamp>,
        disposition -> Nullable<Text>,
        disposition_explanation -> Nullable<Text>,
        disposition_at -> Nullable<Timestamp>,
        /// The language the comment is written in (migration 000019).
        language -> Text,
    }
}

diesel::table! {
    paragraph_links (id) {
        id -> BigInt,
        from_paragraph_id -> BigInt,
        to_paragraph_id -> BigInt,
        change -> Text,
    }
}

diesel::table! {
    comment_edits (id) {
        id -> BigInt,
        comment_id -> BigInt,
        body -> Text,
        proposed_text -> Nullable<Text>,
        edited_at -> Timestamp,
    }
}

diesel::table! {
    flags (id) {
        id -> BigInt,
        comment_id -> BigInt,
        user_id -> BigInt,
        reason -> Text,
        note -> Nullable<Text>,
        resolved -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    follows (user_id, draft_id) {
        user_id -> BigInt,
        draft_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    events (id) {
        id -> BigInt,
        kind -> Text,
        comment_id -> Nullable<BigInt>,
        draft_id -> Nullable<BigInt>,
        actor_id -> Nullable<BigInt>,
        detail -> Nullable<Text>,
        reason -> Nullable<Text>,
        processed_at -> Nullable<Timestamp>,
        locked_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        fanout_after -> BigInt,
    }
}

diesel::table! {
    digest_items (id) {
        id -> BigInt,
        user_id -> BigInt,
        consultation_title -> Text,
        draft_title -> Text,
        draft_id -> BigInt,
        line -> Text,
        excerpt -> Text,
        link -> Text,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    moderator_alerts (user_id) {
        user_id -> BigInt,
        last_sent_at -> Timestamp,
    }
}

diesel::table! {
    /// Published comments per draft, paragraph (0 = the draft as a whole) and group,
    /// kept by triggers (migration 000013).
    comment_counts (draft_id, paragraph_key, author_group) {
        draft_id -> BigInt,
        paragraph_key -> BigInt,
        author_group -> Text,
        published -> BigInt,
        /// Every change to a comment of the cell adds one (migration 000016).
        changes -> Integer,
    }
}

diesel::table! {
    /// Moved forward by every change to consultations, drafts, paragraphs, revision
    /// links and display names (migration 000016); one row.
    read_epoch (id) {
        id -> Integer,
        n -> BigInt,
    }
}

diesel::joinable!(digest_items -> users (user_id));
diesel::joinable!(security_events -> users (user_id));
diesel::joinable!(moderator_alerts -> users (user_id));
diesel::joinable!(audit_log -> users (actor_id));
diesel::joinable!(drafts -> consultations (consultation_id));
diesel::joinable!(paragraphs -> drafts (draft_id));
diesel::joinable!(comments -> users (author_id));
diesel::joinable!(comments -> drafts (draft_id));
diesel::joinable!(comments -> paragraphs (paragraph_id));
diesel::joinable!(comment_edits -> comments (comment_id));
diesel::joinable!(flags -> comments (comment_id));
diesel::joinable!(flags -> users (user_id));
diesel::joinable!(follows -> users (user_id));
diesel::joinable!(follows -> drafts (draft_id));
diesel::joinable!(draft_translations -> drafts (draft_id));
diesel::joinable!(paragraph_translations -> draft_translations (translation_id));
diesel::joinable!(paragraph_translations -> paragraphs (paragraph_id));

diesel::allow_tables_to_appear_in_same_query!(
    settings,
    users,
    account_tokens,
    login_failures,
    outbox,
    audit_log,
    consultations,
    drafts,
    paragraphs,
    comments,
    comment_edits,
    flags,
    follows,
    paragraph_links,
    recovery_codes,
    events,
    digest_items,
    moderator_alerts,
    comment_counts,
    read_epoch,
    security_events,
    draft_translations,
    paragraph_translations
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
