-- The calendar's month (issue 15, point 4): how many posts each day of a six-week grid holds,
-- and each day's first posts, read from the index alone. With (scheduled_at) only, counting
-- visited every delivery's row and its post's row; a month ten times as busy took ~20 ms.
-- Live posts are told by the small index of the deleted ones (a post is soft-deleted).
CREATE INDEX deliveries_calendar ON deliveries (scheduled_at, post_id, account_id, state);
CREATE INDEX posts_deleted ON posts (id) WHERE deleted_at IS NOT NULL;
