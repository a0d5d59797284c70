//! The message catalogue: every text a person reads comes from here, by key, so that
//! adding a language is a translation. English is the only language so far.

/// The English text for `key`; an unknown key is returned as itself, visibly.
pub fn t(key: &'static str) -> &'static str {
    match key {
        // Site
        "site.name" => "Plenary",
        "site.tagline" => "Multistakeholder consultations, paragraph by paragraph",
        "site.skip" => "Skip to main content",
        "nav.consultations" => "Consultations",
        "nav.me" => "My account",
        "nav.moderation" => "Moderation",
        "nav.admin" => "Administration",
        "nav.login" => "Sign in",
        "nav.register" => "Create an account",
        "nav.logout" => "Sign out",
        "nav.main" => "Main navigation",
        "footer.text" => "Plenary — open consultations for the WSIS+20 review and beyond.",
        // Stakeholder groups
        "group.government" => "Government",
        "group.private_sector" => "Private sector",
        "group.civil_society" => "Civil society",
        "group.academia" => "Academia",
        "group.technical_community" => "Technical community",
        "group.international_organization" => "International organization",
        // Roles
        "role.participant" => "Participant",
        "role.moderator" => "Moderator",
        "role.admin" => "Administrator",
        // Notification modes
        "mode.immediate" => "Immediately, one email per event",
        "mode.daily_digest" => "One daily digest",
        "mode.off" => "No notifications",
        // Account forms
        "field.email" => "Email address",
        "field.password" => "Password",
        "field.password.hint" => "At least 10 characters. A long phrase is easier to remember and harder to guess.",
        "field.new_password" => "New password",
        "field.current_password" => "Current password",
        "field.display_name" => "Your name as others will see it",
        "field.stakeholder_group" => "Stakeholder group",
        "field.organization" => "Organization (optional)",
        "field.country" => "Country (optional, two-letter ISO code such as KE)",
        "field.notification_mode" => "Email notifications",
        "register.title" => "Create an account",
        "register.lead" => "Comment on drafts, propose amendments and follow the discussion. We will send you an email to confirm your address.",
        "register.submit" => "Create account",
        "register.have_account" => "Already have an account?",
        "register.done" => "Your account is created. We have sent you an email: follow its link to confirm your address, then sign in.",
        "login.title" => "Sign in",
        "login.submit" => "Sign in",
        "login.failed" => "The email address or password is not correct.",
        "login.suspended" => "This account is suspended. Contact the secretariat if you think this is a mistake.",
        "login.forgot" => "Forgotten your password?",
        "login.no_account" => "No account yet?",
        "logout.title" => "Sign out",
        "logout.lead" => "Sign out of Plenary on this browser.",
        "logout.done" => "You are signed out.",
        "verify.title" => "Confirm your email address",
        "verify.lead" => "Confirm your address to comment on drafts.",
        "verify.submit" => "Confirm my address",
        "verify.done" => "Your email address is confirmed. You can now take part.",
        "verify.bad" => "This confirmation link is not valid or has expired.",
        "reset.title" => "Reset your password",
        "reset.lead" => "Enter the address of your account. If an account exists, we send it a link that works for one hour.",
        "reset.submit" => "Send the link",
        "reset.sent" => "If an account exists for this address, an email with a reset link is on its way.",
        "reset.choose" => "Choose a new password",
        "reset.confirm" => "Set the new password",
        "reset.done" => "Your password is changed. Sign in with the new one.",
        "reset.bad" => "This reset link is not valid, was already used, or has expired.",
        "me.title" => "My account",
        "me.profile" => "Profile",
        "me.save" => "Save",
        "me.saved" => "Your changes are saved.",
        "me.password" => "Change password",
        "me.password.done" => "Your password is changed. Other browsers and devices have been signed out.",
        "me.unverified" => "Your email address is not confirmed yet. Follow the link in the email we sent you.",
        "me.verified_affiliation" => "Affiliation verified by the secretariat",
        "me.unverified_affiliation" => "Affiliation not verified",
        "me.signout_everywhere" => "Sign out everywhere",
        "form.errors" => "Please correct the fields marked below.",
        "form.csrf" => "This form has expired. Please try again.",
        "error.title" => "Something went wrong",
        "error.not_found" => "Page not found",
        "error.forbidden" => "You may not do this",
        "error.unauthorized" => "Please sign in",
        "error.rate_limited" => "Too many attempts. Please wait a few minutes and try again.",
        "error.internal" => "An unexpected error occurred. Please try again later.",
        // Emails
        "email.verify.subject" => "Confirm your email address for Plenary",
        "email.verify.body" => "Welcome to Plenary. Please confirm your email address by opening this link:",
        "email.reset.subject" => "Reset your Plenary password",
        "email.reset.body" => "Someone asked to reset the password of your Plenary account. If it was you, open this link within one hour:",
        "email.reset.ignore" => "If you did not ask for this, ignore this email: your password stays as it is.",
        _ => key,
    }
}

/// The display name of a stakeholder group from its API value.
pub fn group(value: &str) -> &'static str {
    match value {
        "government" => t("group.government"),
        "private_sector" => t("group.private_sector"),
        "civil_society" => t("group.civil_society"),
        "academia" => t("group.academia"),
        "technical_community" => t("group.technical_community"),
        "international_organization" => t("group.international_organization"),
        _ => "—",
    }
}

/// The display name of a role from its API value.
pub fn role(value: &str) -> &'static str {
    match value {
        "moderator" => t("role.moderator"),
        "admin" => t("role.admin"),
        _ => t("role.participant"),
    }
}
