DELETE FROM notifications WHERE kind = 'webhook_paused';
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('partnership_proposed', 'interest_expressed',
        'partnership_accepted', 'partnership_declined', 'partnership_withdrawn',
        'partnership_ended', 'registration_moved_up', 'event_changed', 'event_cancelled',
        'opportunity_expiring'));
