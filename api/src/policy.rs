//! Who may do what with an organisation and what belongs to it: the one place these permissions
//! are decided. Every resource asks here, and the table in `docs/security.md` is tested against
//! [`Action::ALL`] (`tests/authorisation.rs`), so the two cannot drift apart.
//!
//! Platform-wide rights (verifying, the glossary, claims, imports) belong to administrators and
//! are checked by [`crate::auth::Caller::admin`]; reading needs [`crate::auth::Caller::require_read`].

use domain::account::MemberRole;
use domain::company::{CompanyKind, CompanyStatus};
use domain::event::EventStatus;
use domain::partnership::Side;
use persistence::DbConn;
use persistence::companies::{self as store, Company};
use persistence::members;

use crate::auth::{Caller, KeyCaller, UserCaller};
use crate::error::ApiError;

/// How a signed-in user stands to an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Admin,
    Owner,
    Editor,
}

/// What members do with their organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    EditProfile,
    ChangeStatus,
    DeleteCompany,
    ListMembers,
    /// Adding and removing others; every member may leave.
    ManageMembers,
    ManageApiKeys,
    ReadHistory,
    ManageProducts,
    /// Creating and changing the organisation's events, reading their registrations.
    ManageEvents,
    /// Registering the organisation for events, reading and cancelling its registrations.
    RegisterForEvents,
    /// Publishing, changing and deleting the organisation's opportunities, reading its drafts.
    ManageOpportunities,
    /// Proposing partnerships in the organisation's name and answering proposals to it.
    Partner,
    /// Reading the partners and opportunities recommended to the organisation.
    ReadRecommendations,
}

const MEMBERS: &[Access] = &[Access::Owner, Access::Editor, Access::Admin];
const OWNERS: &[Access] = &[Access::Owner, Access::Admin];

impl Action {
    pub const ALL: [Action; 13] = [
        Action::EditProfile,
        Action::ChangeStatus,
        Action::DeleteCompany,
        Action::ListMembers,
        Action::ManageMembers,
        Action::ManageApiKeys,
        Action::ReadHistory,
        Action::ManageProducts,
        Action::ManageEvents,
        Action::RegisterForEvents,
        Action::ManageOpportunities,
        Action::Partner,
        Action::ReadRecommendations,
    ];

    /// The permission table.
    pub fn allowed(self) -> &'static [Access] {
        match self {
            Action::EditProfile
            | Action::ListMembers
            | Action::ManageApiKeys
            | Action::ReadHistory
            | Action::ManageProducts
            | Action::ManageEvents
            | Action::RegisterForEvents
            | Action::ManageOpportunities
            | Action::ReadRecommendations => MEMBERS,
            Action::Partner => &[Access::Owner, Access::Editor],
            Action::ChangeStatus | Action::DeleteCompany | Action::ManageMembers => OWNERS,
        }
    }

    /// The action's row in the table of `docs/security.md`.
    pub fn described(self) -> &'static str {
        match self {
            Action::EditProfile => "edit a company",
            Action::ChangeStatus => "change its status (publish)",
            Action::DeleteCompany => "delete it",
            Action::ListMembers => "list members",
            Action::ManageMembers => "add, remove members",
            Action::ManageApiKeys => "create, list, revoke API keys (verified multipliers)",
            Action::ReadHistory => "read the history",
            Action::ManageProducts => "add, change, delete products",
            Action::ManageEvents => "organise events, read their registrations (multipliers)",
            Action::RegisterForEvents => "register for events, read and cancel registrations",
            Action::ManageOpportunities => "publish, change, delete opportunities",
            Action::Partner => "propose partnerships, answer them, read their threads",
            Action::ReadRecommendations => "read recommended partners and opportunities",
        }
    }
}

/// A 403 unless `access` may do `action`, naming who may.
pub fn require(access: Access, action: Action) -> Result<(), ApiError> {
    if action.allowed().contains(&access) {
        return Ok(());
    }
    let allowed = action.allowed();
    let who = match (
        allowed.contains(&Access::Editor),
        allowed.contains(&Access::Admin),
    ) {
        (true, true) => "the organisation's members and administrators",
        (true, false) => "the organisation's members",
        (false, _) => "the organisation's owners and administrators",
    };
    Err(ApiError::Forbidden(format!("only {who} may do this")))
}

/// The company `id` and how `user` stands to it, for a change. Non-members get 403 for a
/// published profile and 404 for a draft, whose existence they must not learn.
pub fn organisation(
    conn: &mut DbConn,
    user: &UserCaller,
    id: &str,
) -> Result<(Company, Access), ApiError> {
    let company = store::find(conn, id)?.ok_or_else(|| ApiError::no_such("company", id))?;
    let role = members::role_of(conn, id, &user.id)?;
    let access = match role.as_deref().map(MemberRole::parse) {
        _ if user.is_admin => Access::Admin,
        Some(Ok(MemberRole::Owner)) => Access::Owner,
        Some(Ok(MemberRole::Editor)) => Access::Editor,
        _ if company.row.status == CompanyStatus::Published.as_str() => {
            return Err(ApiError::Forbidden(
                "only the organisation's members and administrators may do this".into(),
            ));
        }
        _ => return Err(ApiError::no_such("company", id)),
    };
    Ok((company, access))
}

