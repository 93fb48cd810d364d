//! The writable fields of a company: the body of `POST /v1/companies`, the state a
//! `PATCH` merges into, and the validation that turns them into a storable profile.

use chrono::{NaiveDate, Utc};
use domain::InvalidValue;
use domain::account::{Email, person_name};
use domain::company::{
    self, Address, CompanyName, CompanyStatus, ContactPerson as Contact, NewCompany, Phone,
    RegisterId, Website, bounded_list, founding_date, nace_class, text,
};
use domain::country::Country;
use domain::language::{LocalizedText, SpokenLanguage};
use domain::reference::NaceCode;
use domain::register::{GermanRegisterEntry, Ico, VatId};
use persistence::companies::Company;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{CompanyKindDto, CompanyStatusDto, SizeClassDto, corrupt};
use crate::error::{ApiError, FieldError};
use crate::openapi::merge_patch::merge_patch_schema;
use crate::routes::reference::CountryDto;

/// A company or institution as its members write it. Everything else (id, verification,
/// version, timestamps, region and coordinates) is the platform's and cannot be sent.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyInput {
    pub kind: CompanyKindDto,
    #[schema(example = "Pila Dvořák s.r.o.", max_length = 300)]
    pub name: String,
    /// A code of `/v1/reference/legal-forms` of the company's country.
    #[schema(example = "cz_sro", max_length = 50)]
    pub legal_form: Option<String>,
    pub identifiers: Option<IdentifiersInput>,
    pub address: AddressInput,
    /// NACE Rev. 2 classes (`16.10`), the primary activity first.
    #[serde(default)]
    #[schema(example = json!(["16.10", "46.73"]), max_items = 20)]
    pub industries: Vec<String>,
    pub size_class: Option<SizeClassDto>,
    pub founded_on: Option<NaiveDate>,
    /// An `http` or `https` address.
    #[schema(example = "https://www.pila-dvorak.cz", max_length = 500)]
    pub website: Option<String>,
    #[schema(format = Email, max_length = 254)]
    pub email: Option<String>,
    /// Digits, spaces and `+-()/.`.
    #[schema(example = "+420 475 123 456", max_length = 40)]
    pub phone: Option<String>,
    pub description: Option<DescriptionInput>,
    /// ISO 639-1 codes of the languages the staff speaks.
    #[serde(default)]
    #[schema(example = json!(["cs", "de"]), max_items = 20)]
    pub languages: Vec<String>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub contact_persons: Vec<ContactInput>,
    /// `draft` (the default) or `published`; only owners and administrators publish.
    pub status: Option<CompanyStatusDto>,
}

