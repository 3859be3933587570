-- A counter of changes to what search may answer, stepped by triggers on the search outbox: once
-- when a role change is enqueued (in the same atomic unit as the change) and once when the engine
-- confirmed it (the relay deletes the entry). A process that reuses answers for a few seconds keys
-- them on this one row, so an answer is never reused across a write or across the moment a write
-- became searchable. The outbox's largest id could not serve: it falls back when the newest entry
-- is delivered, and then repeats an earlier value.
INSERT INTO change_counters (name, value) VALUES ('search', 0);

CREATE TRIGGER search_changed_enqueued AFTER INSERT ON search_outbox
BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'search';
END;

CREATE TRIGGER search_changed_delivered AFTER DELETE ON search_outbox
BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'search';
END;
