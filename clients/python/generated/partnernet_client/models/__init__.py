""" Contains all the data models used in inputs/outputs """

from .address import Address
from .address_input import AddressInput
from .address_patch import AddressPatch
from .api_key import ApiKey
from .api_key_usage import ApiKeyUsage
from .api_scope import ApiScope
from .capacity_input import CapacityInput
from .capacity_patch import CapacityPatch
from .change import Change
from .change_actor import ChangeActor
from .change_batch import ChangeBatch
from .change_dto import ChangeDto
from .change_entity import ChangeEntity
from .change_op import ChangeOp
from .change_page import ChangePage
from .claim import Claim
from .claim_input import ClaimInput
from .claim_status import ClaimStatus
from .claimant import Claimant
from .claimed_company import ClaimedCompany
from .company import Company
from .company_industry import CompanyIndustry
from .company_input import CompanyInput
from .company_kind import CompanyKind
from .company_patch import CompanyPatch
from .company_status import CompanyStatus
from .contact_input import ContactInput
from .contact_person import ContactPerson
from .count import Count
from .country import Country
from .created_api_key import CreatedApiKey
from .created_webhook import CreatedWebhook
from .credentials import Credentials
from .delivery_status import DeliveryStatus
from .event import Event
from .event_input import EventInput
from .event_kind import EventKind
from .event_patch import EventPatch
from .event_places import EventPlaces
from .event_status import EventStatus
from .event_time_zone import EventTimeZone
from .export_companies_format import ExportCompaniesFormat
from .export_events_format import ExportEventsFormat
from .export_opportunities_format import ExportOpportunitiesFormat
from .export_products_format import ExportProductsFormat
from .exported_company import ExportedCompany
from .facet_value import FacetValue
from .facets import Facets
from .field_error import FieldError
from .german_register_entry import GermanRegisterEntry
from .glossary_entry import GlossaryEntry
from .glossary_input import GlossaryInput
from .glossary_list import GlossaryList
from .health import Health
from .held_api_key import HeldApiKey
from .identifiers import Identifiers
from .identifiers_input import IdentifiersInput
from .identifiers_patch import IdentifiersPatch
from .import_files import ImportFiles
from .import_finding import ImportFinding
from .import_job import ImportJob
from .import_job_status import ImportJobStatus
from .import_summary import ImportSummary
from .industry import Industry
from .industry_list import IndustryList
from .industry_ref import IndustryRef
from .labels import Labels
from .language import Language
from .legal_form import LegalForm
from .legal_form_list import LegalFormList
from .legal_form_ref import LegalFormRef
from .list_claims_status import ListClaimsStatus
from .list_companies_sort import ListCompaniesSort
from .list_event_registrations_format import ListEventRegistrationsFormat
from .list_events_sort import ListEventsSort
from .list_opportunities_sort import ListOpportunitiesSort
from .list_partnerships_direction import ListPartnershipsDirection
from .list_partnerships_status import ListPartnershipsStatus
from .list_products_sort import ListProductsSort
from .localized_text import LocalizedText
from .localized_text_input import LocalizedTextInput
from .localized_text_patch import LocalizedTextPatch
from .match import Match
from .member import Member
from .member_role import MemberRole
from .membership import Membership
from .month import Month
from .nace_level import NaceLevel
from .new_api_key import NewApiKey
from .new_member import NewMember
from .new_webhook import NewWebhook
from .notification import Notification
from .notification_kind import NotificationKind
from .opportunity import Opportunity
from .opportunity_input import OpportunityInput
from .opportunity_patch import OpportunityPatch
from .opportunity_status import OpportunityStatus
from .opportunity_type import OpportunityType
from .organisation_ref import OrganisationRef
from .page_api_key import PageApiKey
from .page_change import PageChange
from .page_claim import PageClaim
from .page_event import PageEvent
from .page_held_api_key import PageHeldApiKey
from .page_import_job import PageImportJob
from .page_member import PageMember
from .page_notification import PageNotification
from .page_opportunity import PageOpportunity
from .page_participant_list_entry import PageParticipantListEntry
from .page_partnership import PagePartnership
from .page_product import PageProduct
from .page_registration import PageRegistration
from .page_webhook import PageWebhook
from .page_webhook_delivery import PageWebhookDelivery
from .participant import Participant
from .participant_input import ParticipantInput
from .participant_list_entry import ParticipantListEntry
from .participation_kind import ParticipationKind
from .partnership import Partnership
from .partnership_status import PartnershipStatus
from .partnership_step import PartnershipStep
from .partnership_type import PartnershipType
from .password_change import PasswordChange
from .places import Places
from .problem import Problem
from .product import Product
from .product_company import ProductCompany
from .product_input import ProductInput
from .product_kind import ProductKind
from .product_name import ProductName
from .product_patch import ProductPatch
from .profile_change import ProfileChange
from .proposal_input import ProposalInput
from .reason_kind import ReasonKind
from .recommendation import Recommendation
from .recommendation_reason import RecommendationReason
from .recommendations import Recommendations
from .recommended_opportunity import RecommendedOpportunity
from .refresh_request import RefreshRequest
from .region import Region
from .region_kind import RegionKind
from .region_list import RegionList
from .register_input import RegisterInput
from .register_patch import RegisterPatch
from .register_record import RegisterRecord
from .register_source import RegisterSource
from .register_status import RegisterStatus
from .registration import Registration
from .registration_input import RegistrationInput
from .registration_status import RegistrationStatus
from .search_page_company import SearchPageCompany
from .search_page_event import SearchPageEvent
from .search_page_opportunity import SearchPageOpportunity
from .search_page_product import SearchPageProduct
from .sign_up import SignUp
from .size_class import SizeClass
from .start_import_json_body import StartImportJsonBody
from .start_import_source import StartImportSource
from .statistics import Statistics
from .step_input import StepInput
from .text_input import TextInput
from .text_patch import TextPatch
from .thread_entry import ThreadEntry
from .title_input import TitleInput
from .title_patch import TitlePatch
from .token_pair import TokenPair
from .usage_day import UsageDay
from .user import User
from .venue import Venue
from .venue_input import VenueInput
from .venue_patch import VenuePatch
from .webhook import Webhook
from .webhook_delivery import WebhookDelivery
from .webhook_patch import WebhookPatch
from .webhook_payload import WebhookPayload
from .webhook_secret import WebhookSecret
from .webhook_status import WebhookStatus

