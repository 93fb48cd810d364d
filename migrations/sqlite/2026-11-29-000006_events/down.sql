DROP TRIGGER registrations_moved_up;
DROP TRIGGER events_cancelled;
DROP TABLE event_participants;
DROP TABLE event_registrations;
DROP TABLE event_queues;
DROP TABLE event_texts;
DROP TABLE events;
DELETE FROM changes WHERE entity IN ('event', 'registration');