merge_patch_schema!(
    /// The body of `PATCH /v1/companies/{id}`.
    CompanyPatch of CompanyInput
);

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentifiersInput {
    /// Czech companies: the IČO (eight digits with a valid check digit). Give either an IČO or
    /// a German register entry, not both.
    #[schema(example = "26168685", max_length = 20)]
    pub ico: Option<String>,
    /// German companies: the register entry.
    pub register: Option<RegisterInput>,
    /// `DE` and 9 digits, or `CZ` and 8 to 10 digits, of the company's country.
    #[schema(example = "CZ26168685", max_length = 20)]
    pub vat_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterInput {
    #[schema(example = "Dresden", max_length = 100)]
    pub court: String,
    /// `HRA`, `HRB`, `GnR`, `PR` or `VR`.
    #[serde(rename = "type")]
    #[schema(example = "HRB", max_length = 10)]
    pub register_type: String,
    #[schema(example = "12345", max_length = 20)]
    pub number: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddressInput {
    #[schema(max_length = 200)]
    pub street: Option<String>,
    /// A postal code of the country, which must exist; region and coordinates are derived
    /// from it.
    #[schema(example = "400 01", max_length = 16)]
    pub postal_code: Option<String>,
    #[schema(max_length = 100)]
    pub city: Option<String>,
    pub country: CountryDto,
}

/// A text per language; any may be left out or `null`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = LocalizedTextInput)]
pub struct DescriptionInput {
    #[schema(max_length = 5000)]
    pub de: Option<String>,
    #[schema(max_length = 5000)]
    pub cs: Option<String>,
    #[schema(max_length = 5000)]
    pub en: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    #[schema(value_type = crate::openapi::enums::PersonName)]
    pub name: String,
    #[schema(max_length = 100)]
    pub role: Option<String>,
    #[schema(format = Email, max_length = 254)]
    pub email: Option<String>,
    /// Digits, spaces and `+-()/.`.
    #[schema(max_length = 40)]
    pub phone: Option<String>,
    /// ISO 639-1 codes.
    #[serde(default)]
    #[schema(max_items = 20)]
    pub languages: Vec<String>,
}

/// Collects every invalid field of a body, so one response names them all.
#[derive(Default)]
pub(crate) struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn check<T>(&mut self, pointer: &str, result: Result<T, InvalidValue>) -> Option<T> {
        result
            .map_err(|e| self.0.push(FieldError::pointer(pointer, e.code, e.message)))
            .ok()
    }

    pub fn optional<T>(
        &mut self,
        pointer: &str,
        raw: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, InvalidValue>,
    ) -> Option<T> {
        raw.and_then(|raw| self.check(pointer, parse(raw)))
    }

    pub fn bounded<T>(&mut self, pointer: &str, items: &[T]) -> bool {
        self.check(pointer, bounded_list(items)).is_some()
    }
}

impl AddressInput {
    /// The address with the region and coordinates of its postal code; errors are named
    /// under `pointer`.
    pub(crate) fn locate(self, errors: &mut Errors, pointer: &str) -> Option<Address> {
        let street = errors.optional(
            &format!("{pointer}/street"),
            self.street.as_deref(),
            optional_text(company::MAX_STREET),
        );
        let city = errors.optional(
            &format!("{pointer}/city"),
            self.city.as_deref(),
            optional_text(company::MAX_CITY),
        );
        errors.check(
            &format!("{pointer}/postal_code"),
            Address::locate(
                Country::from(self.country),
                street.flatten(),
                self.postal_code,
                city.flatten(),
            ),
        )
    }
}

pub(crate) fn optional_text(max: usize) -> impl Fn(&str) -> Result<Option<String>, InvalidValue> {
    move |raw| text(raw, max)
}

/// NACE classes, each valid and listed once; the first is the primary one. Codes of other levels
/// are accepted only when `kept` lists them: registers record groups and divisions, and a
/// profile imported with them stays editable without its members having to refine them first.
pub(crate) fn industries(
    errors: &mut Errors,
    pointer: &str,
    raw: &[String],
    kept: &[String],
) -> Vec<NaceCode> {
    let mut nace = Vec::new();
    if errors.bounded(pointer, raw) {
        for (i, raw) in raw.iter().enumerate() {
            let at = format!("{pointer}/{i}");
            let code = if kept.contains(raw) {
                NaceCode::parse(raw)
            } else {
                nace_class(raw)
            };
            if let Some(code) = errors.check(&at, code) {
                if nace.contains(&code) {
                    errors.check::<()>(
                        &at,
                        Err(InvalidValue::new(
                            "duplicate",
                            format!("'{raw}' is listed twice"),
                        )),
                    );
                } else {
                    nace.push(code);
                }
            }
        }
    }
    nace
}

fn languages(errors: &mut Errors, pointer: &str, raw: &[String]) -> Vec<SpokenLanguage> {
    if !errors.bounded(pointer, raw) {
        return Vec::new();
    }
    let mut list: Vec<SpokenLanguage> = raw
        .iter()
        .enumerate()
        .filter_map(|(i, l)| errors.check(&format!("{pointer}/{i}"), SpokenLanguage::parse(l)))
        .collect();
    list.sort();
    list.dedup();
    list
}

impl CompanyInput {
    /// Validates every field, naming each invalid one by JSON pointer, and builds the profile.
    /// `verified` is carried over: members cannot change it. `kept_industries` are the codes the
    /// profile has now, which may stay even where they are not classes.
    pub fn validate(
        self,
        verified: bool,
        kept_industries: &[String],
    ) -> Result<NewCompany, ApiError> {
        let mut errors = Errors::default();
        let country = Country::from(self.address.country);
        let name = errors.check("/name", CompanyName::parse(&self.name));
        let legal_form = errors.optional("/legal_form", self.legal_form.as_deref(), |raw| {
            company::legal_form(raw, country)
        });
        let identifiers = self.identifiers.unwrap_or(IdentifiersInput {
            ico: None,
            register: None,
            vat_id: None,
        });
        let register_id = match (identifiers.ico.as_deref(), &identifiers.register) {
            (Some(_), Some(_)) => errors.check(
                "/identifiers",
                Err(InvalidValue::new(
                    "ambiguous_identifiers",
                    "give either an IČO or a German register entry, not both",
                )),
            ),
            (Some(ico), None) if country == Country::Czechia => errors
                .check("/identifiers/ico", Ico::parse(ico))
                .map(RegisterId::Ico),
            (None, Some(entry)) if country == Country::Germany => errors
                .check(
                    "/identifiers/register",
                    GermanRegisterEntry::parse(&entry.court, &entry.register_type, &entry.number),
                )
                .map(RegisterId::German),
            (Some(_), None) | (None, Some(_)) => errors.check(
                "/identifiers",
                Err(InvalidValue::new(
                    "identifier_of_other_country",
                    "Czech companies have an IČO, German ones a register entry",
                )),
            ),
            (None, None) => None,
        };
        let vat_id = errors.optional(
            "/identifiers/vat_id",
            identifiers.vat_id.as_deref(),
            |raw| {
                let vat = VatId::parse(raw)?;
                if vat.country() == country {
                    Ok(vat)
                } else {
                    Err(InvalidValue::new(
                        "vat_id_of_other_country",
                        format!("'{raw}' is not a VAT id of {}", country.as_str()),
                    ))
                }
            },
        );
        let address = self.address.locate(&mut errors, "/address");
        let nace = industries(
            &mut errors,
            "/industries",
            &self.industries,
            kept_industries,
        );
        let founded = self.founded_on.and_then(|date| {
            errors.check("/founded_on", founding_date(date, Utc::now().date_naive()))
        });
        let site = errors.optional("/website", self.website.as_deref(), Website::parse);
        let email = errors.optional("/email", self.email.as_deref(), Email::parse);
        let phone_number = errors
            .optional("/phone", self.phone.as_deref(), Phone::parse)
            .flatten();
        let description = self.description.unwrap_or_default();
        let describe = |errors: &mut Errors, language: &str, raw: Option<&str>| {
            errors
                .optional(
                    &format!("/description/{language}"),
                    raw,
                    optional_text(company::MAX_DESCRIPTION),
                )
                .flatten()
        };
        let description = LocalizedText {
            de: describe(&mut errors, "de", description.de.as_deref()),
            cs: describe(&mut errors, "cs", description.cs.as_deref()),
            en: describe(&mut errors, "en", description.en.as_deref()),
        };
        let spoken = languages(&mut errors, "/languages", &self.languages);
        let mut contacts = Vec::new();
        if errors.bounded("/contact_persons", &self.contact_persons) {
            for (i, contact) in self.contact_persons.iter().enumerate() {
                let at = |field: &str| format!("/contact_persons/{i}/{field}");
                let name = errors.check(&at("name"), person_name(&contact.name));
                let role = errors.optional(
                    &at("role"),
                    contact.role.as_deref(),
                    optional_text(company::MAX_ROLE),
                );
                let email = errors.optional(&at("email"), contact.email.as_deref(), Email::parse);
                let phone_number =
                    errors.optional(&at("phone"), contact.phone.as_deref(), Phone::parse);
                let spoken = languages(&mut errors, &at("languages"), &contact.languages);
                if let Some(name) = name {
                    contacts.push(Contact {
                        name,
                        role: role.flatten(),
                        email,
                        phone: phone_number.flatten(),
                        languages: spoken,
                    });
                }
            }
        }
        let (Some(name), Some(address), true) = (name, address, errors.0.is_empty()) else {
            return Err(ApiError::InvalidBody(errors.0));
        };
        Ok(NewCompany {
            kind: self.kind.into(),
            name,
            legal_form,
            register_id,
            vat_id,
            address,
            nace,
            size_class: self.size_class.map(Into::into),
            founded_on: founded,
            website: site,
            email,
            phone: phone_number,
            description,
            languages: spoken,
            contacts,
            products: Vec::new(),
            status: self.status.map_or(CompanyStatus::Draft, Into::into),
            verified,
        })
    }
}

impl TryFrom<&Company> for CompanyInput {
    type Error = ApiError;

    /// The stored profile in the shape members write, for merging a patch into.
    fn try_from(company: &Company) -> Result<Self, ApiError> {
        let row = &company.row;
        let kind = domain::company::CompanyKind::parse(&row.kind)
            .map_err(|_| corrupt("kind", &row.kind))?;
        let country: Country = row
            .country
            .parse()
            .map_err(|_| corrupt("country", &row.country))?;
        let size_class = row
            .size_class
            .as_deref()
            .map(|s| domain::company::SizeClass::parse(s).map_err(|_| corrupt("size_class", s)))
            .transpose()?;
        let status =
            CompanyStatus::parse(&row.status).map_err(|_| corrupt("status", &row.status))?;
        let register = match (
            &row.register_court,
            &row.register_type,
            &row.register_number,
        ) {
            (Some(court), Some(register_type), Some(number)) => Some(RegisterInput {
                court: court.clone(),
                register_type: register_type.clone(),
                number: number.clone(),
            }),
            _ => None,
        };
        Ok(CompanyInput {
            kind: kind.into(),
            name: row.name.clone(),
            legal_form: row.legal_form.clone(),
            identifiers: Some(IdentifiersInput {
                ico: row.ico.clone(),
                register,
                vat_id: row.vat_id.clone(),
            }),
            address: AddressInput {
                street: row.street.clone(),
                postal_code: row.postal_code.clone(),
                city: row.city.clone(),
                country: country.into(),
            },
            industries: company.nace.iter().map(|n| n.nace_code.clone()).collect(),
            size_class: size_class.map(Into::into),
            founded_on: row.founded_on,
            website: row.website.clone(),
            email: row.email.clone(),
            phone: row.phone.clone(),
            description: Some(DescriptionInput {
                de: row.description_de.clone(),
                cs: row.description_cs.clone(),
                en: row.description_en.clone(),
            }),
            languages: company.languages.clone(),
            contact_persons: company
                .contacts
                .iter()
                .map(|c| ContactInput {
                    name: c.name.clone(),
                    role: c.role.clone(),
                    email: c.email.clone(),
                    phone: c.phone.clone(),
                    languages: c.language_codes().map(str::to_owned).collect(),
                })
                .collect(),
            status: Some(status.into()),
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;
    use utoipa::PartialSchema;

    use super::*;

    fn schema<T: PartialSchema>() -> Value {
        serde_json::to_value(T::schema()).expect("a schema")
    }

    /// The document states the domain's rules; this keeps the two the same.
    #[test]
    fn schema_bounds_are_the_domain_rules() {
        let input = &schema::<CompanyInput>()["properties"];
        assert_eq!(input["name"]["maxLength"], company::MAX_NAME);
        assert_eq!(input["phone"]["maxLength"], company::MAX_PHONE);
        for list in ["industries", "languages", "contact_persons"] {
            assert_eq!(input[list]["maxItems"], company::MAX_LIST_ITEMS, "{list}");
        }
        let address = &schema::<AddressInput>()["properties"];
        assert_eq!(address["street"]["maxLength"], company::MAX_STREET);
        assert_eq!(address["city"]["maxLength"], company::MAX_CITY);
        let text = &schema::<DescriptionInput>()["properties"];
        for language in ["de", "cs", "en"] {
            assert_eq!(text[language]["maxLength"], company::MAX_DESCRIPTION);
        }
        let contact = &schema::<ContactInput>()["properties"];
        assert_eq!(contact["role"]["maxLength"], company::MAX_ROLE);
        assert_eq!(contact["phone"]["maxLength"], company::MAX_PHONE);
        assert_eq!(contact["languages"]["maxItems"], company::MAX_LIST_ITEMS);
    }
}