__all__ = (
    "Address",
    "AddressInput",
    "AddressPatch",
    "ApiKey",
    "ApiKeyUsage",
    "ApiScope",
    "CapacityInput",
    "CapacityPatch",
    "Change",
    "ChangeActor",
    "ChangeBatch",
    "ChangeDto",
    "ChangeEntity",
    "ChangeOp",
    "ChangePage",
    "Claim",
    "Claimant",
    "ClaimedCompany",
    "ClaimInput",
    "ClaimStatus",
    "Company",
    "CompanyIndustry",
    "CompanyInput",
    "CompanyKind",
    "CompanyPatch",
    "CompanyStatus",
    "ContactInput",
    "ContactPerson",
    "Count",
    "Country",
    "CreatedApiKey",
    "CreatedWebhook",
    "Credentials",
    "DeliveryStatus",
    "Event",
    "EventInput",
    "EventKind",
    "EventPatch",
    "EventPlaces",
    "EventStatus",
    "EventTimeZone",
    "ExportCompaniesFormat",
    "ExportedCompany",
    "ExportEventsFormat",
    "ExportOpportunitiesFormat",
    "ExportProductsFormat",
    "Facets",
    "FacetValue",
    "FieldError",
    "GermanRegisterEntry",
    "GlossaryEntry",
    "GlossaryInput",
    "GlossaryList",
    "Health",
    "HeldApiKey",
    "Identifiers",
    "IdentifiersInput",
    "IdentifiersPatch",
    "ImportFiles",
    "ImportFinding",
    "ImportJob",
    "ImportJobStatus",
    "ImportSummary",
    "Industry",
    "IndustryList",
    "IndustryRef",
    "Labels",
    "Language",
    "LegalForm",
    "LegalFormList",
    "LegalFormRef",
    "ListClaimsStatus",
    "ListCompaniesSort",
    "ListEventRegistrationsFormat",
    "ListEventsSort",
    "ListOpportunitiesSort",
    "ListPartnershipsDirection",
    "ListPartnershipsStatus",
    "ListProductsSort",
    "LocalizedText",
    "LocalizedTextInput",
    "LocalizedTextPatch",
    "Match",
    "Member",
    "MemberRole",
    "Membership",
    "Month",
    "NaceLevel",
    "NewApiKey",
    "NewMember",
    "NewWebhook",
    "Notification",
    "NotificationKind",
    "Opportunity",
    "OpportunityInput",
    "OpportunityPatch",
    "OpportunityStatus",
    "OpportunityType",
    "OrganisationRef",
    "PageApiKey",
    "PageChange",
    "PageClaim",
    "PageEvent",
    "PageHeldApiKey",
    "PageImportJob",
    "PageMember",
    "PageNotification",
    "PageOpportunity",
    "PageParticipantListEntry",
    "PagePartnership",
    "PageProduct",
    "PageRegistration",
    "PageWebhook",
    "PageWebhookDelivery",
    "Participant",
    "ParticipantInput",
    "ParticipantListEntry",
    "ParticipationKind",
    "Partnership",
    "PartnershipStatus",
    "PartnershipStep",
    "PartnershipType",
    "PasswordChange",
    "Places",
    "Problem",
    "Product",
    "ProductCompany",
    "ProductInput",
    "ProductKind",
    "ProductName",
    "ProductPatch",
    "ProfileChange",
    "ProposalInput",
    "ReasonKind",
    "Recommendation",
    "RecommendationReason",
    "Recommendations",
    "RecommendedOpportunity",
    "RefreshRequest",
    "Region",
    "RegionKind",
    "RegionList",
    "RegisterInput",
    "RegisterPatch",
    "RegisterRecord",
    "RegisterSource",
    "RegisterStatus",
    "Registration",
    "RegistrationInput",
    "RegistrationStatus",
    "SearchPageCompany",
    "SearchPageEvent",
    "SearchPageOpportunity",
    "SearchPageProduct",
    "SignUp",
    "SizeClass",
    "StartImportJsonBody",
    "StartImportSource",
    "Statistics",
    "StepInput",
    "TextInput",
    "TextPatch",
    "ThreadEntry",
    "TitleInput",
    "TitlePatch",
    "TokenPair",
    "UsageDay",
    "User",
    "Venue",
    "VenueInput",
    "VenuePatch",
    "Webhook",
    "WebhookDelivery",
    "WebhookPatch",
    "WebhookPayload",
    "WebhookSecret",
    "WebhookStatus",
)
