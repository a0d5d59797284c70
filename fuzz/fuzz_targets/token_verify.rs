//! Bearer token decoding (`plenary::auth::token::Keys::verify`): whatever arrives in an
//! Authorization header, verification answers without panicking, and nothing but a
//! token signed with our key (HS256, our issuer and audience, unexpired) is accepted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::auth::token::Keys;

const SECRET: &[u8] = b"fuzzing key, 32 bytes or longer!";

fuzz_target!(|data: &[u8]| {
    let keys = Keys::new(SECRET);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Arbitrary text, and the same text as the payload of a token with a real header:
    // the signature is wrong, so neither may verify.
    assert!(
        keys.verify(text).is_none(),
        "an unsigned input verified: {text:?}"
    );
    let header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"; // {"alg":"HS256","typ":"JWT"}
    let forged = format!("{header}.{text}.c2lnbmF0dXJl");
    assert!(keys.verify(&forged).is_none());
    let none = format!("eyJhbGciOiJub25lIn0.{text}.");
    assert!(keys.verify(&none).is_none(), "alg none accepted");

    // A genuine token still verifies, and one changed in the middle does not.
    let (token, _) = keys.issue(42, "participant", 1).unwrap();
    assert!(keys.verify(&token).is_some());
    if let Some(&b) = data.first() {
        let mut bytes = token.into_bytes();
        let i = usize::from(b) % bytes.len();
        // Only flips inside the header or payload: base64url's last character of the
        // signature may carry ignored bits.
        if i < bytes.iter().rposition(|c| *c == b'.').unwrap_or(0) && bytes[i] != b'.' {
            bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
            let changed = String::from_utf8(bytes).unwrap();
            assert!(keys.verify(&changed).is_none(), "a changed token verified");
        }
    }
});
