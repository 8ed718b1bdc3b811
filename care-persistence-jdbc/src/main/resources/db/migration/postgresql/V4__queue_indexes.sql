-- V4: indexes for the routing and sweep reads whose cost must not grow with the backlog.
-- Team queue in queue order (team, unassigned, priority, longest waiting, opening, id): the existence check
-- (routing, every batch) stops at the first entry, and a queue page reads the team's rows in index order.
CREATE INDEX care_conversation_waiting_idx ON care_conversation (team_id, assignee_id, priority_rank, awaiting_response_since, opened_at, id);
-- Sweep: ORDER BY next_due_at, id over every active state reads this index in order and stops at the limit.
CREATE INDEX care_conversation_next_due_idx ON care_conversation (next_due_at, id);
