extension Dataset {
    /// A shop's operational schema: customers, a category tree, products, orders and their lines, payments.
    public static let retailOLTP = Dataset(
        name: "retail_oltp", domain: "retail", kind: .oltp,
        summary: "shop operations: customer, category, product, store, orders, order_item, payment",
        tables: [
            DatasetParts.categoryTable("category"),
            .init(name: "store", small: 20, large: 200, fixed: false),
            .init(name: "customer", small: 5_000, large: 500_000, fixed: false),
            .init(name: "product", small: 1_500, large: 30_000, fixed: false),
            .init(name: "orders", small: 30_000, large: 3_000_000, fixed: false),
            .init(name: "order_item", small: 75_000, large: 7_500_000, fixed: false),
            .init(name: "payment", small: 28_000, large: 2_800_000, fixed: false),
        ],
        config: """
            seed: 42
            tables:
            \(DatasetParts.categoryConfig("category", key: "category_id"))  customer:
                rows: 5000
                columns:
                  age: { type: normal, mean: 44, stddev: 16, min: 18, max: 95, decimals: 0 }
                  phone: { type: optional, prob: 0.7, inner: { type: phone } }
                  marketing_opt_in: { type: bool, prob: 0.35 }
              product:
                rows: 1500
                columns:
                  discontinued_at: { type: optional, prob: 0.06, inner: { type: date, start: "\(DatasetParts.firstDay)", end: "\(DatasetParts.endDay)" } }
              orders:
                rows: 30000
                columns:
                  order_date: \(DatasetParts.seasonalDay)
                  status: { type: weighted_choice, values: { delivered: 0.82, shipped: 0.07, pending: 0.04, cancelled: 0.05, returned: 0.02 } }
                  coupon_code: { type: optional, prob: 0.12, inner: { type: string_pattern, template: "SAVE{uniform_int:5-40}" } }
              order_item:
                rows: 75000
                columns:
                  product_id: { type: zipf, over: product, s: 1.05 }
                  quantity: { type: geometric, p: 0.6 }
              payment:
                rows: 28000
                columns:
                  method: { type: weighted_choice, values: { card: 0.7, paypal: 0.18, bank_transfer: 0.08, gift_card: 0.04 } }
                  paid_at: { type: optional, prob: 0.97, inner: { type: timestamp, start: "\(DatasetParts.firstDay)T00:00:00", end: "\(DatasetParts.endDay)T00:00:00" } }

            """,
        ddl: DatasetParts.categoryDDL("category", key: "category_id") + """
            CREATE TABLE store (
                store_id INTEGER PRIMARY KEY,
                store_name TEXT NOT NULL,
                city TEXT NOT NULL,
                country TEXT NOT NULL
            );
            \(DatasetParts.customerDDL(["city TEXT NOT NULL", "country TEXT NOT NULL", "marketing_opt_in BOOLEAN NOT NULL", "created_at TIMESTAMP NOT NULL"]))
            CREATE TABLE product (
                product_id INTEGER PRIMARY KEY,
                sku TEXT NOT NULL UNIQUE,
                product_name TEXT NOT NULL,
                category_id INTEGER NOT NULL REFERENCES category (category_id),
                price NUMERIC(10,2) NOT NULL CHECK (price > 0),
                discontinued_at DATE
            );
            CREATE TABLE orders (
                order_id BIGINT PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer (customer_id),
                store_id INTEGER REFERENCES store (store_id),
                order_date DATE NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'shipped', 'delivered', 'cancelled', 'returned')),
                coupon_code TEXT,
                total_amount NUMERIC(12,2) NOT NULL CHECK (total_amount >= 0)
            );
            CREATE INDEX orders_customer ON orders (customer_id);
            CREATE INDEX orders_date ON orders (order_date);
            CREATE TABLE order_item (
                order_item_id BIGINT PRIMARY KEY,
                order_id BIGINT NOT NULL REFERENCES orders (order_id),
                product_id INTEGER NOT NULL REFERENCES product (product_id),
                quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100),
                unit_price NUMERIC(10,2) NOT NULL CHECK (unit_price > 0)
            );
            CREATE INDEX order_item_order ON order_item (order_id);
            CREATE TABLE payment (
                payment_id BIGINT PRIMARY KEY,
                order_id BIGINT NOT NULL REFERENCES orders (order_id),
                method TEXT NOT NULL CHECK (method IN ('card', 'paypal', 'bank_transfer', 'gift_card')),
                amount NUMERIC(12,2) NOT NULL CHECK (amount > 0),
                paid_at TIMESTAMP
            );
            CREATE INDEX payment_order ON payment (order_id);

            """,
        partitionColumns: ["orders": "order_date"]
    )
}
