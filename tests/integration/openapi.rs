//! The OpenAPI document (SPEC §4): served at `/api/openapi.json`, OpenAPI 3, and naming
//! exactly the routes `src/api/mod.rs` registers, so that a new route without an
//! annotation fails here. `scripts/schemathesis.sh` checks the answers against it.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::access::registered_routes;
use crate::helpers::*;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

async fn fetch_document(app: &TestApp) -> Value {
    let res = app
        .client
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    assert!(header("content-type").starts_with("application/json"));
    assert!(header("cache-control").contains("public"));
    res.json().await.unwrap()
}

/// Every `$ref` in `v`, as written.
fn refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r.clone()),
                    _ => refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[actix_web::test]
async fn the_openapi_document_describes_every_api_route_and_nothing_else() {
    let app = spawn_app().await;

    let doc = fetch_document(&app).await;

    assert!(
        doc["openapi"]
            .as_str()
            .unwrap_or_default()
            .starts_with("3."),
        "not OpenAPI 3: {}",
        doc["openapi"]
    );
    assert_eq!(doc["info"]["title"], "Plenary API");
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            METHODS
                .into_iter()
                .filter(|m| item.get(*m).is_some())
                .map(|m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    let registered: BTreeSet<(String, String)> =
        registered_routes(include_str!("../../src/api/mod.rs"))
            .into_iter()
            .map(|(m, p)| {
                let full = if p.starts_with("/api/") {
                    p
                } else {
                    format!("/api/v1{p}")
                };
                (m, full)
            })
            .collect();
    assert!(
        registered.len() > 30,
        "the route parser found {registered:?}"
    );
    let undocumented: Vec<_> = registered.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&registered).collect();
    assert!(
        undocumented.is_empty() && unrouted.is_empty(),
        "routes without #[utoipa::path] in ApiDoc: {undocumented:?}; \
         documented but not routed: {unrouted:?}"
    );
}

#[actix_web::test]
async fn the_openapi_document_says_ids_are_strings_and_how_to_authenticate() {
    let app = spawn_app().await;

    let doc = fetch_document(&app).await;

    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["Id"]["type"], "string");
    assert_eq!(
        schemas["UserDto"]["properties"]["id"]["$ref"],
        "#/components/schemas/Id"
    );
    let bearer = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!(bearer["type"], "http");
    assert_eq!(bearer["scheme"], "bearer");
    // An operation that needs a token says so; a public one does not.
    let me = &doc["paths"]["/api/v1/me"]["get"];
    assert_eq!(me["security"], serde_json::json!([{"bearer": []}]));
    assert!(me["responses"]["401"].is_object());
    assert!(doc["paths"]["/api/v1/consultations"]["get"]["security"].is_null());
    // Errors are problem+json.
    let invalid = &doc["components"]["responses"]["Invalid"];
    assert_eq!(
        invalid["content"]["application/problem+json"]["schema"]["$ref"],
        "#/components/schemas/Problem"
    );
    // Every reference resolves inside the document.
    let mut all = Vec::new();
    refs(&doc, &mut all);
    for r in all {
        let pointer = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external $ref {r}"));
        assert!(doc.pointer(pointer).is_some(), "dangling $ref {r}");
    }
}
