//! The writable fields of a product or service and their validation.

use domain::InvalidValue;
use domain::language::LocalizedText;
use domain::product::{
    MAX_DESCRIPTION, MAX_KEYWORDS, MAX_NAME, NewProduct, ProductKind, image_url, keyword,
};
use persistence::products::Product;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ProductKindDto;
use crate::error::ApiError;
use crate::openapi::merge_patch::merge_patch_schema;
use crate::routes::companies::corrupt;
use crate::routes::companies::input::{DescriptionInput, Errors, industries, optional_text};

/// A product or service as a company's members write it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductInput {
    pub kind: ProductKindDto,
    /// The name per language (at least one; up to 200 characters each).
    pub name: DescriptionInput,
    /// Up to 5,000 characters per language.
    pub description: Option<DescriptionInput>,
    /// NACE Rev. 2 classes (`25.62`).
    #[serde(default)]
    #[schema(example = json!(["25.62"]), max_items = 20)]
    pub industries: Vec<String>,
    /// Free keywords, up to 30 of up to 60 characters.
    #[serde(default)]
    #[schema(example = json!(["CNC", "5-Achs", "Aluminium"]), max_items = 30)]
    pub keywords: Vec<String>,
    /// An `http` or `https` address of a picture.
    #[schema(max_length = 500)]
    pub image_url: Option<String>,
}

merge_patch_schema!(
    /// The body of `PATCH /v1/products/{id}`.
    ProductPatch of ProductInput
);

fn texts(
    errors: &mut Errors,
    pointer: &str,
    raw: Option<&DescriptionInput>,
    max: usize,
) -> LocalizedText {
    let mut one = |language: &str, value: Option<&String>| {
        errors
            .optional(
                &format!("{pointer}/{language}"),
                value.map(String::as_str),
                optional_text(max),
            )
            .flatten()
    };
    LocalizedText {
        de: one("de", raw.and_then(|r| r.de.as_ref())),
        cs: one("cs", raw.and_then(|r| r.cs.as_ref())),
        en: one("en", raw.and_then(|r| r.en.as_ref())),
    }
}

/// Keywords, at most [`MAX_KEYWORDS`], each once.
pub(crate) fn keywords(errors: &mut Errors, pointer: &str, raw: &[String]) -> Vec<String> {
    let mut keywords: Vec<String> = Vec::new();
    if raw.len() > MAX_KEYWORDS {
        errors.check::<()>(
            pointer,
            Err(InvalidValue::new(
                "too_many_items",
                format!("at most {MAX_KEYWORDS} items"),
            )),
        );
        return keywords;
    }
    for (i, raw) in raw.iter().enumerate() {
        if let Some(word) = errors.check(&format!("{pointer}/{i}"), keyword(raw))
            && !keywords.contains(&word)
        {
            keywords.push(word);
        }
    }
    keywords
}

impl ProductInput {
    /// Validates every field, naming each invalid one by JSON pointer.
    pub fn validate(self) -> Result<NewProduct, ApiError> {
        let mut errors = Errors::default();
        let name = texts(&mut errors, "/name", Some(&self.name), MAX_NAME);
        if name == LocalizedText::default() && errors.0.is_empty() {
            errors.check::<()>(
                "/name",
                Err(InvalidValue::new(
                    "required",
                    "a name in at least one of de, cs, en is required",
                )),
            );
        }
        let description = texts(
            &mut errors,
            "/description",
            self.description.as_ref(),
            MAX_DESCRIPTION,
        );
        let nace = industries(&mut errors, "/industries", &self.industries, &[]);
        let keywords = keywords(&mut errors, "/keywords", &self.keywords);
        let image = errors.optional("/image_url", self.image_url.as_deref(), image_url);
        if !errors.0.is_empty() {
            return Err(ApiError::InvalidBody(errors.0));
        }
        Ok(NewProduct {
            kind: self.kind.into(),
            name,
            description,
            nace,
            keywords,
            image_url: image,
        })
    }
}

impl TryFrom<&Product> for ProductInput {
    type Error = ApiError;

    /// The stored product in the shape members write, for merging a patch into.
    fn try_from(product: &Product) -> Result<Self, ApiError> {
        let row = &product.row;
        let kind = ProductKind::parse(&row.kind).map_err(|_| corrupt("kind", &row.kind))?;
        Ok(ProductInput {
            kind: kind.into(),
            name: DescriptionInput {
                de: row.name_de.clone(),
                cs: row.name_cs.clone(),
                en: row.name_en.clone(),
            },
            description: Some(DescriptionInput {
                de: row.description_de.clone(),
                cs: row.description_cs.clone(),
                en: row.description_en.clone(),
            }),
            industries: product.nace.clone(),
            keywords: row.keyword_list().map(str::to_owned).collect(),
            image_url: row.image_url.clone(),
        })
    }
}