/// [`organisation`], then [`require`] for `action`.
pub fn authorise(
    conn: &mut DbConn,
    user: &UserCaller,
    id: &str,
    action: Action,
) -> Result<(Company, Access), ApiError> {
    let (company, access) = organisation(conn, user, id)?;
    require(access, action)?;
    Ok((company, access))
}

/// Whether an organisation holds API keys: multiplier institutions an administrator has
/// verified. Their keys work only while they are.
pub fn holds_keys(kind: &str, verified: bool) -> bool {
    kind == CompanyKind::Multiplier.as_str() && verified
}

/// Whether the organisation may organise events: multipliers (chambers, associations,
/// agencies) do; administrators organise for any organisation.
pub fn may_organise(company: &Company, access: Access) -> Result<(), ApiError> {
    if access == Access::Admin || company.row.kind == CompanyKind::Multiplier.as_str() {
        return Ok(());
    }
    Err(ApiError::Forbidden(
        "only multiplier organisations (chambers, associations, agencies) organise events; \
         ask the platform's administrators"
            .into(),
    ))
}

/// Whether an event of `organiser` may be `status`: a public event names its organiser, so it
/// needs a published profile; a draft organisation's events stay drafts.
pub fn may_show_event(organiser: &Company, status: EventStatus) -> Result<(), ApiError> {
    if !status.is_public() || organiser.row.status == CompanyStatus::Published.as_str() {
        return Ok(());
    }
    Err(ApiError::conflict(
        "organiser_not_published",
        "the organiser's profile is a draft: publish it before its events",
    ))
}

/// Whether `user` may read a registration of `company_id` for an event of `organiser_id`: the
/// registered organisation's members, the organiser's members and administrators may.
pub fn may_read_registration(
    conn: &mut DbConn,
    user: &UserCaller,
    company_id: &str,
    organiser_id: Option<&str>,
) -> Result<bool, ApiError> {
    let sides = [
        (Some(company_id), Action::RegisterForEvents),
        (organiser_id, Action::ManageEvents),
    ];
    for (organisation, action) in sides {
        let Some(organisation) = organisation else {
            continue;
        };
        match authorise(conn, user, organisation, action) {
            Ok(_) => return Ok(true),
            Err(ApiError::Forbidden(_) | ApiError::NotFound(_)) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(false)
}

/// A 403 (404 for a draft) unless `user` is a member of `company`, who acts in its name in
/// partnerships. Being an administrator is not enough: a partnership's thread is its two
/// organisations' business alone.
pub fn partner_as(conn: &mut DbConn, user: &UserCaller, company: &Company) -> Result<(), ApiError> {
    let access = match members::role_of(conn, &company.row.id, &user.id)?
        .as_deref()
        .map(MemberRole::parse)
    {
        Some(Ok(MemberRole::Owner)) => Access::Owner,
        Some(Ok(MemberRole::Editor)) => Access::Editor,
        _ if company.row.status == CompanyStatus::Published.as_str() => {
            return Err(ApiError::Forbidden(
                "only the organisation's members act in its name in partnerships".into(),
            ));
        }
        _ => return Err(ApiError::no_such("company", &company.row.id)),
    };
    require(access, Action::Partner)
}

/// The sides of a partnership between `proposer_id` and `receiver_id` that `user` acts for:
/// those organisations it is a member of (see [`partner_as`]).
pub fn partnership_sides(
    conn: &mut DbConn,
    user: &UserCaller,
    proposer_id: &str,
    receiver_id: &str,
) -> Result<Vec<Side>, ApiError> {
    let mut sides = Vec::new();
    for (organisation, side) in [(proposer_id, Side::Proposer), (receiver_id, Side::Receiver)] {
        if members::role_of(conn, organisation, &user.id)?.is_some() {
            sides.push(side);
        }
    }
    Ok(sides)
}

/// Whether `caller` may see an event of `status` organised by `organiser_id`: everybody sees
/// published and cancelled ones, the organiser's members and administrators drafts too.
pub fn can_see_event(
    conn: &mut DbConn,
    caller: &Caller,
    organiser_id: &str,
    status: EventStatus,
) -> Result<bool, ApiError> {
    if status.is_public() || caller.is_admin() {
        return Ok(true);
    }
    Ok(match caller.user_id() {
        Some(user) => members::role_of(conn, organiser_id, user)?.is_some(),
        None => false,
    })
}

/// Whether `caller` may see a company of `status`, or what belongs to it: everybody sees
/// published ones, members and administrators drafts too.
pub fn can_see(
    conn: &mut DbConn,
    caller: &Caller,
    company_id: &str,
    status: &str,
) -> Result<bool, ApiError> {
    if status == CompanyStatus::Published.as_str() || caller.is_admin() {
        return Ok(true);
    }
    Ok(match caller.user_id() {
        Some(user) => members::role_of(conn, company_id, user)?.is_some(),
        None => false,
    })
}

/// The webhook subscription `id` of the key's organisation. Another organisation's is as
/// unknown as one that does not exist: 404, revealing nothing.
pub fn webhook_of(
    conn: &mut DbConn,
    key: &KeyCaller,
    id: &str,
) -> Result<persistence::webhooks::WebhookRow, ApiError> {
    persistence::webhooks::find(conn, &key.company_id, id)?
        .ok_or_else(|| ApiError::NotFound(format!("your organisation has no webhook {id}")))
}
