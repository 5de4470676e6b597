-- A bounty's public training split and private holdout move out of the bounties row into their own table:
-- H2 stores BYTEA values inside the row, so every read of a bounty's metadata (each leaderboard, each
-- submission) read the whole CSVs too (megabytes for a 100,000-row holdout).
CREATE TABLE bounty_splits (
    bounty_id   VARCHAR(64) PRIMARY KEY REFERENCES bounties (id),
    train_csv   BYTEA       NOT NULL,
    holdout_csv BYTEA       NOT NULL
);

INSERT INTO bounty_splits (bounty_id, train_csv, holdout_csv) SELECT id, train_csv, holdout_csv FROM bounties;

ALTER TABLE bounties DROP COLUMN train_csv;
ALTER TABLE bounties DROP COLUMN holdout_csv;

CREATE INDEX bounties_model ON bounties (model_id);
