-- 041_events.sql -- training and events (培训活动) and their registrations
-- (issue 17 "Training and events", R-14.1, X-AUD; lib/info/event.c).
--
-- An event is a course, a training or a lecture run by the operators of a
-- region (region_code: their city, or the province): a place or an online
-- link, a start and an end, a capacity, a registration deadline (all
-- times UTC) and an audience, the kinds of user who may register.
-- status: draft -> published -> cancelled (event_machine); readers see
-- the published and cancelled ones of their audience.
--
-- A registration is one user's place: 'registered' while a seat is
-- theirs, 'waiting' on the waiting list (in order of queued_at, id),
-- 'cancelled' by the user, and once the event is held 'attended' or
-- 'absent' as the operators mark it (event_reg_machine).  A user has at
-- most one row per event: registering again after a cancellation reuses
-- it at the end of the queue.  Seats are counted under the event row's
-- lock (SELECT ... FOR UPDATE on events), so two users racing for the
-- last seat are served one after the other: one gets it, the other waits.
CREATE TABLE events (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  region_code   CHAR(6)       NOT NULL,
  kind          ENUM('course','training','lecture') NOT NULL,
  title         VARCHAR(100)  NOT NULL,
  body          TEXT          NOT NULL,
  place         VARCHAR(200)  NOT NULL DEFAULT '',
  online_url    VARCHAR(300)  NOT NULL DEFAULT '',
  starts_at     DATETIME      NOT NULL,
  ends_at       DATETIME      NOT NULL,
  deadline      DATETIME      NOT NULL,
  capacity      INT UNSIGNED  NOT NULL,
  audience      SET('enterprise','gov','fi') NOT NULL,
  status        ENUM('draft','published','cancelled') NOT NULL DEFAULT 'draft',
  version       INT UNSIGNED  NOT NULL DEFAULT 1,
  created_by    BIGINT UNSIGNED NOT NULL,
  created_at    DATETIME      NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at    DATETIME      NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  KEY events_upcoming (status, starts_at),
  KEY events_region (region_code, starts_at),
  CONSTRAINT events_region_fk FOREIGN KEY (region_code) REFERENCES regions (code),
  CONSTRAINT events_created_fk FOREIGN KEY (created_by) REFERENCES users (id),
  CONSTRAINT events_where_ck CHECK (place <> '' OR online_url <> ''),
  CONSTRAINT events_url_ck CHECK (online_url = '' OR online_url LIKE 'https://%'
    OR online_url LIKE 'http://%'),
  CONSTRAINT events_time_ck CHECK (ends_at >= starts_at AND deadline <= starts_at),
  CONSTRAINT events_capacity_ck CHECK (capacity BETWEEN 1 AND 100000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE event_registrations (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  event_id      BIGINT UNSIGNED NOT NULL,
  user_id       BIGINT UNSIGNED NOT NULL,
  status        ENUM('registered','waiting','cancelled','attended','absent') NOT NULL,
  queued_at     DATETIME      NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at    DATETIME      NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  UNIQUE KEY event_reg_user (event_id, user_id),
  KEY event_reg_queue (event_id, status, queued_at, id),
  KEY event_reg_own (user_id, event_id),
  CONSTRAINT event_reg_event_fk FOREIGN KEY (event_id) REFERENCES events (id),
  CONSTRAINT event_reg_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
