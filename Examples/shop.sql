-- A small shop, SQLite dialect: four tables with a primary key, a composite
-- primary key, foreign keys, a UNIQUE email and CHECK constraints.
-- dbsynth fill sqlite:shop.db --schema Examples/shop.sql --rows 5000
CREATE TABLE customers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    first_name  TEXT NOT NULL,
    last_name   TEXT NOT NULL,
    email       TEXT NOT NULL UNIQUE,
    city        TEXT,
    country     TEXT,
    birth_date  DATE,
    created_at  DATETIME NOT NULL,
    CHECK (length(email) <= 120)
);

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    name        VARCHAR(80) NOT NULL,
    sku         VARCHAR(20) NOT NULL UNIQUE,
    price       DECIMAL(10, 2) NOT NULL CHECK (price > 0),
    stock       INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0 AND stock <= 10000)
);

CREATE TABLE orders (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    status       TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    ordered_at   DATETIME NOT NULL,
    note         TEXT
);

CREATE TABLE order_items (
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    line_no     INTEGER NOT NULL CHECK (line_no BETWEEN 1 AND 1000000),
    product_id  INTEGER NOT NULL REFERENCES products (id),
    quantity    INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 50),
    unit_price  DECIMAL(10, 2) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no)
);
