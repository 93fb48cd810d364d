//! Products and services: listed per company, searchable across the directory, edited by the
//! company's members.

pub mod input;

use actix_web::http::header::EntityTag;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, Utc};
use domain::product::ProductKind;
use domain::reference::Catalog;
use persistence::audit::Actor;
use persistence::products::{self as store, Product};
use search_index::{SearchIndex, Target};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use self::input::{ProductInput, ProductPatch};
use super::companies::{corrupt, not_found as company_not_found};
use super::labels::{IndustryRef, LocalizedTextDto};
use super::search::{FilterParams, Search, SearchPage, SearchParams};
use crate::auth::Caller;
use crate::body::{self, Json};
use crate::conditional::{self, IfMatchHeader, IfNoneMatchHeader, Precondition};
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::pagination::{self, Page, PageParams};
use crate::policy::{self, Action};
use crate::query;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ProductKind)]
pub enum ProductKindDto {
    Product,
    Service,
}

mirror_enum!(ProductKindDto, ProductKind { Product, Service });

/// The organisation offering a product.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductCompany {
    pub id: String,
    pub name: String,
}

/// A product or service a company offers.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Product)]
pub struct ProductDto {
    pub id: String,
    pub company: ProductCompany,
    pub kind: ProductKindDto,
    pub name: LocalizedTextDto,
    pub description: LocalizedTextDto,
    pub industries: Vec<IndustryRef>,
    pub keywords: Vec<String>,
    pub image_url: Option<String>,
    /// Increases with every change; the ETag is derived from it.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// In searches with `near` or `near_postal_code`: the distance of the company in km
    /// (absent when its location is unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
}

impl ProductDto {
    pub fn new(product: Product) -> Result<Self, ApiError> {
        let row = product.row;
        let kind = ProductKind::parse(&row.kind)
            .map_err(|_| corrupt("kind", &row.kind))?
            .into();
        let industries = IndustryRef::all(product.nace.iter().map(String::as_str))?;
        Ok(Self {
            keywords: row.keyword_list().map(str::to_owned).collect(),
            id: row.id,
            company: ProductCompany {
                id: row.company_id,
                name: product.company_name,
            },
            kind,
            name: domain::language::LocalizedText {
                de: row.name_de,
                cs: row.name_cs,
                en: row.name_en,
            }
            .into(),
            description: domain::language::LocalizedText {
                de: row.description_de,
                cs: row.description_cs,
                en: row.description_en,
            }
            .into(),
            industries,
            image_url: row.image_url,
            version: row.version,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
            distance_km: None,
        })
    }
}

fn not_found(id: &str) -> ApiError {
    ApiError::no_such("product", id)
}

/// The product's entity tag: its version and the reference data (labels are in the body).
fn etag(product: &Product) -> EntityTag {
    EntityTag::new_strong(format!(
        "{}.{}",
        product.row.version,
        &Catalog::get().fingerprint()[..8]
    ))
}

fn respond(req: &HttpRequest, product: Product) -> Result<HttpResponse, ApiError> {
    let etag = etag(&product);
    let dto = ProductDto::new(product)?;
    Ok(conditional::respond(req, etag, |mut response| {
        response.json(dto)
    }))
}

/// Search products and services
///
/// Full-text search over the products and services of published companies — their names,
/// texts, keywords and industries and the company's name and place, in German, Czech and
/// English — with the same parameters as the company directory (`kind` is `product` or
/// `service`; `has_products` does not apply).
#[utoipa::path(
    operation_id = "listProducts",
    tag = "products",
    params(FilterParams, SearchParams),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "A page of matching products, with facets", body = SearchPage<ProductDto>, headers(("Link" = String, description = "`<...>; rel=\"next\"` while there are more pages"))),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable, or the search index is being built", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/products")]
pub async fn list(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let search = Search::parse(&req, Target::Products, |raw| {
        ProductKind::parse(raw).map(ProductKind::as_str)
    })?;
    search
        .respond(
            &req,
            &db,
            &index,
            store::by_ids,
            |p| &p.row.id,
            |product, distance_km| {
                Ok(ProductDto {
                    distance_km,
                    ..ProductDto::new(product)?
                })
            },
        )
        .await
}

/// A company's products and services
///
/// In the order they were added. Visible like the company: a draft's products only to its
/// members and administrators.
#[utoipa::path(
    operation_id = "listCompanyProducts",
    tag = "products",
    params(("id" = String, Path, description = "The company's id"), PageParams),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "A page of the company's products", body = Page<ProductDto>),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}/products")]
pub async fn of_company(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let params: PageParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let after = pagination::id_cursor(params.cursor.as_deref())?;
    let id = id.into_inner();
    let products = db
        .run(move |conn| {
            let company =
                persistence::companies::find(conn, &id)?.ok_or_else(|| company_not_found(&id))?;
            if !policy::can_see(conn, &caller, &id, &company.row.status)? {
                return Err(company_not_found(&id));
            }
            Ok(store::of_company(conn, &id, after.as_deref(), limit + 1)?)
        })
        .await?;
    pagination::respond_by_id(&req, products, limit, |p| &p.row.id, ProductDto::new)
}

