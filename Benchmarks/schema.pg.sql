-- The benchmark schema (PostgreSQL): 1M users, 1M orders.
CREATE TABLE users (
    id          bigint PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    full_name   text NOT NULL,
    created_at  timestamp NOT NULL,
    visits      integer NOT NULL,
    active      boolean NOT NULL
);
CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id),
    amount      numeric(10, 2) NOT NULL,
    ordered_at  timestamp NOT NULL,
    note        text NOT NULL
);
