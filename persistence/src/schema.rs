// The tables of migrations/{sqlite,postgres}: one logical schema for both backends.

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    nace_codes (code) {
        code -> Text,
        level -> Text,
        parent -> Nullable<Text>,
        section -> Text,
        label_de -> Text,
        label_cs -> Text,
        label_en -> Text,
    }
}

diesel::table! {
    regions (code) {
        code -> Text,
        country -> Text,
        name_de -> Text,
        name_cs -> Text,
        name_en -> Text,
        kind -> Text,
        official_code -> Text,
        programme_area -> Bool,
    }
}

diesel::table! {
    legal_forms (code) {
        code -> Text,
        country -> Text,
        abbreviation -> Text,
        name_de -> Text,
        name_cs -> Text,
        name_en -> Text,
        ares_code -> Nullable<Text>,
    }
}

diesel::table! {
    postal_codes (country, postal_code, place) {
        country -> Text,
        postal_code -> Text,
        place -> Text,
        latitude -> Double,
        longitude -> Double,
        region -> Text,
    }
}

diesel::table! {
    companies (id) {
        id -> Text,
        kind -> Text,
        name -> Text,
        name_sort -> Text,
        legal_form -> Nullable<Text>,
        country -> Text,
        ico -> Nullable<Text>,
        register_court -> Nullable<Text>,
        register_type -> Nullable<Text>,
        register_number -> Nullable<Text>,
        vat_id -> Nullable<Text>,
        street -> Nullable<Text>,
        postal_code -> Nullable<Text>,
        city -> Nullable<Text>,
        region -> Nullable<Text>,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        size_class -> Nullable<Text>,
        founded_on -> Nullable<Date>,
        website -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        description_de -> Nullable<Text>,
        description_cs -> Nullable<Text>,
        description_en -> Nullable<Text>,
        status -> Text,
        verified -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    company_nace (company_id, nace_code) {
        company_id -> Text,
        nace_code -> Text,
        is_primary -> Bool,
    }
}

diesel::table! {
    company_languages (company_id, language) {
        company_id -> Text,
        language -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        name -> Text,
        language -> Text,
        password_hash -> Text,
        is_admin -> Bool,
        session_version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    refresh_tokens (token_hash) {
        token_hash -> Text,
        user_id -> Text,
        family_id -> Text,
        expires_at -> Timestamp,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked -> Bool,
    }
}

diesel::table! {
    company_members (company_id, user_id) {
        company_id -> Text,
        user_id -> Text,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    company_contacts (company_id, position) {
        company_id -> Text,
        position -> Integer,
        name -> Text,
        role -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        languages -> Text,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Text,
        company_id -> Text,
        name -> Text,
        prefix -> Text,
        key_hash -> Text,
        scopes -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    company_changes (id) {
        id -> Text,
        company_id -> Text,
        action -> Text,
        fields -> Text,
        actor_user_id -> Nullable<Text>,
        actor_api_key_id -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    products (id) {
        id -> Text,
        company_id -> Text,
        kind -> Text,
        name_de -> Nullable<Text>,
        name_cs -> Nullable<Text>,
        name_en -> Nullable<Text>,
        name_sort -> Text,
        description_de -> Nullable<Text>,
        description_cs -> Nullable<Text>,
        description_en -> Nullable<Text>,
        keywords -> Text,
        image_url -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    product_nace (product_id, nace_code) {
        product_id -> Text,
        nace_code -> Text,
    }
}

diesel::table! {
    glossary_entries (id) {
        id -> Text,
        de -> Text,
        cs -> Text,
        en -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    company_registrations (company_id) {
        company_id -> Text,
        source -> Text,
        status -> Text,
        legal_form -> Nullable<Text>,
        record_date -> Nullable<Timestamp>,
        imported_at -> Timestamp,
    }
}

diesel::table! {
    company_claims (id) {
        id -> Text,
        company_id -> Text,
        user_id -> Text,
        message -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<Text>,
    }
}

diesel::table! {
    import_jobs (id) {
        id -> Text,
        source -> Text,
        status -> Text,
        dry_run -> Bool,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        inserted -> BigInt,
        updated -> BigInt,
        unchanged -> BigInt,
        rejected -> BigInt,
        warnings -> BigInt,
        report -> Nullable<Text>,
        error -> Nullable<Text>,
    }
}

diesel::joinable!(company_nace -> companies (company_id));
diesel::joinable!(products -> companies (company_id));
diesel::joinable!(product_nace -> products (product_id));
diesel::joinable!(company_nace -> nace_codes (nace_code));
diesel::joinable!(company_languages -> companies (company_id));
diesel::joinable!(postal_codes -> regions (region));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(company_members -> users (user_id));
diesel::joinable!(company_members -> companies (company_id));
diesel::joinable!(company_contacts -> companies (company_id));
diesel::joinable!(api_keys -> companies (company_id));
diesel::joinable!(company_registrations -> companies (company_id));
diesel::joinable!(company_claims -> companies (company_id));

diesel::allow_tables_to_appear_in_same_query!(
    settings,
    nace_codes,
    regions,
    legal_forms,
    postal_codes,
    companies,
    company_nace,
    company_languages,
    users,
    refresh_tokens,
    company_members,
    company_contacts,
    api_keys,
    company_changes,
    products,
    product_nace,
    glossary_entries,
    company_registrations,
    company_claims,
    import_jobs,
);

diesel::table! {
    changes (seq) {
        seq -> BigInt,
        entity -> Text,
        entity_id -> Text,
        op -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    events (id) {
        id -> Text,
        organiser_id -> Text,
        status -> Text,
        kind -> Text,
        title_sort -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        time_zone -> Text,
        registration_deadline -> Nullable<Timestamp>,
        venue_name -> Nullable<Text>,
        street -> Nullable<Text>,
        postal_code -> Nullable<Text>,
        city -> Nullable<Text>,
        country -> Nullable<Text>,
        region -> Nullable<Text>,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        online_url -> Nullable<Text>,
        languages -> Text,
        interpreting -> Bool,
        topics -> Text,
        capacity_exhibitors -> Nullable<Integer>,
        capacity_visitors -> Nullable<Integer>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    event_texts (event_id, language) {
        event_id -> Text,
        language -> Text,
        title -> Nullable<Text>,
        summary -> Nullable<Text>,
        description -> Nullable<Text>,
        fee_note -> Nullable<Text>,
    }
}

diesel::table! {
    event_queues (event_id) {
        event_id -> Text,
        arrivals -> BigInt,
    }
}

diesel::table! {
    event_registrations (id) {
        id -> Text,
        event_id -> Text,
        company_id -> Text,
        kind -> Text,
        status -> Text,
        arrival -> BigInt,
        note -> Nullable<Text>,
        listed -> Bool,
        registered_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        cancelled_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    event_participants (registration_id, position) {
        registration_id -> Text,
        position -> Integer,
        name -> Text,
        email -> Text,
        language -> Text,
    }
}

diesel::joinable!(events -> companies (organiser_id));
diesel::joinable!(event_texts -> events (event_id));
diesel::joinable!(event_queues -> events (event_id));
diesel::joinable!(event_registrations -> events (event_id));
diesel::joinable!(event_participants -> event_registrations (registration_id));
diesel::joinable!(event_registrations -> companies (company_id));

diesel::allow_tables_to_appear_in_same_query!(
    events,
    event_texts,
    event_queues,
    event_registrations,
    event_participants,
    companies,
);

diesel::table! {
    opportunities (id) {
        id -> Text,
        company_id -> Text,
        kind -> Text,
        status -> Text,
        title_sort -> Text,
        nace -> Text,
        keywords -> Text,
        partnership_types -> Text,
        target_countries -> Text,
        target_regions -> Text,
        valid_until -> Date,
        expiry_notice_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    opportunity_texts (opportunity_id, language) {
        opportunity_id -> Text,
        language -> Text,
        title -> Nullable<Text>,
        summary -> Nullable<Text>,
        description -> Nullable<Text>,
    }
}

diesel::joinable!(opportunities -> companies (company_id));
diesel::joinable!(opportunity_texts -> opportunities (opportunity_id));

diesel::allow_tables_to_appear_in_same_query!(opportunities, opportunity_texts, companies);

diesel::table! {
    partnerships (id) {
        id -> Text,
        proposer_id -> Text,
        receiver_id -> Text,
        pair_key -> Text,
        kind -> Text,
        status -> Text,
        opportunity_id -> Nullable<Text>,
        event_id -> Nullable<Text>,
        proposed_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    partnership_steps (partnership_id, position) {
        partnership_id -> Text,
        position -> Integer,
        step -> Text,
        side -> Text,
        user_id -> Nullable<Text>,
        message -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::joinable!(partnership_steps -> partnerships (partnership_id));
diesel::joinable!(partnership_steps -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(partnerships, partnership_steps, companies);
diesel::allow_tables_to_appear_in_same_query!(partnership_steps, users);

diesel::table! {
    notifications (id) {
        id -> Text,
        user_id -> Text,
        kind -> Text,
        link -> Text,
        title -> Text,
        body -> Text,
        read_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(notifications -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(notifications, users);

diesel::table! {
    mail_outbox (id) {
        id -> Text,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        given_up_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(mail_outbox -> notifications (id));
diesel::allow_tables_to_appear_in_same_query!(mail_outbox, notifications);

diesel::table! {
    webhooks (id) {
        id -> Text,
        company_id -> Text,
        url -> Text,
        entities -> Text,
        with_contacts -> Bool,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamp>,
        status -> Text,
        paused_reason -> Nullable<Text>,
        planned_through -> BigInt,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        webhook_id -> Text,
        first_seq -> BigInt,
        last_seq -> BigInt,
        entries -> Integer,
        body -> Text,
        status -> Text,
        attempts -> Integer,
        first_attempt_at -> Timestamp,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(webhooks -> companies (company_id));
diesel::joinable!(webhook_deliveries -> webhooks (webhook_id));
diesel::allow_tables_to_appear_in_same_query!(webhooks, webhook_deliveries, companies);

diesel::table! {
    api_key_usage (key_id, day) {
        key_id -> Text,
        day -> Date,
        requests -> BigInt,
    }
}

diesel::joinable!(api_key_usage -> api_keys (key_id));
diesel::allow_tables_to_appear_in_same_query!(api_key_usage, api_keys);

diesel::table! {
    idempotency_keys (scope, idempotency_key) {
        scope -> Text,
        idempotency_key -> Text,
        fingerprint -> Text,
        status -> Nullable<Integer>,
        location -> Nullable<Text>,
        etag -> Nullable<Text>,
        content_type -> Nullable<Text>,
        body -> Nullable<Binary>,
        created_at -> Timestamp,
    }
}