/// Add a product or service
///
/// For the company's owners, editors and administrators. Searchable at once.
#[utoipa::path(
    operation_id = "createProduct",
    tag = "products",
    params(("id" = String, Path, description = "The company's id")),
    request_body = ProductInput,
    security(("user_token" = [])),
    responses(
        (status = 201, description = "The created product", body = ProductDto, headers(("Location" = String), ("ETag" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the company, or an API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 1 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/companies/{id}/products")]
pub async fn create(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<ProductInput>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let new = body.0.validate()?;
    let company_id = id.into_inner();
    let product = db
        .run(move |conn| {
            policy::authorise(conn, &user, &company_id, Action::ManageProducts)?;
            let id = store::create(conn, &company_id, &new, Actor::User(&user.id))?;
            Ok(store::find(conn, &id)?.ok_or_else(|| not_found(&id))?.0)
        })
        .await?;
    let location = format!("/v1/products/{}", product.row.id);
    conditional::created(respond(&req, product)?, &location)
}

/// Get a product or service
///
/// Visible like its company. Carries an `ETag` for `If-None-Match` and `If-Match`.
#[utoipa::path(
    operation_id = "getProduct",
    tag = "products",
    params(("id" = String, Path, description = "The product's id"), IfNoneMatchHeader),
    security((), ("user_token" = []), ("api_key" = ["read"])),
    responses(
        (status = 200, description = "The product", body = ProductDto, headers(("ETag" = String))),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 401, description = "The access token or API key is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The API key lacks the `read` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/products/{id}")]
pub async fn get(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.require_read()?;
    let id = id.into_inner();
    let product = db
        .run(move |conn| match store::find(conn, &id)? {
            Some((product, status))
                if policy::can_see(conn, &caller, &product.row.company_id, &status)? =>
            {
                Ok(product)
            }
            _ => Err(not_found(&id)),
        })
        .await?;
    respond(&req, product)
}

/// Loads a product for a change by a member of its company (404 when the caller may not see it).
fn load_product_for_change(
    conn: &mut persistence::DbConn,
    user: &crate::auth::UserCaller,
    id: &str,
) -> Result<Product, ApiError> {
    let (product, _) = store::find(conn, id)?.ok_or_else(|| not_found(id))?;
    policy::authorise(conn, user, &product.row.company_id, Action::ManageProducts).map_err(
        |e| match e {
            ApiError::NotFound(_) => not_found(id),
            other => other,
        },
    )?;
    Ok(product)
}

/// Change a product or service
///
/// A JSON merge patch (RFC 7396) of `ProductInput`. For the company's owners, editors and
/// administrators. Send the `ETag` in `If-Match` to avoid overwriting someone else's change
/// (else 412).
#[utoipa::path(
    operation_id = "updateProduct",
    tag = "products",
    params(("id" = String, Path, description = "The product's id"), IfMatchHeader),
    request_body(content(
        (ProductPatch = "application/merge-patch+json"),
        (ProductPatch = "application/json"),
    )),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The updated product", body = ProductDto, headers(("ETag" = String))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the company", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The product changed since the ETag in If-Match", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/products/{id}")]
pub async fn update(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<Value>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let patch = body.0;
    let precondition = Precondition::of(&req);
    let id = id.into_inner();
    let product = db
        .run(move |conn| {
            let product = load_product_for_change(conn, &user, &id)?;
            let current = serde_json::to_value(ProductInput::try_from(&product)?)
                .map_err(ApiError::internal)?;
            let mut merged = current.clone();
            body::merge_patch(&mut merged, patch);
            let unchanged = merged == current;
            let new = body::from_merged::<ProductInput>(merged)?.validate()?;
            // Checked last: an invalid patch is a 400 or 422 whatever version it names.
            if !precondition.allows(product.row.version) {
                return Err(ApiError::PreconditionFailed);
            }
            if unchanged {
                return Ok(product);
            }
            let version = product.row.version;
            if !store::update(conn, &product.row, version, &new, Actor::User(&user.id))? {
                return Err(ApiError::PreconditionFailed);
            }
            Ok(store::find(conn, &id)?.ok_or_else(|| not_found(&id))?.0)
        })
        .await?;
    respond(&req, product)
}

/// Delete a product or service
///
/// For the company's owners, editors and administrators. Honours `If-Match`.
#[utoipa::path(
    operation_id = "deleteProduct",
    tag = "products",
    params(("id" = String, Path, description = "The product's id"), IfMatchHeader),
    security(("user_token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the company", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No product with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The product changed since the ETag in If-Match", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/products/{id}")]
pub async fn remove(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let precondition = Precondition::of(&req);
    let id = id.into_inner();
    db.run(move |conn| {
        let product = load_product_for_change(conn, &user, &id)?;
        if !precondition.allows(product.row.version) {
            return Err(ApiError::PreconditionFailed);
        }
        let expected = Some(product.row.version);
        if store::delete(conn, &product.row, expected, Actor::User(&user.id))? {
            Ok(())
        } else {
            Err(ApiError::PreconditionFailed)
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
