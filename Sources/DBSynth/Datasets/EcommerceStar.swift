extension Dataset {
    /// Order lines over date, product, channel and a type-2 customer.
    public static let ecommerceStar = Dataset(
        name: "ecommerce_star", domain: "e-commerce", kind: .star,
        summary: "online order lines: fact_order_line over dim_date, dim_product, dim_category, dim_channel and a type-2 dim_customer",
        tables: [
            DatasetParts.dateTable(), DatasetParts.categoryTable("dim_category"),
            .init(name: "dim_channel", small: 5, large: 5, fixed: true),
            .init(name: "dim_product", small: 3_000, large: 100_000, fixed: false),
            .init(name: "dim_customer", small: 5_000, large: 500_000, fixed: false),
            .init(name: "fact_order_line", small: 80_000, large: 8_000_000, fixed: false),
        ],
        config: """
            seed: 42
            tables:
            \(DatasetParts.dateDimensionConfig)\(DatasetParts.categoryConfig("dim_category", key: "category_key"))  dim_channel:
                rows: 5
                columns:
                  channel_key: { type: sequential_id }
                  channel_name: { type: cycle, values: [web, ios, android, marketplace, social] }
                  is_mobile: { type: cycle, values: [false, true, true, false, true] }
              dim_product:
                rows: 3000
                columns:
                  brand: { type: company }
                  weight_grams: { type: log_normal, median: 450, sigma: 1.1, max: 50000 }
            \(DatasetParts.customerDimensionConfig)  fact_order_line:
                rows: 80000
                columns:
                  order_date: \(DatasetParts.seasonalDay)
                  product_key: { type: zipf, over: dim_product, s: 1.1 }
                  order_number: { type: string_pattern, template: "WEB-{sequential_id}" }
                  quantity: { type: geometric, p: 0.65 }
                  discount: { type: optional, prob: 0.3, inner: { type: one_of, values: [0.05, 0.1, 0.15, 0.2, 0.5] } }
                  shipping_cost: { type: optional, prob: 0.6, inner: { type: normal, mean: 6.5, stddev: 2.5, min: 0.99, max: 30 } }
                  returned: { type: bool, prob: 0.07 }

            """,
        ddl: DatasetParts.dateDimensionDDL + DatasetParts.categoryDDL("dim_category", key: "category_key") + """
            CREATE TABLE dim_channel (
                channel_key INTEGER PRIMARY KEY,
                channel_name TEXT NOT NULL UNIQUE,
                is_mobile BOOLEAN NOT NULL
            );
            CREATE TABLE dim_product (
                product_key INTEGER PRIMARY KEY,
                sku TEXT NOT NULL UNIQUE,
                product_name TEXT NOT NULL,
                category_key INTEGER NOT NULL REFERENCES dim_category (category_key),
                brand TEXT NOT NULL,
                list_price NUMERIC(10,2) NOT NULL CHECK (list_price > 0),
                weight_grams INTEGER NOT NULL CHECK (weight_grams >= 0)
            );
            \(DatasetParts.customerDimensionDDL)CREATE TABLE fact_order_line (
                order_line_id BIGINT PRIMARY KEY,
                order_number TEXT NOT NULL,
                order_date DATE NOT NULL REFERENCES dim_date (date_key),
                product_key INTEGER NOT NULL REFERENCES dim_product (product_key),
                channel_key INTEGER NOT NULL REFERENCES dim_channel (channel_key),
                customer_sk INTEGER NOT NULL REFERENCES dim_customer (customer_sk),
                quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100),
                unit_price NUMERIC(10,2) NOT NULL CHECK (unit_price > 0),
                discount NUMERIC(4,2) CHECK (discount BETWEEN 0 AND 1),
                shipping_cost NUMERIC(8,2),
                returned BOOLEAN NOT NULL
            );
            CREATE INDEX fact_order_line_date ON fact_order_line (order_date);
            CREATE INDEX fact_order_line_customer ON fact_order_line (customer_sk);

            """,
        partitionColumns: ["fact_order_line": "order_date"]
    )
}
