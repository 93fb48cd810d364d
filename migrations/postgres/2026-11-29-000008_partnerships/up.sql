-- Partnership proposals between organisations and their threads. Keep this file and its
-- SQLite twin identical.

CREATE TABLE partnerships (
    id TEXT PRIMARY KEY NOT NULL,
    proposer_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    receiver_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    -- The two organisations' ids in order: a pair has one open proposal at a time.
    pair_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('supplier', 'subcontracting', 'manufacturing_agreement',
        'distribution_agency', 'joint_venture', 'technical_cooperation', 'research_cooperation',
        'licence')),
    status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined', 'withdrawn', 'ended')),
    -- What the proposal answers (an expression of interest) or where the two met.
    opportunity_id TEXT REFERENCES opportunities (id) ON DELETE SET NULL,
    event_id TEXT REFERENCES events (id) ON DELETE SET NULL,
    proposed_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (proposer_id <> receiver_id)
);

CREATE UNIQUE INDEX partnerships_one_open_per_pair ON partnerships (pair_key)
    WHERE status = 'proposed';
CREATE INDEX partnerships_of_proposer ON partnerships (proposer_id, id);
CREATE INDEX partnerships_of_receiver ON partnerships (receiver_id, id);
-- The daily limit of proposals counts a user's recent ones.
CREATE INDEX partnerships_by_proposing_user ON partnerships (proposed_by, created_at);

-- The thread: the proposal and every step after it, who took it, when, with what message.
CREATE TABLE partnership_steps (
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    step TEXT NOT NULL CHECK (step IN ('propose', 'accept', 'decline', 'withdraw', 'end')),
    side TEXT NOT NULL CHECK (side IN ('proposer', 'receiver')),
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    message TEXT,
    at TIMESTAMP NOT NULL,
    PRIMARY KEY (partnership_id, position)
);
