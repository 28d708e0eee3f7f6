-- The benchmark schema (SQLite): 1M users, 1M orders.
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    email       TEXT NOT NULL UNIQUE,
    full_name   TEXT NOT NULL,
    created_at  DATETIME NOT NULL,
    visits      INTEGER NOT NULL,
    active      BOOLEAN NOT NULL
);
CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    amount      DECIMAL(10, 2) NOT NULL,
    ordered_at  DATETIME NOT NULL,
    note        TEXT NOT NULL
);
